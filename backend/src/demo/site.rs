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
    let logo = media::upload(
        &tx,
        authz,
        blobs,
        upload(
            "herb.png",
            png(160, 160, [20, 60, 140]),
            &format!("Герб: {}", community.name_uk),
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
                scheme: match community.slug.as_str() {
                    "tsarychanska" => "green".into(),
                    "kryvorizka" => "burgundy".into(),
                    _ => "blue".into(),
                },
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
        title_uk: "Селищна рада".into(),
        title_en: "Council office".into(),
        address_uk: "вул. Центральна, 1".into(),
        address_en: "1 Tsentralna St".into(),
        phones: vec!["+380 56 123 45 67".into()],
        email: Some(format!("rada@{}.hromada.localhost", community.slug)),
        hours_uk: "Пн–Чт 8:00–17:00\nПт 8:00–16:00".into(),
        hours_en: "Mon–Thu 8:00–17:00\nFri 8:00–16:00".into(),
        people: vec![
            Person {
                name_uk: "Олександр Бондаренко".into(),
                name_en: "Oleksandr Bondarenko".into(),
                position_uk: "Голова громади".into(),
                position_en: "Head of the community".into(),
                phone: Some("+380 56 123 45 60".into()),
                email: None,
            },
            Person {
                name_uk: "Наталія Шевчук".into(),
                name_en: "Nataliia Shevchuk".into(),
                position_uk: "Секретар ради".into(),
                position_en: "Council secretary".into(),
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
    let edits: Vec<(Option<&page::Page>, Vec<Block>)> = vec![
        (
            by_section("about"),
            vec![
                rich(
                    &format!(
                        "**{}** утворена у 2020 році. Громада об'єднує селище та навколишні села.\n\n\
                         ## Історія\n\nПерші згадки про поселення датуються XVIII століттям.",
                        community.name_uk
                    ),
                    &format!(
                        "**{}** was formed in 2020. The community unites the settlement and the villages around it.\n\n\
                         ## History\n\nThe first records of the settlement date from the 18th century.",
                        community.name_en
                    ),
                ),
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
            vec![rich(
                "Рада складається з 26 депутатів. Сесії відбуваються щомісяця; порядок денний оприлюднюється за 10 днів.",
                "The council has 26 deputies. Sessions are held monthly; the agenda is published 10 days ahead.",
            )],
        ),
        (
            by_section("documents"),
            vec![Block::Documents(Documents {
                title_uk: "Останні рішення".into(),
                title_en: "Latest decisions".into(),
                items: vec![DocumentItem {
                    media_id: decision_pdf.id,
                    title_uk: "Рішення № 101 «Про затвердження програми благоустрою»".into(),
                    title_en: "Decision No. 101 on the landscaping programme".into(),
                    date: NaiveDate::from_ymd_opt(2026, 10, 28),
                }],
            })],
        ),
        (
            by_section("budget"),
            vec![
                rich(
                    "Бюджет громади на 2026 рік: доходи 182,4 млн грн, видатки 179,9 млн грн.",
                    "The 2026 budget: revenue UAH 182.4 million, expenditure UAH 179.9 million.",
                ),
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
    let news = [
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
    ];
    for (i, (slug, uk, en, lead, tags, cover)) in news.into_iter().enumerate() {
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
