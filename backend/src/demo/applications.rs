//! Demo applications: in every demo community, two services citizens apply for online (a
//! certificate of registered persons, and a permit for a fair with a fee and a date), the CNAP
//! head and the provider's representative and head, and cases in every status across the
//! channels — some overdue, some rated — made through the domain functions like real ones.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use chrono_tz::Europe::Kyiv;
use hromada_tenants::applications::case::{
    self, CaseLinks, Channel, Decision, Move, Person, Submission,
};
use hromada_tenants::applications::documents::Upload;
use hromada_tenants::applications::status::Action;
use hromada_tenants::blob::BlobStore;
use hromada_tenants::catalog::service::{self, Delivery};
use hromada_tenants::cnap::{directory, providers};
use hromada_tenants::identity;
use hromada_tenants::{AuthUser, Authorizer, DomainResult, Role, Tenant, TenantSource, TenantTx};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::DemoLogin;

/// A small PDF that readers open: what the demo's applicants "scan".
pub const SAMPLE_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/MediaBox[0 0 595 842]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// The online card of a certificate of the persons registered at an address.
fn certificate_card(prefix: &str) -> Map<String, Value> {
    json!({
        "code": format!("{prefix}-E01"),
        "nameUk": "Видача довідки про зареєстрованих у житловому приміщенні осіб",
        "nameEn": "Certificate of the persons registered at a dwelling",
        "category": "certificates",
        "audience": ["individuals"],
        "legalBasis": [{"kind": "Закон України", "number": "1871-IX", "date": "2021-11-05",
            "title": "Про надання публічних (електронних публічних) послуг щодо декларування та реєстрації місця проживання в Україні"}],
        "grounds": "Заява власника житла або особи, зареєстрованої в ньому",
        "documents": [
            {"name": "Паспорт громадянина України або ID-картка", "requirements": "Скан-копія всіх заповнених сторінок", "originalRequired": false},
            {"name": "Документ, що підтверджує право власності на житло", "requirements": "Скан-копія", "originalRequired": false}
        ],
        "submission": "Онлайн на сайті громади, у ЦНАП або поштою",
        "channels": [{"kind": "online_here"}, {"kind": "in_person"}, {"kind": "post"}],
        "cost": {"free": true},
        "term": {"days": 5, "unit": "working_days"},
        "result": "Довідка про зареєстрованих осіб або вмотивована відмова",
        "resultDelivery": "Електронною поштою, особисто в ЦНАП або поштою",
        "refusalGrounds": "Заявник не є власником житла чи особою, зареєстрованою в ньому",
        "appeal": "До виконавчого комітету ради або до суду",
        "keywords": ["довідка", "склад", "сім'ї", "прописка"],
        "formFields": [
            {"key": "address", "labelUk": "Адреса житла", "labelEn": "Address of the dwelling", "kind": "address", "required": true},
            {"key": "purpose", "labelUk": "Для чого потрібна довідка", "labelEn": "What the certificate is for", "kind": "choice", "required": true,
             "options": ["для субсидії", "для банку", "для нотаріуса", "інше"]}
        ]
    })
    .as_object()
    .cloned()
    .unwrap_or_default()
}

/// The online card of a permit to hold a fair: paid, with a date and a parcel.
fn fair_card(prefix: &str) -> Map<String, Value> {
    json!({
        "code": format!("{prefix}-E02"),
        "nameUk": "Погодження проведення ярмарку на земельній ділянці громади",
        "nameEn": "Approval of a fair on a community land parcel",
        "category": "other",
        "audience": ["individuals", "businesses"],
        "legalBasis": [{"kind": "Закон України", "number": "280/97-ВР", "date": "1997-05-21", "title": "Про місцеве самоврядування в Україні"}],
        "grounds": "Заява організатора ярмарку",
        "documents": [
            {"name": "Схема розміщення торговельних місць", "requirements": "PDF або фото", "originalRequired": false}
        ],
        "submission": "Онлайн на сайті громади або в ЦНАП",
        "channels": [{"kind": "online_here"}, {"kind": "in_person"}],
        "cost": {"free": false, "feeIndividuals": "170.00", "feeBusinesses": "340.00",
            "recipient": "Виконавчий комітет ради", "iban": "UA213223130000026007233566001",
            "edrpou": "04052169", "termFromPayment": true,
            "paymentDetails": "Сплатіть онлайн або в банку; квитанцію додайте до заяви або покажіть у ЦНАП"},
        "term": {"days": 10, "unit": "calendar_days"},
        "result": "Погодження проведення ярмарку або вмотивована відмова",
        "resultDelivery": "Електронною поштою або особисто в ЦНАП",
        "refusalGrounds": "Ділянка не належить громаді або зайнята на обрану дату",
        "appeal": "До виконавчого комітету ради або до суду",
        "keywords": ["ярмарок", "торгівля", "свято"],
        "formFields": [
            {"key": "fairDate", "labelUk": "Дата ярмарку", "labelEn": "Date of the fair", "kind": "date", "required": true},
            {"key": "parcel", "labelUk": "Кадастровий номер ділянки", "labelEn": "Cadastral number of the parcel", "kind": "parcel", "required": true},
            {"key": "stalls", "labelUk": "Кількість торговельних місць", "labelEn": "Number of stalls", "kind": "number", "required": false}
        ],
        "rnokppOptional": true
    })
    .as_object()
    .cloned()
    .unwrap_or_default()
}

/// People who apply in the demo: name, e-mail, phone, RNOKPP (valid check digits).
pub(super) const PEOPLE: [(&str, &str, &str, &str); 6] = [
    (
        "Олена Петренко",
        "olena.petrenko@example.com",
        "+380671234567",
        "3012345670",
    ),
    (
        "Андрій Коваленко",
        "andrii.kovalenko@example.com",
        "+380501112233",
        "2987654320",
    ),
    (
        "Марія Шевчук",
        "mariia.shevchuk@example.com",
        "+380931234560",
        "3456789014",
    ),
    (
        "Іван Бондар",
        "ivan.bondar@example.com",
        "+380661234598",
        "2501234560",
    ),
    (
        "Наталія Ткаченко",
        "natalia.tkachenko@example.com",
        "+380971112244",
        "3333333332",
    ),
    (
        "Петро Мельник",
        "petro.melnyk@example.com",
        "+380681119900",
        "2222222225",
    ),
];

fn person(i: usize) -> Person {
    let (name, email, phone, rnokpp) = PEOPLE[i % PEOPLE.len()];
    Person {
        full_name: name.into(),
        email: Some(email.into()),
        phone: Some(phone.into()),
        rnokpp: Some(rnokpp.into()),
    }
}

async fn as_staff(
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

/// What a demo case goes through after submission: the moves, and a rating.
struct Story {
    channel: Channel,
    /// Days before today the paper application came in (paper only).
    days_ago: i64,
    moves: &'static [Action],
    rating: Option<i32>,
}

const STORIES: [Story; 16] = [
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[],
        rating: None,
    },
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[Action::ReturnForCorrection],
        rating: None,
    },
    Story {
        channel: Channel::Counter,
        days_ago: 1,
        moves: &[Action::Register],
        rating: None,
    },
    Story {
        channel: Channel::Post,
        days_ago: 2,
        moves: &[Action::Register, Action::Forward],
        rating: None,
    },
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[Action::Register, Action::Forward, Action::StartReview],
        rating: None,
    },
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[
            Action::Register,
            Action::Forward,
            Action::RequestClarification,
        ],
        rating: None,
    },
    Story {
        channel: Channel::Counter,
        days_ago: 4,
        moves: &[Action::Register, Action::Forward, Action::Approve],
        rating: None,
    },
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[Action::Register, Action::Forward, Action::Refuse],
        rating: Some(3),
    },
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[
            Action::Register,
            Action::Forward,
            Action::Approve,
            Action::MarkResultReady,
        ],
        rating: Some(9),
    },
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[
            Action::Register,
            Action::Forward,
            Action::Approve,
            Action::MarkResultReady,
            Action::MarkIssued,
        ],
        rating: Some(10),
    },
    Story {
        channel: Channel::Counter,
        days_ago: 9,
        moves: &[
            Action::Register,
            Action::Forward,
            Action::Approve,
            Action::MarkResultReady,
            Action::MarkIssued,
        ],
        rating: None,
    },
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[Action::Cancel],
        rating: None,
    },
    Story {
        channel: Channel::Post,
        days_ago: 45,
        moves: &[Action::Register],
        rating: None,
    },
    Story {
        channel: Channel::Counter,
        days_ago: 40,
        moves: &[Action::Register, Action::Forward],
        rating: None,
    },
    Story {
        channel: Channel::Post,
        days_ago: 20,
        moves: &[
            Action::Register,
            Action::Forward,
            Action::Approve,
            Action::MarkResultReady,
            Action::MarkIssued,
        ],
        rating: None,
    },
    Story {
        channel: Channel::Web,
        days_ago: 0,
        moves: &[
            Action::Register,
            Action::Forward,
            Action::Approve,
            Action::MarkResultReady,
            Action::MarkIssued,
        ],
        rating: Some(6),
    },
];

/// Loads the community's online services, its case workers and its cases, unless it has
/// cases already.
pub async fn load_community(
    db: &DatabaseConnection,
    authz: &Authorizer,
    blobs: &dyn BlobStore,
    links: &CaseLinks,
    community: &Tenant,
    admin: &AuthUser,
    logins: &mut Vec<DemoLogin>,
) -> DomainResult<()> {
    let Some(slug) = super::COMMUNITIES
        .iter()
        .map(|c| c.0)
        .find(|s| *s == community.slug)
    else {
        return Ok(());
    };
    let tx = as_staff(db, community, admin).await?;
    let Some(provider) = providers::list(tx.conn(), community.id)
        .await?
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    // The case workers: the CNAP head, and the provider's representative and head.
    let mut workers = Vec::new();
    for (local, name, role) in [
        ("head", "Начальник ЦНАП", Role::CnapHead),
        ("provider", "Представник виконкому", Role::ProviderRep),
        ("provider.head", "Керівник виконкому", Role::ProviderHead),
    ] {
        let email = format!("{local}@{slug}.hromada.localhost");
        let user = super::ensure_user(db, community, &email, name, role).await?;
        if matches!(role, Role::ProviderRep | Role::ProviderHead) {
            tx.conn()
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "UPDATE role_grant SET provider_id = $3 WHERE tenant_id = $1 AND user_id = $2 AND role = $4",
                    [community.id.into(), user.id.into(), provider.id.into(), role.as_str().into()],
                ))
                .await?;
        }
        logins.push((user.email.clone(), slug, role));
        workers.push(user);
    }
    let has_cases = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT EXISTS (SELECT 1 FROM application WHERE tenant_id = $1)",
            [community.id.into()],
        ))
        .await?
        .map(|r| r.try_get_by_index::<bool>(0))
        .transpose()?
        .unwrap_or(false);
    if has_cases {
        return tx.commit().await;
    }
    let places: Vec<Uuid> = directory::list(tx.conn(), community.id, None)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let delivery = Delivery {
        provider_id: Some(provider.id),
        place_ids: places,
    };
    let prefix = case::default_prefix(&community.slug);
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO application_settings (tenant_id, prefix) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            [community.id.into(), prefix.clone().into()],
        ))
        .await?;
    let certificate =
        service::create_local(&tx, authz, certificate_card(&prefix), delivery.clone()).await?;
    service::publish(&tx, authz, certificate.id).await?;
    let fair = service::create_local(&tx, authz, fair_card(&prefix), delivery).await?;
    service::publish(&tx, authz, fair.id).await?;
    let parcel: Option<String> = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT cadastral_number FROM gis_feature WHERE tenant_id = $1 AND cadastral_number IS NOT NULL \
             AND deleted_at IS NULL ORDER BY cadastral_number LIMIT 1",
            [community.id.into()],
        ))
        .await?
        .map(|r| r.try_get_by_index(0))
        .transpose()?;
    tx.commit().await?;

    let today = Utc::now().with_timezone(&Kyiv).date_naive();
    for (i, story) in STORIES.iter().enumerate() {
        let who = person(i);
        // The fair needs a parcel of the map: only where the map has one.
        let (service_id, fields, docs) = match (&parcel, i % 4 == 3) {
            (Some(parcel), true) => (
                fair.id,
                BTreeMap::from([
                    (
                        "fairDate".to_string(),
                        (today + Duration::days(30)).to_string(),
                    ),
                    ("parcel".to_string(), parcel.clone()),
                    ("stalls".to_string(), "12".to_string()),
                ]),
                1,
            ),
            _ => (
                certificate.id,
                BTreeMap::from([
                    ("address".to_string(), format!("вул. Шевченка, {}", 3 + i)),
                    ("purpose".to_string(), "для субсидії".to_string()),
                ]),
                2,
            ),
        };
        let documents = (0..docs)
            .map(|slot| Upload {
                slot,
                file_name: format!("document-{}.pdf", slot + 1),
                bytes: SAMPLE_PDF.to_vec(),
            })
            .collect();
        let online = story.channel == Channel::Web;
        let mut tx = if online {
            TenantTx::begin(
                db,
                Some((community.clone(), TenantSource::Host)),
                None,
                Some("demo".into()),
            )
            .await?
        } else {
            as_staff(db, community, &workers[0]).await?
        };
        if online {
            let applicant = identity::ensure_by_email(
                tx.conn(),
                who.email.as_deref().unwrap_or_default(),
                &who.full_name,
            )
            .await?;
            tx.set_applicant(applicant.id).await?;
        }
        let submitted = case::submit(
            &tx,
            authz,
            blobs,
            links,
            Submission {
                service_id,
                person: who,
                fields,
                documents,
                consent_version: if online {
                    case::CONSENT_VERSION.into()
                } else {
                    String::new()
                },
                english: i == 5,
                channel: story.channel,
                received_on: (!online).then(|| today - Duration::days(story.days_ago)),
                copied_from: None,
            },
        )
        .await?;
        let id = submitted.case.id;
        let mut version = submitted.case.version;
        // The applicant's own move (cancelling) is theirs; the rest are the CNAP's and the
        // provider's.
        for action in story.moves {
            if *action == Action::Cancel {
                let case =
                    case::act(&tx, authz, links, id, Move::new(Action::Cancel, version)).await?;
                version = case.version;
                continue;
            }
            let staff_tx = as_staff(
                db,
                community,
                if matches!(
                    action,
                    Action::Approve
                        | Action::Refuse
                        | Action::RequestClarification
                        | Action::StartReview
                ) {
                    &workers[1]
                } else {
                    &workers[0]
                },
            )
            .await?;
            let mut mv = Move::new(*action, version);
            mv.channel = Channel::Counter;
            match action {
                Action::ReturnForCorrection => {
                    mv.remarks = vec![case::Remark {
                        field: "documents[0]".into(),
                        text: "Скан-копія нечитабельна: додайте чіткіше зображення всіх сторінок"
                            .into(),
                    }];
                }
                Action::RequestClarification => {
                    mv.comment = "Уточніть, будь ласка, номер квартири".into();
                }
                Action::Refuse => {
                    mv.decision = Some(Decision {
                        approved: false,
                        grounds: "Заявник не є власником житла чи особою, зареєстрованою в ньому"
                            .into(),
                        legal_basis: "Закон України № 1871-IX, ст. 7".into(),
                    });
                }
                _ => {}
            }
            // The commit of the submission comes first: staff see committed cases only.
            if tx.has_written().await? {
                tx.commit().await?;
                tx = TenantTx::begin(
                    db,
                    Some((community.clone(), TenantSource::Host)),
                    None,
                    Some("demo".into()),
                )
                .await?;
            }
            let case = case::act(&staff_tx, authz, links, id, mv).await?;
            staff_tx.commit().await?;
            version = case.version;
        }
        tx.commit().await?;
        if let Some(score) = story.rating {
            let mut rater = TenantTx::begin(
                db,
                Some((community.clone(), TenantSource::Host)),
                None,
                Some("demo".into()),
            )
            .await?;
            let applicant =
                identity::ensure_by_email(rater.conn(), PEOPLE[i % PEOPLE.len()].1, "").await?;
            rater.set_applicant(applicant.id).await?;
            case::rate(
                &rater,
                id,
                score,
                if score >= 9 {
                    "Швидко і зручно, без черги"
                } else {
                    ""
                },
            )
            .await?;
            rater.commit().await?;
        }
    }
    // The demo's cases are history: their notices went out back then (a new move sends new ones).
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE outbox SET sent_at = now() WHERE tenant_id = $1 AND application_id IS NOT NULL AND sent_at IS NULL",
        [community.id.into()],
    ))
    .await?;
    Ok(())
}
