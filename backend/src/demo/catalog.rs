//! Demo catalog: the oblast's standard catalog (64 cards over every category, with the acts
//! they rest on) and, for each demo community, CNAPs, a remote workplace, mobile visits, a
//! provider, adopted and local services. Everything goes through the domain functions, so it
//! is validated and audited like a real edit.

use chrono::{Duration, Utc};
use hromada_tenants::catalog::service::{self, Delivery};
use hromada_tenants::catalog::situations::{self, SituationInput};
use hromada_tenants::catalog::standard;
use hromada_tenants::cnap::calendar::{self, DayKind};
use hromada_tenants::cnap::directory::{
    self, Accessibility, CnapInput, MobileVisitInput, PlaceKind,
};
use hromada_tenants::cnap::providers::{self, ProviderInput};
use hromada_tenants::cnap::schedule::{Break, DayHours, HhMm, Hours, WeeklySchedule};
use hromada_tenants::{AuthUser, Authorizer, DomainResult, Tenant, TenantSource, TenantTx};
use sea_orm::DatabaseConnection;
use serde_json::{Map, Value, json};

/// A standard card in brief: category, Ukrainian and English names, search words,
/// term (days, working?), fee for individuals (None: free), audience (I, B or IB), online link.
type Brief = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u32,
    bool,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
);

const DIIA: Option<&str> = Some("https://diia.gov.ua");

/// The standard catalog of the demo oblast.
pub const STANDARD: [Brief; 64] = [
    (
        "residence",
        "Реєстрація місця проживання особи",
        "Registration of a person's place of residence",
        "прописка реєстрація адреса",
        1,
        true,
        None,
        "I",
        DIIA,
    ),
    (
        "residence",
        "Зняття з реєстрації місця проживання",
        "Deregistration of a place of residence",
        "виписка зняття з обліку",
        1,
        true,
        None,
        "I",
        None,
    ),
    (
        "residence",
        "Видача довідки про зареєстрованих у житловому приміщенні осіб",
        "Certificate of persons registered at a dwelling",
        "довідка прописка склад зареєстрованих",
        1,
        true,
        None,
        "I",
        None,
    ),
    (
        "residence",
        "Реєстрація місця перебування особи",
        "Registration of a person's place of stay",
        "тимчасова реєстрація перебування",
        1,
        true,
        None,
        "I",
        None,
    ),
    (
        "residence",
        "Витяг з реєстру територіальної громади",
        "Extract from the territorial community register",
        "витяг реєстр громади",
        1,
        true,
        None,
        "I",
        DIIA,
    ),
    (
        "passport",
        "Оформлення паспорта громадянина України у формі ID-картки",
        "Issue of a Ukrainian ID-card passport",
        "паспорт id-картка айді",
        20,
        true,
        Some("373"),
        "I",
        None,
    ),
    (
        "passport",
        "Обмін паспорта-книжечки на ID-картку",
        "Exchange of a booklet passport for an ID card",
        "паспорт книжечка обмін id-картка",
        20,
        true,
        Some("373"),
        "I",
        None,
    ),
    (
        "passport",
        "Оформлення паспорта для виїзду за кордон",
        "Issue of a passport for travelling abroad",
        "закордонний паспорт біометричний закордонник",
        20,
        true,
        Some("782"),
        "I",
        None,
    ),
    (
        "passport",
        "Термінове оформлення паспорта для виїзду за кордон",
        "Urgent issue of a passport for travelling abroad",
        "закордонний паспорт терміново",
        7,
        true,
        Some("1039"),
        "I",
        None,
    ),
    (
        "passport",
        "Оформлення ID-картки замість втраченої або викраденої",
        "Replacement of a lost or stolen ID card",
        "втрата паспорта id-картка відновлення",
        20,
        true,
        Some("373"),
        "I",
        None,
    ),
    (
        "civil_status",
        "Державна реєстрація народження",
        "Registration of birth",
        "свідоцтво про народження дитина",
        1,
        true,
        None,
        "I",
        None,
    ),
    (
        "civil_status",
        "Державна реєстрація смерті",
        "Registration of death",
        "свідоцтво про смерть",
        1,
        true,
        None,
        "I",
        None,
    ),
    (
        "civil_status",
        "Державна реєстрація шлюбу",
        "Registration of marriage",
        "шлюб одруження розпис",
        30,
        false,
        Some("0.85"),
        "I",
        None,
    ),
    (
        "civil_status",
        "Державна реєстрація розірвання шлюбу",
        "Registration of divorce",
        "розлучення розірвання шлюбу",
        30,
        false,
        Some("8.50"),
        "I",
        None,
    ),
    (
        "civil_status",
        "Державна реєстрація зміни імені",
        "Registration of a change of name",
        "зміна прізвища імені",
        30,
        false,
        Some("3.40"),
        "I",
        None,
    ),
    (
        "civil_status",
        "Видача повторного свідоцтва про державну реєстрацію акту цивільного стану",
        "Duplicate civil status certificate",
        "повторне свідоцтво дублікат",
        1,
        true,
        Some("3.40"),
        "I",
        None,
    ),
    (
        "civil_status",
        "Комплексна послуга «єМалятко»",
        "The eMalyatko integrated service at birth",
        "ємалятко народження допомога",
        1,
        true,
        None,
        "I",
        DIIA,
    ),
    (
        "land",
        "Надання дозволу на розроблення проєкту землеустрою щодо відведення земельної ділянки",
        "Permit to develop a land allocation project",
        "земля відведення ділянки проєкт землеустрою",
        30,
        false,
        None,
        "IB",
        None,
    ),
    (
        "land",
        "Затвердження проєкту землеустрою та передача земельної ділянки у власність",
        "Approval of a land project and transfer of a plot into ownership",
        "приватизація землі ділянка у власність",
        30,
        false,
        None,
        "IB",
        None,
    ),
    (
        "land",
        "Надання витягу з Державного земельного кадастру про земельну ділянку",
        "Extract from the State Land Cadastre on a land plot",
        "витяг дзк кадастр кадастровий номер",
        10,
        true,
        Some("160"),
        "IB",
        Some("https://e.land.gov.ua"),
    ),
    (
        "land",
        "Державна реєстрація земельної ділянки з присвоєнням кадастрового номера",
        "Registration of a land plot with a cadastral number",
        "кадастровий номер реєстрація ділянки",
        14,
        true,
        None,
        "IB",
        None,
    ),
    (
        "land",
        "Довідка про наявність у фізичної особи земельних ділянок",
        "Certificate of land plots held by a person",
        "довідка земельні ділянки наявність",
        10,
        true,
        None,
        "I",
        None,
    ),
    (
        "land",
        "Укладення договору оренди земельної ділянки комунальної власності",
        "Lease of a communal land plot",
        "оренда землі договір",
        30,
        false,
        None,
        "IB",
        None,
    ),
    (
        "land",
        "Продаж земельної ділянки комунальної власності",
        "Sale of a communal land plot",
        "купівля землі продаж ділянки",
        30,
        false,
        None,
        "IB",
        None,
    ),
    (
        "construction",
        "Видача містобудівних умов та обмежень забудови земельної ділянки",
        "Urban planning conditions and restrictions",
        "муо містобудівні умови будівництво",
        10,
        true,
        None,
        "IB",
        Some("https://e-construction.gov.ua"),
    ),
    (
        "construction",
        "Видача будівельного паспорта забудови земельної ділянки",
        "Building passport of a land plot",
        "будівельний паспорт садиба будинок",
        10,
        true,
        None,
        "I",
        None,
    ),
    (
        "construction",
        "Присвоєння адреси об'єкту нерухомого майна",
        "Assignment of an address to a property",
        "адреса номер будинку присвоєння",
        5,
        true,
        None,
        "IB",
        Some("https://e-construction.gov.ua"),
    ),
    (
        "construction",
        "Видача дозволу на порушення об'єктів благоустрою",
        "Permit to disturb public amenities",
        "ордер розкопування благоустрій",
        10,
        true,
        None,
        "IB",
        None,
    ),
    (
        "construction",
        "Видача паспорта прив'язки тимчасової споруди",
        "Siting permit for a temporary structure",
        "маф кіоск тимчасова споруда",
        15,
        true,
        None,
        "B",
        None,
    ),
    (
        "construction",
        "Видача дозволу на розміщення зовнішньої реклами",
        "Outdoor advertising permit",
        "реклама білборд вивіска",
        30,
        false,
        None,
        "B",
        None,
    ),
    (
        "construction",
        "Переведення житлового приміщення у нежитлове",
        "Conversion of a dwelling into non-residential premises",
        "переведення нежитлове приміщення",
        30,
        false,
        None,
        "IB",
        None,
    ),
    (
        "property",
        "Державна реєстрація права власності на нерухоме майно",
        "Registration of ownership of real property",
        "право власності квартира будинок реєстрація",
        5,
        true,
        Some("220"),
        "IB",
        None,
    ),
    (
        "property",
        "Державна реєстрація іпотеки",
        "Registration of a mortgage",
        "іпотека обтяження",
        5,
        true,
        Some("140"),
        "IB",
        None,
    ),
    (
        "property",
        "Надання інформації з Державного реєстру речових прав",
        "Extract from the State Register of Property Rights",
        "витяг дррп інформаційна довідка",
        1,
        true,
        Some("40"),
        "IB",
        DIIA,
    ),
    (
        "property",
        "Реєстрація права власності на об'єкт незавершеного будівництва",
        "Registration of ownership of unfinished construction",
        "незавершене будівництво",
        5,
        true,
        Some("220"),
        "IB",
        None,
    ),
    (
        "property",
        "Взяття на облік безхазяйного нерухомого майна",
        "Registration of ownerless real property",
        "безхазяйне майно облік",
        5,
        true,
        None,
        "B",
        None,
    ),
    (
        "business",
        "Державна реєстрація фізичної особи – підприємця",
        "Registration of a sole proprietor",
        "фоп відкрити фоп підприємець",
        1,
        true,
        None,
        "I",
        DIIA,
    ),
    (
        "business",
        "Державна реєстрація припинення підприємницької діяльності фізичної особи – підприємця",
        "Closing a sole proprietorship",
        "закрити фоп припинення",
        1,
        true,
        None,
        "I",
        DIIA,
    ),
    (
        "business",
        "Державна реєстрація створення юридичної особи",
        "Registration of a legal entity",
        "тов реєстрація підприємства",
        1,
        true,
        None,
        "B",
        DIIA,
    ),
    (
        "business",
        "Державна реєстрація змін до відомостей про юридичну особу",
        "Registration of changes to a legal entity",
        "зміна директора статут зміни",
        1,
        true,
        Some("280"),
        "B",
        None,
    ),
    (
        "business",
        "Надання витягу з Єдиного державного реєстру",
        "Extract from the Unified State Register",
        "витяг єдр",
        1,
        true,
        Some("40"),
        "IB",
        Some("https://usr.minjust.gov.ua"),
    ),
    (
        "business",
        "Державна реєстрація створення громадського об'єднання",
        "Registration of a civic association",
        "громадська організація го",
        3,
        true,
        None,
        "B",
        None,
    ),
    (
        "business",
        "Погодження режиму роботи об'єктів торгівлі та сфери послуг",
        "Approval of opening hours of shops and services",
        "режим роботи магазин",
        10,
        true,
        None,
        "B",
        None,
    ),
    (
        "social",
        "Призначення допомоги при народженні дитини",
        "Childbirth assistance",
        "допомога при народженні дитини",
        10,
        false,
        None,
        "I",
        DIIA,
    ),
    (
        "social",
        "Призначення допомоги на дітей одиноким матерям",
        "Assistance for children of single mothers",
        "одинока мати допомога",
        10,
        false,
        None,
        "I",
        None,
    ),
    (
        "social",
        "Призначення житлової субсидії",
        "Housing subsidy",
        "субсидія комуналка оплата житла",
        10,
        false,
        None,
        "I",
        Some("https://subsidii.mlsp.gov.ua"),
    ),
    (
        "social",
        "Призначення державної соціальної допомоги малозабезпеченим сім'ям",
        "Social assistance to low-income families",
        "малозабезпечені допомога",
        10,
        false,
        None,
        "I",
        None,
    ),
    (
        "social",
        "Видача посвідчень батьків і дитини з багатодітної сім'ї",
        "Certificates of a large family",
        "багатодітна сім'я посвідчення",
        30,
        false,
        None,
        "I",
        None,
    ),
    (
        "social",
        "Призначення допомоги на проживання внутрішньо переміщеним особам",
        "Living allowance for internally displaced persons",
        "впо переселенці допомога на проживання",
        10,
        false,
        None,
        "I",
        DIIA,
    ),
    (
        "social",
        "Взяття на облік внутрішньо переміщеної особи",
        "Registration as an internally displaced person",
        "довідка впо переселенець",
        1,
        true,
        None,
        "I",
        DIIA,
    ),
    (
        "social",
        "Призначення допомоги на догляд за особою з інвалідністю",
        "Care allowance for a person with disability",
        "догляд інвалідність допомога",
        10,
        false,
        None,
        "I",
        None,
    ),
    (
        "social",
        "Компенсація послуги «муніципальна няня»",
        "Municipal nanny compensation",
        "муніципальна няня компенсація",
        10,
        false,
        None,
        "I",
        None,
    ),
    (
        "veterans",
        "Видача посвідчення учасника бойових дій",
        "Combat veteran certificate",
        "убд учасник бойових дій посвідчення",
        30,
        false,
        None,
        "I",
        None,
    ),
    (
        "veterans",
        "Встановлення статусу члена сім'ї загиблого (померлого) Захисника України",
        "Status of a family member of a fallen Defender of Ukraine",
        "загиблий захисник сім'я статус",
        30,
        false,
        None,
        "I",
        None,
    ),
    (
        "veterans",
        "Забезпечення санаторно-курортним лікуванням ветеранів війни",
        "Sanatorium treatment for war veterans",
        "санаторій путівка ветеран",
        30,
        false,
        None,
        "I",
        None,
    ),
    (
        "transport",
        "Державна реєстрація (перереєстрація) транспортного засобу",
        "Registration of a vehicle",
        "реєстрація авто машина номери",
        1,
        true,
        Some("150"),
        "IB",
        None,
    ),
    (
        "transport",
        "Обмін посвідчення водія",
        "Exchange of a driving licence",
        "посвідчення водія права обмін",
        1,
        true,
        Some("228"),
        "I",
        None,
    ),
    (
        "certificates",
        "Видача довідки про склад сім'ї",
        "Certificate of family composition",
        "довідка склад сім'ї",
        1,
        true,
        None,
        "I",
        None,
    ),
    (
        "certificates",
        "Видача довідки про несудимість",
        "Criminal record certificate",
        "несудимість довідка",
        10,
        true,
        None,
        "I",
        DIIA,
    ),
    (
        "certificates",
        "Видача архівних довідок, копій, витягів",
        "Archive certificates, copies and extracts",
        "архів довідка стаж",
        30,
        false,
        None,
        "IB",
        None,
    ),
    (
        "certificates",
        "Видача картки платника податків (РНОКПП)",
        "Taxpayer registration number card",
        "ідентифікаційний код іпн рнокпп",
        3,
        true,
        None,
        "I",
        None,
    ),
    (
        "other",
        "Реєстрація декларації відповідності матеріально-технічної бази вимогам пожежної безпеки",
        "Registration of a fire safety declaration",
        "пожежна безпека декларація",
        5,
        true,
        None,
        "B",
        None,
    ),
    (
        "other",
        "Видача дозволу на видалення зелених насаджень",
        "Permit to remove trees and green plantings",
        "зрізання дерев видалення насаджень",
        30,
        false,
        None,
        "IB",
        None,
    ),
    (
        "other",
        "Взяття на квартирний облік громадян, які потребують поліпшення житлових умов",
        "Registration in the housing queue",
        "квартирна черга житло облік",
        30,
        false,
        None,
        "I",
        None,
    ),
];

fn legal_basis(category: &str) -> Value {
    let act = |kind: &str, number: &str, date: &str, title: &str| {
        json!({ "kind": kind, "number": number, "date": date, "title": title,
                "url": format!("https://zakon.rada.gov.ua/laws/show/{number}") })
    };
    let general = act(
        "law",
        "5203-17",
        "2012-09-06",
        "Про адміністративні послуги",
    );
    let special = match category {
        "residence" => act(
            "law",
            "1382-15",
            "2003-12-11",
            "Про свободу пересування та вільний вибір місця проживання в Україні",
        ),
        "passport" => act(
            "law",
            "5492-17",
            "2012-11-20",
            "Про Єдиний державний демографічний реєстр та документи, що підтверджують громадянство України",
        ),
        "civil_status" => act(
            "law",
            "2398-17",
            "2010-07-01",
            "Про державну реєстрацію актів цивільного стану",
        ),
        "land" => act("code", "2768-14", "2001-10-25", "Земельний кодекс України"),
        "construction" => act(
            "law",
            "3038-17",
            "2011-02-17",
            "Про регулювання містобудівної діяльності",
        ),
        "property" => act(
            "law",
            "1952-15",
            "2004-07-01",
            "Про державну реєстрацію речових прав на нерухоме майно та їх обтяжень",
        ),
        "business" => act(
            "law",
            "755-15",
            "2003-05-15",
            "Про державну реєстрацію юридичних осіб, фізичних осіб – підприємців та громадських формувань",
        ),
        "social" => act(
            "law",
            "2811-12",
            "1992-11-21",
            "Про державну допомогу сім'ям з дітьми",
        ),
        "veterans" => act(
            "law",
            "3551-12",
            "1993-10-22",
            "Про статус ветеранів війни, гарантії їх соціального захисту",
        ),
        "transport" => act("law", "3353-12", "1993-06-30", "Про дорожній рух"),
        "other" => act(
            "law",
            "2807-15",
            "2005-09-06",
            "Про благоустрій населених пунктів",
        ),
        _ => return json!([general]),
    };
    json!([special, general])
}

fn documents(category: &str, paid: bool) -> Value {
    let mut docs = vec![
        json!({ "name": "Заява встановленого зразка", "requirements": "Заповнюється у ЦНАП або завчасно", "originalRequired": true }),
        json!({ "name": "Паспорт громадянина України або інший документ, що посвідчує особу", "requirements": "Пред'являється", "originalRequired": true }),
    ];
    let special = match category {
        "residence" => {
            Some("Документ, що підтверджує право на проживання в житлі (або згода власника)")
        }
        "passport" => Some("Свідоцтво про народження (для оформлення вперше) та РНОКПП"),
        "civil_status" => {
            Some("Документи, що є підставою для реєстрації (медичне свідоцтво, рішення суду тощо)")
        }
        "land" => {
            Some("Графічні матеріали із зазначенням бажаного місця розташування земельної ділянки")
        }
        "construction" => Some("Документ, що посвідчує право на земельну ділянку"),
        "property" => Some("Документ, що підтверджує виникнення права власності"),
        "business" => Some("Реєстраційний номер облікової картки платника податків"),
        "social" => Some("Довідки про доходи членів сім'ї за останні шість місяців"),
        "veterans" => Some("Документи, що підтверджують безпосередню участь у захисті Батьківщини"),
        "transport" => {
            Some("Свідоцтво про реєстрацію транспортного засобу або документ про його придбання")
        }
        _ => None,
    };
    if let Some(s) = special {
        docs.push(json!({ "name": s, "requirements": "Оригінал для огляду та копія", "originalRequired": true }));
    }
    if paid {
        docs.push(json!({ "name": "Документ про сплату адміністративного збору", "requirements": "Квитанція або електронне підтвердження", "originalRequired": false }));
    }
    Value::Array(docs)
}

/// The full card of a brief.
pub fn card(code: &str, b: &Brief) -> Map<String, Value> {
    let (category, uk, en, words, days, working, fee, audience, online) = *b;
    let mut channels = vec![
        json!({ "kind": "in_person" }),
        json!({ "kind": "mobile_cnap" }),
    ];
    if let Some(url) = online {
        channels.push(json!({ "kind": "online_elsewhere", "url": url }));
    }
    let audience: Vec<&str> = match audience {
        "I" => vec!["individuals"],
        "B" => vec!["businesses"],
        _ => vec!["individuals", "businesses"],
    };
    let cost = match fee {
        None => json!({ "free": true }),
        Some(f) => json!({ "free": false, "feeIndividuals": f, "feeBusinesses": f,
            "paymentDetails": "Отримувач: ГУК у Дніпропетровській області; IBAN зазначено в квитанції, яку видає ЦНАП" }),
    };
    let value = json!({
        "code": code, "nameUk": uk, "nameEn": en, "category": category,
        "lifeSituation": "", "audience": audience,
        "legalBasis": legal_basis(category), "grounds": "Звернення суб'єкта звернення або його законного представника",
        "documents": documents(category, fee.is_some()),
        "submission": "Особисто або через представника: у ЦНАП, на віддаленому робочому місці, під час виїзду мобільного ЦНАП",
        "channels": channels, "cost": cost,
        "term": { "days": days, "unit": if working { "working_days" } else { "calendar_days" } },
        "result": format!("{uk}: рішення (документ) або вмотивована відмова"),
        "resultDelivery": "Особисто в ЦНАП, де подано заяву, або поштою за бажанням заявника",
        "refusalGrounds": "Подання неповного пакета документів; виявлення в документах недостовірних відомостей; інші підстави, встановлені законом",
        "appeal": "Рішення, дії або бездіяльність можуть бути оскаржені до органу вищого рівня або до суду (ст. 20 Закону «Про адміністративні послуги»)",
        "keywords": words.split(' ').collect::<Vec<_>>(),
    });
    value.as_object().cloned().unwrap_or_default()
}

fn weekday(open: &str, close: &str, lunch: Option<(&str, &str)>) -> DomainResult<Option<DayHours>> {
    Ok(Some(DayHours {
        open: HhMm::parse("open", open)?,
        close: HhMm::parse("close", close)?,
        breaks: match lunch {
            Some((f, t)) => vec![Break {
                from: HhMm::parse("from", f)?,
                to: HhMm::parse("to", t)?,
            }],
            None => vec![],
        },
    }))
}

fn center_hours(late_tuesday: bool) -> DomainResult<Hours> {
    let day = weekday("08:00", "17:00", Some(("12:00", "12:45")))?;
    Ok(Hours {
        week: WeeklySchedule {
            mon: day.clone(),
            tue: if late_tuesday {
                weekday("08:00", "20:00", None)?
            } else {
                day.clone()
            },
            wed: day.clone(),
            thu: day.clone(),
            fri: weekday("08:00", "15:45", None)?,
            sat: weekday("09:00", "13:00", None)?,
            sun: None,
        },
        exceptions: vec![],
    })
}

fn remote_hours() -> DomainResult<Hours> {
    Ok(Hours {
        week: WeeklySchedule {
            tue: weekday("09:00", "16:00", Some(("12:00", "13:00")))?,
            thu: weekday("09:00", "16:00", Some(("12:00", "13:00")))?,
            ..WeeklySchedule::default()
        },
        exceptions: vec![],
    })
}

/// A valid EDRPOU with this 7-digit stem (the check digit computed).
fn edrpou(stem: &str) -> String {
    (0..10)
        .map(|d| format!("{stem}{d}"))
        .find(|c| hromada_tenants::validate::edrpou("edrpou", c).is_ok())
        .unwrap_or_else(|| format!("{stem}0"))
}

/// Per community: CNAP, remote workplace, coordinates, which standard cards it adopts.
struct Setup {
    slug: &'static str,
    center: (&'static str, &'static str, f64, f64),
    remote: (&'static str, &'static str, f64, f64),
    visit: (&'static str, &'static str, f64, f64),
    edrpou_stem: &'static str,
    adopt_every: usize,
}

const SETUPS: [Setup; 3] = [
    Setup {
        slug: "petrykivska",
        center: (
            "ЦНАП Петриківської селищної ради",
            "смт Петриківка, вул. Героїв України, 75",
            48.7336,
            34.6300,
        ),
        remote: (
            "Віддалене робоче місце ЦНАП у с. Хутірське",
            "с. Хутірське, вул. Центральна, 12",
            48.7020,
            34.5560,
        ),
        visit: (
            "Мобільний ЦНАП у с. Єлизаветівка",
            "с. Єлизаветівка, біля будинку культури",
            48.7730,
            34.5590,
        ),
        edrpou_stem: "0434091",
        adopt_every: 1,
    },
    Setup {
        slug: "tsarychanska",
        center: (
            "ЦНАП Царичанської селищної ради",
            "смт Царичанка, вул. Соборна, 41",
            48.9442,
            34.4795,
        ),
        remote: (
            "Віддалене робоче місце ЦНАП у с. Бабайківка",
            "с. Бабайківка, вул. Шкільна, 3",
            48.8826,
            34.5970,
        ),
        visit: (
            "Мобільний ЦНАП у с. Китайгород",
            "с. Китайгород, біля старостату",
            48.8350,
            34.4380,
        ),
        edrpou_stem: "0434127",
        adopt_every: 2,
    },
    Setup {
        slug: "kryvorizka",
        center: (
            "ЦНАП виконкому Криворізької міської ради",
            "м. Кривий Ріг, пл. Молодіжна, 1",
            47.9105,
            33.3918,
        ),
        remote: (
            "Територіальний підрозділ ЦНАП в Інгулецькому районі",
            "м. Кривий Ріг, вул. Груні Романової, 1",
            47.7230,
            33.2600,
        ),
        visit: (
            "Мобільний ЦНАП у мікрорайоні Загребля",
            "м. Кривий Ріг, вул. Нікопольське шосе, 27",
            47.8640,
            33.4410,
        ),
        edrpou_stem: "0405262",
        adopt_every: 3,
    },
];

async fn as_user(
    db: &DatabaseConnection,
    tenant: &Tenant,
    user: &AuthUser,
) -> DomainResult<TenantTx> {
    TenantTx::begin(
        db,
        Some((tenant.clone(), TenantSource::Host)),
        Some(user.clone()),
        Some("demo".into()),
    )
    .await
}

/// Loads the standard catalog and the calendar of the oblast, unless it has cards already.
pub async fn load_oblast(
    db: &DatabaseConnection,
    authz: &Authorizer,
    oblast: &Tenant,
    admin: &AuthUser,
) -> DomainResult<()> {
    if !standard::list(db, oblast.id, false).await?.is_empty() {
        return Ok(());
    }
    let tx = as_user(db, oblast, admin).await?;
    for (i, brief) in STANDARD.iter().enumerate() {
        let code = format!("DP-{:03}", i + 1);
        let s = standard::create(&tx, authz, card(&code, brief)).await?;
        standard::publish(&tx, authz, s.id).await?;
    }
    for (day, uk, en) in [
        ("2026-12-25", "Різдво Христове", "Christmas Day"),
        ("2027-01-01", "Новий рік", "New Year's Day"),
        (
            "2027-03-08",
            "Міжнародний жіночий день",
            "International Women's Day",
        ),
        ("2027-05-01", "День праці", "Labour Day"),
        (
            "2027-05-08",
            "День пам'яті та перемоги над нацизмом",
            "Day of Remembrance and Victory over Nazism",
        ),
        ("2027-06-28", "День Конституції України", "Constitution Day"),
        (
            "2027-08-24",
            "День Незалежності України",
            "Independence Day",
        ),
    ] {
        let date = day
            .parse()
            .map_err(|_| hromada_tenants::DomainError::invalid("date", day))?;
        calendar::set_day(tx.conn(), date, DayKind::Holiday, uk, en).await?;
    }
    tx.commit().await
}

/// A demo life situation: slug, titles, summaries and its standard services' codes.
type Situation = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const SITUATIONS: [Situation; 5] = [
    (
        "birth",
        "Народження дитини",
        "Birth of a child",
        "Зареєструвати народження, отримати допомогу та документи для дитини.",
        "Register the birth, receive the benefits and the child's documents.",
        &[
            "DP-011", "DP-017", "DP-044", "DP-045", "DP-048", "DP-052", "DP-061",
        ],
    ),
    (
        "moving",
        "Зміна місця проживання",
        "Moving house",
        "Зняти з реєстрації на старому місці та зареєструватися на новому, отримати довідки.",
        "Deregister at the old address, register at the new one and get the certificates.",
        &["DP-002", "DP-001", "DP-004", "DP-003", "DP-005", "DP-050"],
    ),
    (
        "business",
        "Започаткування бізнесу",
        "Starting a business",
        "Зареєструвати ФОП чи підприємство, погодити режим роботи, розмістити вивіску.",
        "Register as a sole proprietor or a company, agree the opening hours, put up a sign.",
        &["DP-037", "DP-039", "DP-041", "DP-043", "DP-030", "DP-029"],
    ),
    (
        "land",
        "Земля та будівництво",
        "Land and building",
        "Отримати ділянку, містобудівні умови, адресу та зареєструвати право власності.",
        "Get a plot, the planning conditions and an address, and register the ownership.",
        &[
            "DP-018", "DP-019", "DP-021", "DP-020", "DP-025", "DP-026", "DP-027", "DP-032",
        ],
    ),
    (
        "veterans",
        "Ветеранам та їхнім родинам",
        "Veterans and their families",
        "Посвідчення, статус члена сім'ї загиблого Захисника, лікування та житло.",
        "Certificates, the status of a fallen Defender's family member, treatment and housing.",
        &["DP-053", "DP-054", "DP-055", "DP-064"],
    ),
];

/// Loads the oblast's life situations, unless it has some already.
pub async fn load_situations(
    db: &DatabaseConnection,
    authz: &Authorizer,
    oblast: &Tenant,
    admin: &AuthUser,
) -> DomainResult<()> {
    if !situations::list(db, oblast.id).await?.is_empty() {
        return Ok(());
    }
    let standards = standard::list(db, oblast.id, true).await?;
    let tx = as_user(db, oblast, admin).await?;
    for (position, (slug, title_uk, title_en, summary_uk, summary_en, codes)) in
        SITUATIONS.iter().enumerate()
    {
        let standard_ids = codes
            .iter()
            .filter_map(|code| standards.iter().find(|s| s.code == *code).map(|s| s.id))
            .collect();
        situations::save(
            &tx,
            authz,
            None,
            None,
            SituationInput {
                slug: (*slug).into(),
                title_uk: (*title_uk).into(),
                title_en: (*title_en).into(),
                summary_uk: (*summary_uk).into(),
                summary_en: (*summary_en).into(),
                standard_ids,
                position: position as i32,
            },
        )
        .await?;
    }
    tx.commit().await
}

/// Loads a community's directory and catalog, unless it has CNAPs already.
pub async fn load_community(
    db: &DatabaseConnection,
    authz: &Authorizer,
    community: &Tenant,
    admin: &AuthUser,
) -> DomainResult<()> {
    let Some(setup) = SETUPS.iter().find(|s| s.slug == community.slug) else {
        return Ok(());
    };
    if !directory::list(db, community.id, None).await?.is_empty() {
        return Ok(());
    }
    let tx = as_user(db, community, admin).await?;
    let place = |kind, (name, address, lat, lon): (&str, &str, f64, f64), hours| CnapInput {
        kind,
        name_uk: name.into(),
        name_en: String::new(),
        address_uk: address.into(),
        address_en: String::new(),
        lat,
        lon,
        phone: Some("+380 56 000 00 00".into()),
        email: Some(format!("cnap@{}.hromada.localhost", setup.slug)),
        website: None,
        accessibility: Accessibility {
            step_free: true,
            floor: 1,
            self_service_terminal: kind == PlaceKind::Center,
            sign_language: false,
        },
        hours,
    };
    let center = directory::create(
        &tx,
        authz,
        place(PlaceKind::Center, setup.center, center_hours(true)?),
    )
    .await?;
    let remote = directory::create(
        &tx,
        authz,
        place(PlaceKind::RemoteWorkplace, setup.remote, remote_hours()?),
    )
    .await?;
    let provider = providers::create(
        &tx,
        authz,
        ProviderInput {
            name_uk: format!("Виконавчий комітет ({})", community.name_uk),
            name_en: format!("Executive committee of {}", community.name_en),
            edrpou: edrpou(setup.edrpou_stem),
            phone: Some("+380 56 000 00 01".into()),
            email: None,
            website: None,
            address_uk: setup.center.1.into(),
        },
    )
    .await?;
    let delivery = Delivery {
        provider_id: Some(provider.id),
        place_ids: vec![center.id, remote.id],
    };
    let mut offered = Vec::new();
    for (i, s) in standard::list(tx.conn(), community.parent_id.unwrap_or_default(), true)
        .await?
        .into_iter()
        .enumerate()
    {
        if i % setup.adopt_every != 0 {
            continue;
        }
        let adopted = service::adopt(&tx, authz, s.id, delivery.clone()).await?;
        service::publish(&tx, authz, adopted.id).await?;
        offered.push(adopted.id);
    }
    let local = card(
        &format!(
            "{}-L01",
            setup
                .slug
                .to_uppercase()
                .chars()
                .take(3)
                .collect::<String>()
        ),
        &(
            "other",
            "Видача дозволу на проведення ярмарку",
            "Permit to hold a fair",
            "ярмарок торгівля свято",
            10,
            true,
            None,
            "IB",
            None,
        ),
    );
    let local = service::create_local(&tx, authz, local, delivery.clone()).await?;
    service::publish(&tx, authz, local.id).await?;
    offered.push(local.id);
    let start = (Utc::now() + Duration::days(7))
        .date_naive()
        .and_hms_opt(7, 0, 0)
        .unwrap_or_default()
        .and_utc();
    for week in 0..2 {
        directory::create_mobile_visit(
            &tx,
            authz,
            MobileVisitInput {
                place_uk: setup.visit.0.into(),
                place_en: String::new(),
                address_uk: setup.visit.1.into(),
                lat: setup.visit.2,
                lon: setup.visit.3,
                starts_at: start + Duration::weeks(week),
                ends_at: start + Duration::weeks(week) + Duration::hours(5),
                service_ids: offered.iter().take(12).copied().collect(),
            },
        )
        .await?;
    }
    calendar::set_day(
        tx.conn(),
        "2027-05-23".parse().unwrap_or_default(),
        DayKind::Holiday,
        "День громади",
        "Community Day",
    )
    .await?;
    tx.commit().await
}
