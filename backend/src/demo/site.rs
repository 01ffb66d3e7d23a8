//! Demo site content: each community's site (made from its template when the community was
//! created) gets a logo, contacts, council and budget texts, documents and news, entered the
//! way a site editor would, through the site builder's domain functions.

use std::io::Cursor;

use chrono::NaiveDate;
use hromada_site_builder::block::{
    Block, Contacts, DocumentItem, Documents, Gallery, ImageBlock, Person, RichText,
};
use hromada_site_builder::content::Content;
use hromada_site_builder::page::{self, Kind, NewPage, PageChange};
use hromada_site_builder::{media, site};
use hromada_tenants::blob::BlobStore;
use hromada_tenants::{AuthUser, Authorizer, DomainResult, Tenant, TenantSource, TenantTx};
use sea_orm::DatabaseConnection;

/// Makes the site of `community` if it has none (communities made before sites existed).
pub async fn ensure_site(
    db: &DatabaseConnection,
    oblast: &Tenant,
    oblast_admin: &AuthUser,
    community: &Tenant,
    template: &str,
) -> DomainResult<()> {
    if site::get(db, community.id).await?.is_some() {
        return Ok(());
    }
    let tx = TenantTx::begin(
        db,
        Some((oblast.clone(), TenantSource::Host)),
        Some(oblast_admin.clone()),
        Some("demo".into()),
    )
    .await?;
    site::create_for_community(&tx, community, template).await?;
    tx.commit().await
}

fn png(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let shade = ((x + y) % 64) as u8;
        image::Rgb([
            rgb[0].saturating_add(shade),
            rgb[1].saturating_add(shade / 2),
            rgb[2],
        ])
    });
    let mut out = Cursor::new(Vec::new());
    match img.write_to(&mut out, image::ImageFormat::Png) {
        Ok(()) => out.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// A coat-of-arms placeholder: a shield in the community's colours with its own figure,
/// generated (never a picture of a real coat of arms).
fn arms(field: [u8; 3], charge: [u8; 3], figure: Figure) -> Vec<u8> {
    const SIZE: u32 = 160;
    let img = image::RgbaImage::from_fn(SIZE, SIZE, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        // The shield: a rectangle whose lower half rounds to a point.
        let inside = (16.0..=144.0).contains(&fx)
            && fy >= 12.0
            && (fy <= 96.0 || ((fx - 80.0) / 64.0).powi(2) + ((fy - 96.0) / 56.0).powi(2) <= 1.0);
        if !inside {
            return image::Rgba([0, 0, 0, 0]);
        }
        let border = !(22.0..=138.0).contains(&fx)
            || fy < 18.0
            || (fy > 96.0 && ((fx - 80.0) / 58.0).powi(2) + ((fy - 96.0) / 50.0).powi(2) > 1.0);
        let on_figure = match figure {
            // A flower of five petals round a centre: Petrykivka painting.
            Figure::Flower => {
                let (dx, dy) = (fx - 80.0, fy - 78.0);
                let r = (dx * dx + dy * dy).sqrt();
                let a = dy.atan2(dx);
                r < 10.0 || (r < 34.0 && (a * 5.0).cos() > 0.35)
            }
            // A wavy river across the field: the Oril.
            Figure::River => {
                let wave = 84.0 + 8.0 * (fx / 12.0).sin();
                (fy - wave).abs() < 9.0
            }
            // A diagonal band and a pick's triangle: ore and industry.
            Figure::Ore => {
                let band = (fx - fy).abs() < 14.0;
                let mound = fy > 104.0 && (fx - 80.0).abs() < (fy - 104.0) * 0.9;
                band || mound
            }
        };
        let [r, g, b] = if border {
            [240, 200, 60]
        } else if on_figure {
            charge
        } else {
            field
        };
        image::Rgba([r, g, b, 255])
    });
    let mut out = Cursor::new(Vec::new());
    match img.write_to(&mut out, image::ImageFormat::Png) {
        Ok(()) => out.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// The figure on a community's placeholder arms.
#[derive(Clone, Copy)]
enum Figure {
    Flower,
    River,
    Ore,
}

/// A demo news item: slug, Ukrainian and English titles, lead, tags, whether it has a cover.
type NewsSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Vec<&'static str>,
    bool,
);

/// What makes a community's demo site its own: its council, people, texts and news.
struct Profile {
    council_uk: &'static str,
    council_en: &'static str,
    address_uk: &'static str,
    address_en: &'static str,
    phones: Vec<&'static str>,
    head: [&'static str; 5],
    secretary: [&'static str; 4],
    about_uk: &'static str,
    about_en: &'static str,
    council_text: [&'static str; 2],
    budget: [&'static str; 2],
    decision: [&'static str; 2],
    /// Texts of sub-pages by slug (the standard template's): Ukrainian, English.
    more: Vec<(&'static str, &'static str, &'static str)>,
    arms: ([u8; 3], [u8; 3], Figure),
    scheme: &'static str,
    news: Vec<NewsSeed>,
}

fn profile(slug: &str) -> Profile {
    match slug {
        "kryvorizka" => Profile {
            council_uk: "Криворізька міська рада",
            council_en: "Kryvyi Rih City Council",
            address_uk: "пл. Молодіжна, 1, м. Кривий Ріг, 50101",
            address_en: "1 Molodizhna Sq., Kryvyi Rih, 50101",
            phones: vec!["+380 56 490 10 00", "+380 56 490 10 15"],
            head: [
                "Андрій Коваленко",
                "Andrii Kovalenko",
                "Міський голова",
                "Mayor",
                "+380 56 490 10 01",
            ],
            secretary: [
                "Олена Литвин",
                "Olena Lytvyn",
                "Секретар міської ради",
                "City council secretary",
            ],
            about_uk: "**Кривий Ріг** — одне з найбільших промислових міст України, центр \
                       видобутку залізної руди Криворізького басейну. Місто простягається \
                       вздовж річок Інгулець і Саксагань приблизно на 120 кілометрів.\n\n\
                       ## Райони міста\n\nСім районів: Довгинцівський, Інгулецький, \
                       Металургійний, Покровський, Саксаганський, Тернівський і \
                       Центрально-Міський. У кожному працює районна у місті рада та ЦНАП.",
            about_en: "**Kryvyi Rih** is one of Ukraine's largest industrial cities, the centre \
                       of iron-ore mining in the Kryvyi Rih basin. The city stretches for about \
                       120 kilometres along the Inhulets and Saksahan rivers.\n\n\
                       ## Districts\n\nSeven districts: Dovhyntsivskyi, Inhuletskyi, \
                       Metalurhiinyi, Pokrovskyi, Saksahanskyi, Ternivskyi and \
                       Tsentralno-Miskyi, each with its district council and CNAP.",
            council_text: [
                "Міська рада складається з 64 депутатів і працює в 9 постійних комісіях. \
                 Пленарні засідання — щомісяця, трансляція на сайті; проєкти рішень \
                 оприлюднюються за 20 робочих днів.",
                "The city council has 64 deputies working in 9 standing committees. Plenary \
                 sessions are monthly and streamed on the site; draft decisions are published \
                 20 working days ahead.",
            ],
            budget: [
                "Бюджет міста на 2026 рік: доходи 9,84 млрд грн, видатки 10,12 млрд грн; \
                 найбільші статті — освіта, міський транспорт і житлово-комунальне господарство.",
                "The city's 2026 budget: revenue UAH 9.84 billion, expenditure UAH 10.12 billion; \
                 education, city transport and housing take the most.",
            ],
            decision: [
                "Рішення № 2417 «Про програму розвитку міського електротранспорту»",
                "Decision No. 2417 on the city electric transport programme",
            ],
            more: vec![
                (
                    "structure",
                    "Виконавчий комітет, 18 управлінь і департаментів, сім районних у місті рад.",
                    "The executive committee, 18 departments and seven district councils.",
                ),
                (
                    "deputies",
                    "64 депутати, обрані у 2020 році. Прийом громадян — за графіком у районних радах.",
                    "64 deputies elected in 2020. They receive residents at the district councils by schedule.",
                ),
                (
                    "petitions",
                    "Електронна петиція розглядається, якщо за 60 днів набере 1 000 підписів.",
                    "An e-petition is considered when it gathers 1,000 signatures within 60 days.",
                ),
            ],
            arms: ([150, 30, 40], [250, 250, 250], Figure::Ore),
            scheme: "burgundy",
            news: vec![
                (
                    "shvydkisnyi-tramvai-rozklad",
                    "Швидкісний трамвай працює за новим розкладом",
                    "The metro tram runs to a new timetable",
                    "Інтервал у години пік скорочено до 6 хвилин.",
                    vec!["transport"],
                    true,
                ),
                (
                    "gromadskyi-biudzhet-2027",
                    "Громадський бюджет міста 2027: прийом проєктів до 1 лютого",
                    "City participatory budget 2027: projects until 1 February",
                    "Мешканці подали вже 186 проєктів.",
                    vec!["biudzhet", "uchast"],
                    false,
                ),
                (
                    "tsnap-saksahanskyi-subota",
                    "ЦНАП Саксаганського району працює щосуботи",
                    "",
                    "З 9:00 до 15:00 без перерви.",
                    vec!["tsnap"],
                    false,
                ),
            ],
        },
        "tsarychanska" => Profile {
            council_uk: "Царичанська селищна рада",
            council_en: "Tsarychanka Settlement Council",
            address_uk: "вул. Гетьманська, 24, смт Царичанка, 51000",
            address_en: "24 Hetmanska St., Tsarychanka, 51000",
            phones: vec!["+380 5690 3 11 40"],
            head: [
                "Ірина Мельник",
                "Iryna Melnyk",
                "Селищна голова",
                "Head of the community",
                "+380 5690 3 11 41",
            ],
            secretary: [
                "Василь Ткаченко",
                "Vasyl Tkachenko",
                "Секретар селищної ради",
                "Council secretary",
            ],
            about_uk: "**Царичанська громада** — селище Царичанка та три десятки сіл над \
                       річкою Оріль. Більшість мешканців працює в сільському господарстві; \
                       у громаді 12 шкіл і 9 старостинських округів.\n\n\
                       ## Історія\n\nЦаричанка — давнє козацьке поселення на шляху з \
                       Полтавщини до Дніпра.",
            about_en: "**Tsarychanka community** is the settlement of Tsarychanka and some thirty \
                       villages along the Oril river. Most people work in farming; the community \
                       has 12 schools and 9 village districts.\n\n\
                       ## History\n\nTsarychanka is an old Cossack settlement on the road from \
                       Poltava to the Dnipro.",
            council_text: [
                "Селищна рада складається з 22 депутатів. Сесії — раз на два місяці; \
                 старости звітують щокварталу.",
                "The council has 22 deputies. Sessions are held every two months; village \
                 heads report quarterly.",
            ],
            budget: [
                "Бюджет громади на 2026 рік: доходи 141,7 млн грн, видатки 139,2 млн грн.",
                "The 2026 budget: revenue UAH 141.7 million, expenditure UAH 139.2 million.",
            ],
            decision: [
                "Рішення № 57 «Про ремонт доріг у старостинських округах»",
                "Decision No. 57 on road repairs in the village districts",
            ],
            more: Vec::new(),
            arms: ([30, 110, 60], [250, 210, 60], Figure::River),
            scheme: "green",
            news: vec![
                (
                    "pryiom-u-starostatakh",
                    "Прийом громадян у старостинських округах",
                    "Residents' hours in the village districts",
                    "Віддалені робочі місця ЦНАП працюють за графіком.",
                    vec!["tsnap"],
                    true,
                ),
                (
                    "ambulatoriia-kytaihorod",
                    "Відремонтовано амбулаторію в селі Китайгород",
                    "",
                    "Нові вікна, опалення і пандус для людей на кріслах колісних.",
                    vec!["medytsyna"],
                    false,
                ),
                (
                    "posivna-2026",
                    "Фермерам громади: підсумки посівної",
                    "",
                    "Засіяно понад 24 тисячі гектарів.",
                    vec!["zemlia"],
                    false,
                ),
            ],
        },
        _ => Profile {
            council_uk: "Петриківська селищна рада",
            council_en: "Petrykivka Settlement Council",
            address_uk: "вул. Центральна, 1, смт Петриківка, 51800",
            address_en: "1 Tsentralna St., Petrykivka, 51800",
            phones: vec!["+380 5634 2 10 70"],
            head: [
                "Олександр Бондаренко",
                "Oleksandr Bondarenko",
                "Селищний голова",
                "Head of the community",
                "+380 5634 2 10 71",
            ],
            secretary: [
                "Наталія Шевчук",
                "Nataliia Shevchuk",
                "Секретар ради",
                "Council secretary",
            ],
            about_uk: "**Петриківська громада** — селище Петриківка та навколишні села на \
                       лівому березі Дніпра. Тут народився петриківський розпис, який з 2013 \
                       року внесено до Списку нематеріальної культурної спадщини ЮНЕСКО.\n\n\
                       ## Історія\n\nПетриківку засновано у 1772 році; Центр народного \
                       мистецтва «Петриківка» вчить розпису дітей і дорослих.",
            about_en: "**Petrykivka community** is the settlement of Petrykivka and the villages \
                       around it on the left bank of the Dnipro. It is the home of Petrykivka \
                       painting, on UNESCO's intangible heritage list since 2013.\n\n\
                       ## History\n\nPetrykivka was founded in 1772; the Petrykivka folk art \
                       centre teaches the painting to children and adults.",
            council_text: [
                "Рада складається з 26 депутатів. Сесії відбуваються щомісяця; порядок денний \
                 оприлюднюється за 10 днів.",
                "The council has 26 deputies. Sessions are held monthly; the agenda is \
                 published 10 days ahead.",
            ],
            budget: [
                "Бюджет громади на 2026 рік: доходи 182,4 млн грн, видатки 179,9 млн грн.",
                "The 2026 budget: revenue UAH 182.4 million, expenditure UAH 179.9 million.",
            ],
            decision: [
                "Рішення № 101 «Про затвердження програми благоустрою»",
                "Decision No. 101 on the landscaping programme",
            ],
            more: vec![
                (
                    "structure",
                    "Виконавчий комітет, відділи освіти, культури і туризму, фінансовий відділ, ЦНАП.",
                    "The executive committee; education, culture and tourism, finance; the CNAP.",
                ),
                (
                    "petitions",
                    "Електронна петиція розглядається, якщо за 60 днів набере 150 підписів.",
                    "An e-petition is considered when it gathers 150 signatures within 60 days.",
                ),
            ],
            arms: ([20, 60, 140], [240, 90, 60], Figure::Flower),
            scheme: "blue",
            news: vec![
                (
                    "gromadskyi-biudzhet-2027",
                    "Стартував прийом проєктів громадського бюджету 2027",
                    "Participatory budget 2027: project submissions open",
                    "Подати проєкт можна до 15 грудня.",
                    vec!["biudzhet", "uchast"],
                    true,
                ),
                (
                    "hrafik-tsnap-sviata",
                    "Графік роботи ЦНАП у святкові дні",
                    "",
                    "ЦНАП працюватиме за зміненим графіком.",
                    vec!["tsnap"],
                    false,
                ),
                (
                    "remont-dorohy",
                    "Завершено ремонт дороги по вулиці Шкільній",
                    "Repair of Shkilna Street completed",
                    "Роботи виконано за кошти місцевого бюджету.",
                    vec!["infrastruktura"],
                    false,
                ),
                (
                    "maister-klas-rozpysu",
                    "Майстер-клас петриківського розпису для школярів",
                    "A Petrykivka painting workshop for pupils",
                    "Заняття щосуботи в Центрі народного мистецтва.",
                    vec!["kultura", "petryva-rozpys"],
                    true,
                ),
            ],
        },
    }
}

/// A one-page PDF with a line of text, enough for a real viewer to open.
fn pdf(title: &str) -> Vec<u8> {
    let text: String = title
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect();
    let stream = format!("BT /F1 18 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        out.push_str(&format!("{o:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

/// Fills the site of `community` as its editor and admin would (once).
pub async fn load_community(
    db: &DatabaseConnection,
    authz: &Authorizer,
    blobs: &dyn BlobStore,
    community: &Tenant,
    admin: &AuthUser,
) -> DomainResult<()> {
    let tx = TenantTx::begin(
        db,
        Some((community.clone(), TenantSource::Host)),
        Some(admin.clone()),
        Some("demo".into()),
    )
    .await?;
    if !page::list(&tx, authz, Kind::News, None, 1)
        .await?
        .is_empty()
    {
        return tx.rollback().await;
    }
    let upload = |name: &str, bytes: Vec<u8>, alt: &str| media::Upload {
        file_name: name.into(),
        bytes,
        title: alt.into(),
        alt_uk: alt.into(),
        alt_en: String::new(),
    };
    let p = profile(&community.slug);
    let (field, charge, figure) = p.arms;
    let logo = media::upload(
        &tx,
        authz,
        blobs,
        upload(
            "herb.png",
            arms(field, charge, figure),
            &format!("Герб (умовне зображення): {}", community.name_uk),
        ),
    )
    .await?;
    let photo = media::upload(
        &tx,
        authz,
        blobs,
        upload(
            "centre.png",
            png(1200, 600, [30, 110, 60]),
            "Центральна площа громади",
        ),
    )
    .await?;
    let budget_pdf = media::upload(
        &tx,
        authz,
        blobs,
        upload(
            "budget-2026.pdf",
            pdf("Budget 2026"),
            "Бюджет громади на 2026 рік",
        ),
    )
    .await?;
    let decision_pdf = media::upload(
        &tx,
        authz,
        blobs,
        upload(
            "decision-101.pdf",
            pdf("Decision 101"),
            "Рішення сесії № 101",
        ),
    )
    .await?;
    let s = site::get(tx.conn(), community.id).await?;
    if let Some(s) = s {
        site::update_theme(
            &tx,
            authz,
            s.version,
            site::Theme {
                scheme: p.scheme.into(),
                logo_id: Some(logo.id),
                favicon_id: Some(logo.id),
            },
        )
        .await?;
    }
    let pages = page::list(&tx, authz, Kind::Page, None, 200).await?;
    let by_section = |key: &str| pages.iter().find(|p| p.section.as_deref() == Some(key));
    let by_slug = |slug: &str| pages.iter().find(|p| p.slug == slug);
    let contacts = Block::Contacts(Contacts {
        title_uk: p.council_uk.into(),
        title_en: p.council_en.into(),
        address_uk: p.address_uk.into(),
        address_en: p.address_en.into(),
        phones: p.phones.iter().map(|t| (*t).to_owned()).collect(),
        email: Some(format!("rada@{}.hromada.localhost", community.slug)),
        hours_uk: "Пн–Чт 8:00–17:00\nПт 8:00–15:45\nПерерва 12:00–12:45".into(),
        hours_en: "Mon–Thu 8:00–17:00\nFri 8:00–15:45\nBreak 12:00–12:45".into(),
        people: vec![
            Person {
                name_uk: p.head[0].into(),
                name_en: p.head[1].into(),
                position_uk: p.head[2].into(),
                position_en: p.head[3].into(),
                phone: Some(p.head[4].into()),
                email: None,
            },
            Person {
                name_uk: p.secretary[0].into(),
                name_en: p.secretary[1].into(),
                position_uk: p.secretary[2].into(),
                position_en: p.secretary[3].into(),
                phone: None,
                email: Some(format!("secretary@{}.hromada.localhost", community.slug)),
            },
        ],
    });
    let rich = |uk: &str, en: &str| {
        Block::RichText(RichText {
            markdown_uk: uk.into(),
            markdown_en: en.into(),
            ..RichText::default()
        })
    };
    let mut edits: Vec<(Option<&page::Page>, Vec<Block>)> = vec![
        (
            by_section("about"),
            vec![
                rich(p.about_uk, p.about_en),
                Block::Image(ImageBlock {
                    media_id: photo.id,
                    caption_uk: "Центральна площа".into(),
                    caption_en: "The central square".into(),
                    ..ImageBlock::default()
                }),
            ],
        ),
        (by_slug("leadership"), vec![contacts.clone()]),
        (by_slug("contacts"), vec![contacts.clone()]),
        (
            by_section("council"),
            vec![rich(p.council_text[0], p.council_text[1])],
        ),
        (
            by_section("documents"),
            vec![Block::Documents(Documents {
                title_uk: "Останні рішення".into(),
                title_en: "Latest decisions".into(),
                items: vec![DocumentItem {
                    media_id: decision_pdf.id,
                    title_uk: p.decision[0].into(),
                    title_en: p.decision[1].into(),
                    date: NaiveDate::from_ymd_opt(2026, 10, 28),
                }],
            })],
        ),
        (
            by_section("budget"),
            vec![
                rich(p.budget[0], p.budget[1]),
                Block::Documents(Documents {
                    title_uk: "Бюджетні документи".into(),
                    title_en: "Budget documents".into(),
                    items: vec![DocumentItem {
                        media_id: budget_pdf.id,
                        title_uk: "Рішення про бюджет на 2026 рік".into(),
                        title_en: "The 2026 budget decision".into(),
                        date: NaiveDate::from_ymd_opt(2025, 12, 22),
                    }],
                }),
            ],
        ),
        (
            by_section("public-information"),
            vec![rich(
                "Запит на публічну інформацію можна подати поштою, електронною поштою або особисто. \
                 Відповідь надається протягом **5 робочих днів**.",
                "A request for public information may be sent by post, by e-mail or in person. \
                 The answer is given within **5 working days**.",
            )],
        ),
        (
            by_section("participation"),
            vec![rich(
                "Громадський бюджет, електронні петиції та консультації з громадськістю.",
                "Participatory budget, e-petitions and public consultations.",
            )],
        ),
        (
            by_section("land"),
            vec![
                rich(
                    "Публічна карта комунального майна громади.",
                    "The public map of the community's property.",
                ),
                Block::Map(Default::default()),
            ],
        ),
    ];
    for (slug, uk, en) in &p.more {
        edits.push((by_slug(slug), vec![rich(uk, en)]));
    }
    for (page, blocks) in edits {
        let Some(page) = page else { continue };
        let mut content = page.draft.clone();
        content.blocks = blocks;
        let saved = page::update(
            &tx,
            authz,
            page.id,
            page.version,
            PageChange {
                content: Some(content),
                ..PageChange::default()
            },
        )
        .await?;
        page::publish(&tx, authz, saved.id, saved.version, None).await?;
    }
    for (i, (slug, uk, en, lead, tags, cover)) in p.news.into_iter().enumerate() {
        let item = page::create(
            &tx,
            authz,
            NewPage {
                kind: Kind::News,
                parent_id: None,
                slug: slug.into(),
                position: None,
                section: None,
                content: Content {
                    title_uk: uk.into(),
                    title_en: en.into(),
                    description_uk: lead.into(),
                    blocks: vec![
                        rich(
                            &format!(
                                "{lead}\n\nДокладніше — у центрі надання адміністративних послуг."
                            ),
                            if en.is_empty() {
                                ""
                            } else {
                                "Details at the administrative services center."
                            },
                        ),
                        Block::Gallery(Gallery {
                            title_uk: String::new(),
                            title_en: String::new(),
                            items: vec![ImageBlock {
                                media_id: photo.id,
                                ..ImageBlock::default()
                            }],
                        }),
                    ],
                    cover_id: cover.then_some(photo.id),
                    tags: tags.into_iter().map(str::to_owned).collect(),
                    date: NaiveDate::from_ymd_opt(2026, 11, 20 - i as u32),
                    ..Content::default()
                },
            },
        )
        .await?;
        page::publish(&tx, authz, item.id, item.version, None).await?;
    }
    tx.commit().await
}
