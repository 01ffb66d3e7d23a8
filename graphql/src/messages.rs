//! The server's error messages in Ukrainian. Domain crates write their messages in English
//! (`field: reason`); here each known message gets its Ukrainian form, which every error
//! carries as `extensions.messageUk`, and which becomes `message` unless the caller prefers
//! English (`Accept-Language: en`; Ukrainian is the default, with the English kept in
//! `extensions.messageEn`).
//! Codes and fields never change with the language.
//!
//! The table matches whole reasons with `regex` (numbers and names are carried over); a
//! message the table does not know keeps its English, so a new message is never lost, only
//! untranslated until it is added here.

use std::sync::LazyLock;

use async_graphql::{Response, Value};
use hromada_site_builder::plural::{self, Uk};
use regex::{Captures, Regex};

type Render = fn(&Captures) -> String;

fn n(c: &Captures, i: usize) -> u64 {
    c.get(i).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

fn g<'a>(c: &'a Captures, i: usize) -> &'a str {
    c.get(i).map_or("", |m| m.as_str())
}

fn characters(count: u64) -> String {
    plural::uk(
        count,
        Uk {
            one: "символ",
            few: "символи",
            many: "символів",
        },
    )
}

fn days(count: u64) -> String {
    plural::uk(
        count,
        Uk {
            one: "день",
            few: "дні",
            many: "днів",
        },
    )
}

fn minutes(count: u64) -> String {
    plural::uk(
        count,
        Uk {
            one: "хвилина",
            few: "хвилини",
            many: "хвилин",
        },
    )
}

/// A booking's or ticket's status word, in Ukrainian.
fn state_uk(s: &str) -> &'static str {
    match s {
        "booked" => "заплановано",
        "checked in" => "зареєстровано в терміналі",
        "served" => "обслуговано",
        "marked as not attended" => "позначено як неявку",
        "cancelled" => "скасовано",
        "waiting" => "в очікуванні",
        "called" => "викликано",
        "serving" => "на прийомі",
        "done" => "завершено",
        "no show" => "неявка",
        _ => "у іншому стані",
    }
}

/// Reasons (after `field: `) and whole messages, with their Ukrainian.
static RULES: LazyLock<Vec<(Regex, Render)>> = LazyLock::new(|| {
    let rules: Vec<(&str, Render)> = vec![
        (r"is required", |_| "обов’язкове поле".into()),
        (r"is required to publish", |_| {
            "потрібне для публікації".into()
        }),
        (r"is required for a new account", |_| {
            "потрібне для нового облікового запису".into()
        }),
        (r"must not be empty", |_| "не може бути порожнім".into()),
        (r"is missing", |_| "бракує".into()),
        (r"must be an http\(s\) URL", |_| {
            "має бути адресою http:// або https://".into()
        }),
        (r"is not a valid e-mail address", |_| {
            "не є правильною адресою електронної пошти".into()
        }),
        (r"is not a phone number", |_| "не є номером телефону".into()),
        (r"is not a slug", |_| {
            "не є адресою з латинських літер, цифр і дефісів".into()
        }),
        (
            r"a slug is lower-case Latin letters and digits joined by single dashes, up to 80 characters",
            |_| {
                "адреса — це малі латинські літери й цифри, з’єднані одинарними дефісами, до 80 символів".into()
            },
        ),
        (r"a site path holds no spaces", |_| {
            "адреса сторінки не містить пробілів".into()
        }),
        (r"must be 8 digits", |_| "має складатися з 8 цифр".into()),
        (r"must be 10 digits", |_| "має складатися з 10 цифр".into()),
        (r"is not a tracking number", |_| {
            "не є номером справи".into()
        }),
        (r"'(.+)' is not a case status", |c| {
            format!("«{}» не є станом справи", g(c, 1))
        }),
        (
            r"the case is (\S+); (\S+) is not possible from there",
            |c| format!("справа в стані «{}»; ця дія з нього неможлива", g(c, 1)),
        ),
        (r"has a wrong check digit", |_| {
            "має неправильну контрольну цифру".into()
        }),
        (r"must be at least (\d+) characters", |c| {
            format!("має містити щонайменше {}", characters(n(c, 1)))
        }),
        (r"choose at least one service", |_| {
            "оберіть щонайменше одну послугу".into()
        }),
        (r"must be at most (\d+) services", |c| {
            format!(
                "має містити щонайбільше {}",
                plural::uk(
                    n(c, 1),
                    Uk {
                        one: "послугу",
                        few: "послуги",
                        many: "послуг",
                    }
                )
            )
        }),
        (
            r"every service must be a published service of the oblast's standard catalog",
            |_| {
                "кожна послуга має бути опублікованою послугою стандартного переліку області".into()
            },
        ),
        (r"another situation has this address", |_| {
            "ця адреса вже зайнята іншою життєвою ситуацією".into()
        }),
        (r"an oblast keeps at most (\d+) situations", |c| {
            format!(
                "область може мати щонайбільше {}",
                plural::uk(
                    n(c, 1),
                    Uk {
                        one: "життєву ситуацію",
                        few: "життєві ситуації",
                        many: "життєвих ситуацій",
                    }
                )
            )
        }),
        (r"life situations are kept by the oblast", |_| {
            "життєві ситуації веде область".into()
        }),
        (
            r"the situation was changed by someone else; reload it",
            |_| "ситуацію вже змінив хтось інший; завантажте її знову".into(),
        ),
        (r"must be at most (\d+) characters", |c| {
            format!("має містити щонайбільше {}", characters(n(c, 1)))
        }),
        (r"must be 1–200 characters", |_| {
            "має містити від 1 до 200 символів".into()
        }),
        (r"holds control characters", |_| {
            "містить керівні символи".into()
        }),
        (
            r"holds the bidirectional control U\+([0-9A-F]{4}), which reorders the text around it",
            |c| {
                format!(
                    "містить керівний символ напрямку письма U+{}, що переставляє текст довкола",
                    g(c, 1)
                )
            },
        ),
        (r"is unknown, used or expired", |_| {
            "невідоме, уже використане або прострочене".into()
        }),
        (r"the invitation has expired", |_| {
            "строк дії запрошення минув".into()
        }),
        (r"'(.+)' is not a time HH:MM", |c| {
            format!("«{}» не є часом у форматі ГГ:ХХ", g(c, 1))
        }),
        (r"closing time (\S+) is not after opening time (\S+)", |c| {
            format!(
                "час закриття {} не пізніший за час відкриття {}",
                g(c, 1),
                g(c, 2)
            )
        }),
        (r"break ends \((\S+)\) before it starts \((\S+)\)", |c| {
            format!(
                "перерва закінчується ({}) раніше, ніж починається ({})",
                g(c, 1),
                g(c, 2)
            )
        }),
        (
            r"break (\S+)–(\S+) overlaps another break or lies outside (\S+)–(\S+)",
            |c| {
                format!(
                    "перерва {}–{} перетинається з іншою або виходить за межі {}–{}",
                    g(c, 1),
                    g(c, 2),
                    g(c, 3),
                    g(c, 4)
                )
            },
        ),
        (r"must be after startsAt", |_| {
            "має бути пізніше за початок".into()
        }),
        (r"a visit lasts at most 24 hours", |_| {
            "виїзд триває щонайбільше 24 години".into()
        }),
        (r"no such page", |_| "такої сторінки немає".into()),
        (r"is not a page", |_| "не є сторінкою".into()),
        (r"no such item in the media library", |_| {
            "такого файлу в медіатеці немає".into()
        }),
        (r"no such map layer", |_| "такого шару карти немає".into()),
        (r"is not an image", |_| "не є зображенням".into()),
        (
            r"an image needs an alternative text before the page can be published",
            |_| {
                "зображення потребує опису для незрячих, перш ніж сторінку можна опублікувати"
                    .into()
            },
        ),
        (
            r"a page cannot be placed under itself or one of its sub-pages",
            |_| "сторінку не можна вкласти в саму себе чи в її підсторінку".into(),
        ),
        (r"at most (\d+) blocks per page", |c| {
            format!("щонайбільше {} блоків на сторінці", n(c, 1))
        }),
        (r"formatting nests more than (\d+) levels deep", |c| {
            format!("форматування вкладене глибше ніж на {} рівнів", n(c, 1))
        }),
        (r"a tag is 1 to 40 letters, digits or dashes", |_| {
            "тег — від 1 до 40 літер, цифр або дефісів".into()
        }),
        (r"at most 20 tags", |_| "щонайбільше 20 тегів".into()),
        (r"at most 100 people", |_| "щонайбільше 100 осіб".into()),
        (r"at most 200 documents", |_| {
            "щонайбільше 200 документів".into()
        }),
        (r"holds 1 to 48 images", |_| {
            "містить від 1 до 48 зображень".into()
        }),
        (
            r"a paid service needs a fee for individuals or for legal entities",
            |_| "платна послуга потребує плати для фізичних або для юридичних осіб".into(),
        ),
        (r"has more than two decimal places \(kopiykas\)", |_| {
            "має більше двох знаків після коми (копійок)".into()
        }),
        (r"must not be below zero", |_| {
            "не може бути від’ємним".into()
        }),
        (r"must be one of (.+)", |c| {
            format!("має бути одним із: {}", g(c, 1))
        }),
        (r"must be a whole number ≥ (\d+)", |c| {
            format!("має бути цілим числом, не меншим за {}", n(c, 1))
        }),
        (r"is not a cursor of this (list|connection)", |_| {
            "не є курсором цього списку".into()
        }),
        (r"is a cursor of another list", |_| {
            "є курсором іншого списку (фільтр змінився)".into()
        }),
        (r"is before submittedFrom", |_| {
            "раніше за дату «подано з»".into()
        }),
        (r"must be (\d+) to (\d+)", |c| {
            format!("має бути від {} до {}", n(c, 1), n(c, 2))
        }),
        (r"is in the past", |_| "у минулому".into()),
        (r"is beyond the booking horizon of (\d+) days", |c| {
            format!("за межами горизонту запису ({} {})", n(c, 1), days(n(c, 1)))
        }),
        (r"is not a visit time within this CNAP's hours", |_| {
            "не є часом прийому в години роботи цього ЦНАП".into()
        }),
        (r"is not booked at this CNAP", |_| {
            "на цю послугу в цьому ЦНАП не записують".into()
        }),
        (
            r"give an e-mail or a mobile phone for the confirmation",
            |_| "вкажіть e-mail або мобільний телефон для підтвердження".into(),
        ),
        (r"this time has just been taken; choose another", |_| {
            "цей час щойно зайняли; оберіть інший".into()
        }),
        (
            r"you already have a booking for this service at this CNAP; move it instead of booking again",
            |_| "ви вже записані на цю послугу в цьому ЦНАП; перенесіть наявний запис".into(),
        ),
        (r"this booking is already (.+)", |c| {
            format!("цей запис уже: {}", state_uk(g(c, 1)))
        }),
        (r"this booking is (.+) and cannot be moved", |c| {
            format!("цей запис ({}) не можна перенести", state_uk(g(c, 1)))
        }),
        (r"this booking is (.+)", |c| {
            format!("цей запис: {}", state_uk(g(c, 1)))
        }),
        (r"this booking changed meanwhile", |_| {
            "цей запис тим часом змінився".into()
        }),
        (r"is not served in this CNAP's queue", |_| {
            "не обслуговується в черзі цього ЦНАП".into()
        }),
        (r"no open workplace serves it today", |_| {
            "сьогодні її не обслуговує жодне відкрите робоче місце".into()
        }),
        (r"must be 6 digits", |_| "має складатися з 6 цифр".into()),
        (
            r"is for a later time: check in at most an hour before it",
            |_| "для пізнішого часу: зареєструватися можна не раніше ніж за годину".into(),
        ),
        (
            r"check-in closed (\d+) minutes after the booked time; take a ticket",
            |c| {
                format!(
                    "реєстрація закрилася через {} {} після часу запису; візьміть талон",
                    n(c, 1),
                    minutes(n(c, 1))
                )
            },
        ),
        (
            r"finish (\S+) first \(or mark that the person did not come\)",
            |c| {
                format!(
                    "спершу завершіть прийом {} (або позначте, що людина не прийшла)",
                    g(c, 1)
                )
            },
        ),
        (r"this workplace is closed", |_| {
            "це робоче місце закрите".into()
        }),
        (r"the office has not called this person yet", |_| {
            "цю людину ще не викликали".into()
        }),
        (r"the ticket is (.+) \((.+)\)", |c| {
            format!("талон: {}", g(c, 2))
        }),
        (r"the ticket changed meanwhile", |_| {
            "талон тим часом змінився".into()
        }),
        (r"must be one Latin capital letter", |_| {
            "має бути однією великою латинською літерою".into()
        }),
        (r"(\S+) is used twice", |c| {
            format!("{} використано двічі", g(c, 1))
        }),
        (r"(\S+) is not a group of this queue", |c| {
            format!("{} не є групою цієї черги", g(c, 1))
        }),
        (r"is listed twice", |_| "указано двічі".into()),
        (r"is not a service of this community", |_| {
            "не є послугою цієї громади".into()
        }),
        (r"is not a workplace of this CNAP", |_| {
            "не є робочим місцем цього ЦНАП".into()
        }),
        (
            r"group (\S+) has tickets or bookings and cannot be removed; keep it",
            |c| {
                format!(
                    "група {} має талони або записи, її не можна вилучити; залиште її",
                    g(c, 1)
                )
            },
        ),
        (
            r"the queue settings changed meanwhile \(version (\d+) now, (\d+) given\); reload them",
            |c| {
                format!(
                    "налаштування черги тим часом змінилися (зараз версія {}, надіслано {}); перезавантажте їх",
                    n(c, 1),
                    n(c, 2)
                )
            },
        ),
        (r"must be within (\d+) days of from", |c| {
            format!(
                "має бути не далі ніж за {} {} від початкової дати",
                n(c, 1),
                days(n(c, 1))
            )
        }),
        (r"is before from", |_| "раніше за початкову дату".into()),
        (r"is not a point on Earth", |_| {
            "не є точкою на Землі".into()
        }),
        (r"give its id or its link's token", |_| {
            "вкажіть його ідентифікатор або ключ із посилання".into()
        }),
        (r"is not a provider of this community", |_| {
            "не є надавачем цієї громади".into()
        }),
        (r"(\S+) is a hromada of another oblast", |c| {
            format!("{} — громада іншої області", g(c, 1))
        }),
        (r"'(.+)' is already taken", |c| {
            format!("«{}» уже зайнято", g(c, 1))
        }),
        (r"(\S+) is already onboarded", |c| {
            format!("громаду {} уже підключено", g(c, 1))
        }),
        (r"'(.+)' is already used by another tenant", |c| {
            format!("«{}» уже використовує інша громада", g(c, 1))
        }),
        (r"'(.+)' is already used at this place of the site", |c| {
            format!("«{}» уже використано на цьому місці сайту", g(c, 1))
        }),
        (r"a provider with (\d+) is already registered", |c| {
            format!("надавач з кодом {} уже зареєстрований", g(c, 1))
        }),
        (r"a user with (.+) already exists", |c| {
            format!("користувач {} уже існує", g(c, 1))
        }),
        (r"already accepted", |_| "уже прийнято".into()),
        (r"cannot revoke the last (\S+) of this tenant", |c| {
            format!("не можна відкликати останню роль {} у громаді", g(c, 1))
        }),
        (r"(.+) already holds (\S+)", |c| {
            format!("{} уже має роль {}", g(c, 1), g(c, 2))
        }),
        (
            r"the page was changed by someone else since version (\d+); reload it and apply your change again",
            |c| {
                format!(
                    "сторінку змінив хтось інший після версії {}; оновіть її та внесіть зміну знову",
                    n(c, 1)
                )
            },
        ),
        (
            r"the (\S+) menu was changed by someone else since version (\d+)",
            |c| {
                format!(
                    "меню ({}) змінив хтось інший після версії {}",
                    g(c, 1),
                    n(c, 2)
                )
            },
        ),
        (
            r"the case was changed \(version (\d+) now, not (\d+)\); reload it",
            |c| {
                format!(
                    "звернення вже змінили (тепер версія {}, а не {}); оновіть його",
                    n(c, 1),
                    n(c, 2)
                )
            },
        ),
        (
            r"the site was changed by someone else since version (\d+)",
            |c| format!("сайт змінив хтось інший після версії {}", n(c, 1)),
        ),
        (
            r"the (card|service|CNAP) is at version (\d+), not (\d+)(; reload and retry)?",
            |c| {
                let what = match g(c, 1) {
                    "card" => "картка",
                    "service" => "послуга",
                    _ => "ЦНАП",
                };
                format!(
                    "{what} вже має версію {}, а не {}; оновіть і спробуйте знову",
                    n(c, 2),
                    n(c, 3)
                )
            },
        ),
        (r"wrong e-mail or password", |_| {
            "неправильна пошта або пароль".into()
        }),
        (r"wrong e-mail or application password", |_| {
            "неправильна пошта або пароль застосунку".into()
        }),
        (r"the session is invalid or has expired", |_| {
            "сеанс недійсний або завершився; увійдіть знову".into()
        }),
        (r"the session has ended; sign in again", |_| {
            "сеанс завершився; увійдіть знову".into()
        }),
        (r"does not match the session; sign in again", |_| {
            "не відповідає сеансу; увійдіть знову".into()
        }),
        (r"sign in first", |_| "спершу увійдіть".into()),
        (r"sign in to preview", |_| {
            "увійдіть, щоб переглянути".into()
        }),
        (r"not allowed to (\S+) (\S+) in '(.+)'", |c| {
            format!("у громаді «{}» у вас немає дозволу на цю дію", g(c, 3))
        }),
        (r"tenant '(.+)' is suspended", |c| {
            format!("роботу «{}» призупинено: можна лише переглядати", g(c, 1))
        }),
        (r"no role in '(.+)'", |c| {
            format!("у вас немає ролі в «{}»", g(c, 1))
        }),
        (r"this view is the oblast's", |_| {
            "це подання — для області".into()
        }),
        (r"internal error", |_| "внутрішня помилка".into()),
        (r"internal error: the change was not saved", |_| {
            "внутрішня помилка: зміну не збережено".into()
        }),
        (r"the passwords differ", |_| "паролі не збігаються".into()),
        (r"invitation not found", |_| "запрошення не знайдено".into()),
        (r"'(.+)' is not one of: (.+)", |c| {
            format!("«{}» — не одне з: {}", g(c, 1), g(c, 2))
        }),
        (r"'(.+)' is not a field of this layer", |c| {
            format!("«{}» — не поле цього шару", g(c, 1))
        }),
        (r"'(.+)' is used by the site itself at the top level", |c| {
            format!("«{}» на верхньому рівні використовує сам сайт", g(c, 1))
        }),
        (
            r"'(.+)' is not a community: maps are the communities'",
            |c| format!("«{}» — не громада: мапи є в громад", g(c, 1)),
        ),
        (
            r"'(.+)' is not an oblast: boundary tiles are the oblast's",
            |c| format!("«{}» — не область: тайли меж є в області", g(c, 1)),
        ),
        (
            r"2 to 40 lower-case Latin letters, digits and dashes",
            |_| "від 2 до 40 малих латинських літер, цифр і дефісів".into(),
        ),
        (
            r"EPSG:(\d+) is not a coordinate system the platform can transform",
            |c| {
                format!(
                    "EPSG:{} — система координат, яку платформа не вміє перетворювати",
                    g(c, 1)
                )
            },
        ),
        (r"a boundary is a Polygon or MultiPolygon", |_| {
            "межа має бути Polygon або MultiPolygon".into()
        }),
        (r"a delivery report needs the configured token", |_| {
            "звіт про доставлення потребує налаштованого ключа".into()
        }),
        (r"a land-parcel layer holds polygons", |_| {
            "шар земельних ділянок містить лише полігони".into()
        }),
        (r"a merge patch must be a JSON object", |_| {
            "зміна (merge patch) має бути об’єктом JSON".into()
        }),
        (r"a standard card needs a code", |_| {
            "стандартна картка потребує коду".into()
        }),
        (
            r"an exchange file holds land parcels: import it into a land-parcel layer",
            |_| {
                "обмінний файл містить земельні ділянки: імпортуйте його в шар земельних ділянок"
                    .into()
            },
        ),
        (r"an item links to a page that does not exist", |_| {
            "пункт посилається на сторінку, якої немає".into()
        }),
        (r"at most (\d+) (files|fields|remarks)", |c| {
            format!(
                "не більше {} {}",
                n(c, 1),
                match g(c, 2) {
                    "files" => plural::uk(
                        n(c, 1),
                        Uk {
                            one: "файлу",
                            few: "файлів",
                            many: "файлів"
                        }
                    ),
                    "fields" => plural::uk(
                        n(c, 1),
                        Uk {
                            one: "поля",
                            few: "полів",
                            many: "полів"
                        }
                    ),
                    _ => plural::uk(
                        n(c, 1),
                        Uk {
                            one: "зауваження",
                            few: "зауважень",
                            many: "зауважень"
                        }
                    ),
                }
            )
        }),
        (r"at most three years at once", |_| {
            "не більше трьох років за раз".into()
        }),
        (
            r"at most (\d+) application passwords: revoke one first",
            |c| {
                format!(
                    "не більше {} паролів застосунків: спершу відкличте один",
                    n(c, 1)
                )
            },
        ),
        (r"cannot be given with parentId", |_| {
            "не можна вказувати разом із parentId".into()
        }),
        (r"cannot be read", |_| "не вдається прочитати".into()),
        (r"cannot be removed", |_| "не можна вилучити".into()),
        (r"choose 0 to 10", |_| "оберіть від 0 до 10".into()),
        (r"choose a time", |_| "оберіть час".into()),
        (r"choose the receipt's file", |_| {
            "оберіть файл квитанції".into()
        }),
        (r"standard card (.+) already exists", |c| {
            format!("стандартна картка {} уже існує", g(c, 1))
        }),
        (r"communities are created by an oblast", |_| {
            "громади створює область".into()
        }),
        (r"confirm your e-mail or phone( with a code)? first", |_| {
            "спершу підтвердьте пошту або телефон кодом".into()
        }),
        (r"coverage is an oblast's view", |_| {
            "покриття — це подання для області".into()
        }),
        (r"feature (\S+) is already deleted", |c| {
            format!("об’єкт {} уже вилучено", g(c, 1))
        }),
        (
            r"feature (\S+) is at version (\d+), not (\d+): reload it( and edit again)?",
            |c| {
                format!(
                    "об’єкт {} уже має версію {}, а не {}: оновіть його й змініть знову",
                    g(c, 1),
                    n(c, 2),
                    n(c, 3)
                )
            },
        ),
        (r"feature (\S+) is deleted: restore it first", |c| {
            format!("об’єкт {} вилучено: спершу відновіть його", g(c, 1))
        }),
        (r"feature (\S+) is not deleted", |c| {
            format!("об’єкт {} не вилучено", g(c, 1))
        }),
        (r"feature (\S+) changed meanwhile: reload it", |c| {
            format!("об’єкт {} тим часом змінився: оновіть його", g(c, 1))
        }),
        (r"the payment is already confirmed", |_| {
            "оплату вже підтверджено".into()
        }),
        (r"this case has nothing to pay", |_| {
            "у цій справі нема чого сплачувати".into()
        }),
        (r"give an e-mail or a mobile phone for the notices", |_| {
            "вкажіть пошту або мобільний телефон для повідомлень".into()
        }),
        (r"has (too many|more than (\d+)) fields", |_| {
            "має забагато полів".into()
        }),
        (
            r"holds a character that cannot be stored \(a NUL byte\)",
            |_| "містить символ, який не можна зберегти (байт NUL)".into(),
        ),
        (r"holds no features", |_| "не містить об’єктів".into()),
        (r"is 1 to 999999", |_| "має бути від 1 до 999999".into()),
        (r"is 2 to 4 Latin letters", |_| {
            "має містити від 2 до 4 латинських літер".into()
        }),
        (r"is a news post; use (\S+)", |c| {
            format!("це новина; використайте {}", g(c, 1))
        }),
        (r"is a page; use (\S+)", |c| {
            format!("це сторінка; використайте {}", g(c, 1))
        }),
        (r"is for paper applications only", |_| {
            "лише для паперових заяв".into()
        }),
        (r"is given without bbox", |_| "вказано без bbox".into()),
        (r"is longer than (\d+) characters", |c| {
            format!("довше за {} {}", n(c, 1), characters(n(c, 1)))
        }),
        (r"is not JSON: (.+)", |c| format!("не є JSON: {}", g(c, 1))),
        (r"is not a CNAP officer of this community", |_| {
            "не є працівником ЦНАП цієї громади".into()
        }),
        (r"is not a GeoJSON FeatureCollection: (.+)", |c| {
            format!("не є GeoJSON FeatureCollection: {}", g(c, 1))
        }),
        (r"is not a form post", |_| "не є надсиланням форми".into()),
        (r"is not a published service here", |_| {
            "не є опублікованою послугою цієї громади".into()
        }),
        (r"is not a published standard card of this oblast", |_| {
            "не є опублікованою стандартною карткою цієї області".into()
        }),
        (r"is not a revision id", |_| {
            "не є ідентифікатором редакції".into()
        }),
        (r"is not a valid geometry: (.+)", |c| {
            format!("не є правильною геометрією: {}", g(c, 1))
        }),
        (r"is not a year of this era", |_| {
            "не є роком нашої ери".into()
        }),
        (r"is not an edit id", |_| {
            "не є ідентифікатором зміни".into()
        }),
        (r"is not text", |_| "не є текстом".into()),
        (r"is not the current consent text; reload the form", |_| {
            "це не чинний текст згоди; оновіть форму".into()
        }),
        (r"is only for a provider's role", |_| {
            "лише для ролі надавача".into()
        }),
        (r"is too large", |_| "завеликий".into()),
        (
            r"its coordinates cannot be transformed from EPSG:(\d+) to WGS 84",
            |c| {
                format!(
                    "його координати не вдається перетворити з EPSG:{} у WGS 84",
                    g(c, 1)
                )
            },
        ),
        (r"'(.+)' is a template shipped with the platform", |c| {
            format!("«{}» — шаблон, що постачається з платформою", g(c, 1))
        }),
        (r"template '(.+)' exists", |c| {
            format!("шаблон «{}» уже існує", g(c, 1))
        }),
        (r"latitudes must be within −90…90", |_| {
            "широта має бути в межах −90…90".into()
        }),
        (r"layer (\S+) changed meanwhile", |c| {
            format!("шар {} тим часом змінився", g(c, 1))
        }),
        (r"layer (\S+) is at version (\d+), not (\d+)", |c| {
            format!(
                "шар {} уже має версію {}, а не {}",
                g(c, 1),
                n(c, 2),
                n(c, 3)
            )
        }),
        (r"layer (\S+) is internal to (.+)", |c| {
            format!("шар {} — внутрішній для {}", g(c, 1), g(c, 2))
        }),
        (r"layer (\S+) is internal: sign in", |c| {
            format!("шар {} — внутрішній: увійдіть", g(c, 1))
        }),
        (r"list the required documents to publish", |_| {
            "щоб опублікувати, перелічіть потрібні документи".into()
        }),
        (r"must be 'main' or 'footer'", |_| {
            "має бути «main» або «footer»".into()
        }),
        (r"must be 0–20", |_| "має бути від 0 до 20".into()),
        (r"must be 4 \(or 6\) comma-separated numbers", |_| {
            "має бути 4 (або 6) чисел через кому".into()
        }),
        (r"must be COUNTER or POST", |_| {
            "має бути COUNTER або POST".into()
        }),
        (r"must be a day after today", |_| {
            "має бути день після сьогодні".into()
        }),
        (r"must be a day of the last year, not in the future", |_| {
            "має бути день за останній рік, не в майбутньому".into()
        }),
        (r"must be after `from` and within three years of it", |_| {
            "має бути після `from` і не далі ніж за три роки від неї".into()
        }),
        (r"must be an object", |_| "має бути об’єктом".into()),
        (r"must be at most (\d+)", |c| {
            format!("має бути не більше {}", n(c, 1))
        }),
        (r"must be between (\d+) and (\d+)", |c| {
            format!("має бути від {} до {}", n(c, 1), n(c, 2))
        }),
        (r"must be four numbers west,south,east,north", |_| {
            "має бути чотири числа: захід,південь,схід,північ".into()
        }),
        (
            r"name at least one (audience|channel|field to correct|legal act) to publish",
            |c| {
                format!(
                    "щоб опублікувати, вкажіть щонайменше {}",
                    match g(c, 1) {
                        "audience" => "одну категорію отримувачів",
                        "channel" => "один спосіб звернення",
                        "field to correct" => "одне поле для виправлення",
                        _ => "один нормативний акт",
                    }
                )
            },
        ),
        (r"name at least one field to correct", |_| {
            "вкажіть щонайменше одне поле для виправлення".into()
        }),
        (r"news items have no parent", |_| {
            "новини не мають батьківської сторінки".into()
        }),
        (r"not a GraphQL request \((.+)\)", |c| {
            format!("не є запитом GraphQL ({})", g(c, 1))
        }),
        (r"not a map of files \((.+)\)", |c| {
            format!("не є переліком файлів ({})", g(c, 1))
        }),
        (r"numbers must be finite", |_| {
            "числа мають бути скінченними".into()
        }),
        (r"only the oblast sets boundaries", |_| {
            "межі встановлює лише область".into()
        }),
        (r"the case is rated already", |_| {
            "справу вже оцінено".into()
        }),
        (r"services belong to a community", |_| {
            "послуги належать громаді".into()
        }),
        (
            r"sign in, or look the case up by its number and code",
            |_| "увійдіть або знайдіть справу за номером і кодом".into(),
        ),
        (r"this community already adopted that card", |_| {
            "громада вже прийняла цю картку".into()
        }),
        (r"the case is (\S+); it is rated after the result", |c| {
            format!(
                "справа має статус {}; її оцінюють після результату",
                g(c, 1)
            )
        }),
        (r"the case is (\S+); nothing more can be added", |c| {
            format!(
                "справа має статус {}; додати більше нічого не можна",
                g(c, 1)
            )
        }),
        (
            r"the case is (\S+); only a refused case is resubmitted",
            |c| {
                format!(
                    "справа має статус {}; повторно подають лише відмовлену справу",
                    g(c, 1)
                )
            },
        ),
        (
            r"the case is (\S+); only a returned case is corrected",
            |c| {
                format!(
                    "справа має статус {}; виправляють лише повернену справу",
                    g(c, 1)
                )
            },
        ),
        (r"templates are kept by an oblast", |_| {
            "шаблони веде область".into()
        }),
        (r"the GIS summary is the oblast's", |_| {
            "зведення ГІС — для області".into()
        }),
        (r"the body must be a GeoJSON Feature", |_| {
            "тіло запиту має бути GeoJSON Feature".into()
        }),
        (
            r"the checklist is a community's; the oblast has its communities table",
            |_| "перелік готовності — для громади; в області є таблиця громад".into(),
        ),
        (r"the code is wrong or has expired", |_| {
            "код неправильний або його строк минув".into()
        }),
        (r"the code of a standard card cannot change", |_| {
            "код стандартної картки змінювати не можна".into()
        }),
        (r"the export is the applicant's own", |_| {
            "вивантаження доступне лише самому заявникові".into()
        }),
        (
            r"the first section is the home page, with an empty slug",
            |_| "перший розділ — головна сторінка, з порожньою адресою".into(),
        ),
        (
            r"the form is stale or came from another site; reload the page",
            |_| "форма застаріла або надійшла з іншого сайту; оновіть сторінку".into(),
        ),
        (
            r"the home page cannot be unpublished; change it instead",
            |_| "головну сторінку не можна зняти з публікації; змініть її натомість".into(),
        ),
        (r"the identity provider is not available \((.+)\)", |c| {
            format!("постачальник ідентифікації недоступний ({})", g(c, 1))
        }),
        (r"the identity provider refused the sign-in \((.+)\)", |c| {
            format!("постачальник ідентифікації відхилив вхід ({})", g(c, 1))
        }),
        (r"the identity provider sent no ID token", |_| {
            "постачальник ідентифікації не надіслав ID-токена".into()
        }),
        (r"the identity provider's answer is not valid", |_| {
            "відповідь постачальника ідентифікації недійсна".into()
        }),
        (r"the login has expired; start again", |_| {
            "строк входу минув; почніть знову".into()
        }),
        (
            r"the lower corner must be south of the upper corner",
            |_| "нижній кут має бути південніше за верхній".into(),
        ),
        (r"the service names no provider: name one", |_| {
            "у послузі не вказано надавача: вкажіть його".into()
        }),
        (r"the sign-in was not accepted; try again", |_| {
            "вхід не прийнято; спробуйте знову".into()
        }),
        (r"the standard catalog is kept by the oblast", |_| {
            "стандартний каталог веде область".into()
        }),
        (r"this service cannot be applied for online", |_| {
            "на цю послугу не можна подати заяву онлайн".into()
        }),
        (r"this year's tracking numbers are used up", |_| {
            "номери справ цього року вичерпано".into()
        }),
        (r"use up to 20 Latin letters, digits, '\.' or '-'", |_| {
            "до 20 латинських літер, цифр, «.» або «-»".into()
        }),
        (r"the case was changed by someone else; reload it", |_| {
            "справу змінив хтось інший; оновіть її".into()
        }),
        (r"you hold no role in tenant '(.+)'", |c| {
            format!("у вас немає ролі в «{}»", g(c, 1))
        }),
        (r"zoom (\d+) is beyond the deepest zoom (\d+)", |c| {
            format!("масштаб {} глибший за найглибший ({})", n(c, 1), n(c, 2))
        }),
        (
            r"(\S+) is not a territorial community \(hromada\) code",
            |c| format!("{} — не код територіальної громади", g(c, 1)),
        ),
        (r"(\S+) is not an oblast in the KATOTTG codifier", |c| {
            format!("{} — не область у кодифікаторі КАТОТТГ", g(c, 1))
        }),
        (r"(\S+) is not in the KATOTTG codifier", |c| {
            format!("{} немає в кодифікаторі КАТОТТГ", g(c, 1))
        }),
        (r"(\S+) is not a field of a service card", |c| {
            format!("{} — не поле картки послуги", g(c, 1))
        }),
        (r"(\S+) cannot be held in a (\S+)", |c| {
            format!("роль {} не може бути в {}", g(c, 1), g(c, 2))
        }),
        (
            r"consent to the processing of personal data is required",
            |_| "потрібна згода на обробку персональних даних".into(),
        ),
        (r"is required for a provider's role", |_| {
            "обов’язкове для ролі надавача".into()
        }),
        (r"must be (\d+) to (\d+) \(a week\)", |c| {
            format!("має бути від {} до {} (тиждень)", n(c, 1), n(c, 2))
        }),
        (r"is not readable: (.+)", |c| {
            format!("не вдається прочитати: {}", g(c, 1))
        }),
        (r"too many files", |_| "забагато файлів".into()),
        (r"is not a page cursor of this API", |_| {
            "не є курсором сторінки цього API".into()
        }),
        (r"(.+) not found", |c| {
            format!("не знайдено: {}", noun_uk(g(c, 1)))
        }),
    ];
    rules
        .into_iter()
        .filter_map(|(pattern, render)| {
            Regex::new(&format!("^(?:{pattern})$"))
                .map_err(|e| tracing::error!(%pattern, error = %e, "message pattern"))
                .ok()
                .map(|re| (re, render))
        })
        .collect()
});

/// The Ukrainian of what a "… not found" names: its noun, the rest (ids, names) as it is.
fn noun_uk(what: &str) -> String {
    const NOUNS: &[(&str, &str)] = &[
        ("application password", "пароль застосунку"),
        ("online application for service", "онлайн-заяву для послуги"),
        ("published service", "опубліковану послугу"),
        ("standard service", "стандартну послугу"),
        ("life situation", "життєву ситуацію"),
        (
            "booking with this code today",
            "сьогоднішній запис із цим кодом",
        ),
        ("community of this host", "громаду цієї адреси"),
        ("site of this community", "сайт цієї громади"),
        (
            "tenant (no tenant answers on this host)",
            "громаду (на цій адресі немає жодної)",
        ),
        (
            "preview (the link is unknown or has expired)",
            "попередній перегляд (посилання невідоме або його строк минув)",
        ),
        ("export format", "формат вивантаження"),
        ("tile format of", "формат тайла"),
        ("media variant", "варіант медіафайлу"),
        ("boundary of", "межу"),
        ("site of", "сайт"),
        ("application", "заяву"),
        ("CNAP", "ЦНАП"),
        ("map of", "мапу"),
        ("role", "роль"),
        ("booking", "запис"),
        ("collection", "колекцію"),
        ("community", "громаду"),
        ("document", "документ"),
        ("edit", "зміну"),
        ("feature", "об’єкт"),
        ("file", "файл"),
        ("invitation", "запрошення"),
        ("layer", "шар"),
        ("media", "медіафайл"),
        ("menu", "меню"),
        ("message", "повідомлення"),
        ("news", "новину"),
        ("page", "сторінку"),
        ("provider", "надавача"),
        ("revision", "редакцію"),
        ("service", "послугу"),
        ("tenant", "громаду"),
        ("ticket", "талон"),
        ("tiles", "тайли"),
        ("user", "користувача"),
        ("workplace", "робоче місце"),
        ("action", "дію"),
        ("in layer", "у шарі"),
        ("(invite them first)", "(спершу запросіть)"),
        ("(purged)", "(видалено)"),
    ];
    let mut out = Vec::new();
    let mut rest = what;
    'words: while !rest.is_empty() {
        for (en, uk) in NOUNS {
            if let Some(after) = rest.strip_prefix(en)
                && (after.is_empty() || after.starts_with(' '))
            {
                out.push((*uk).to_owned());
                rest = after.trim_start();
                continue 'words;
            }
        }
        let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
        out.push(word.to_owned());
        rest = after;
    }
    out.join(" ")
}

fn reason_uk(reason: &str) -> Option<String> {
    RULES
        .iter()
        .find_map(|(re, render)| re.captures(reason).map(|c| render(&c)))
}

/// The Ukrainian of a message, `field: reason` or whole, when the table knows it.
pub fn ukrainian(message: &str) -> Option<String> {
    if let Some(whole) = reason_uk(message) {
        return Some(whole);
    }
    let (field, reason) = message.split_once(": ")?;
    if field.contains(' ') {
        return None;
    }
    reason_uk(reason).map(|r| format!("{field}: {r}"))
}

/// Whether an `Accept-Language` value prefers Ukrainian to English (of the two, the first
/// named with the highest weight); Ukrainian when it names neither.
pub fn prefers_ukrainian(accept_language: &str) -> bool {
    let mut best: Option<(f32, bool)> = None;
    for part in accept_language.split(',') {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        let uk = tag == "uk" || tag.starts_with("uk-");
        if !(uk || tag == "en" || tag.starts_with("en-")) {
            continue;
        }
        if best.is_none_or(|(b, _)| q > b) {
            best = Some((q, uk));
        }
    }
    best.is_none_or(|(_, uk)| uk)
}

/// Gives every error of `response` its Ukrainian (`extensions.messageUk`), and makes it the
/// message when `uk` (keeping the English as `extensions.messageEn`).
pub fn localize(response: &mut Response, uk: bool) {
    for error in &mut response.errors {
        let extensions = error.extensions.get_or_insert_with(Default::default);
        let known = match extensions.get("messageUk") {
            Some(Value::String(s)) => Some(s.clone()),
            _ => ukrainian(&error.message),
        };
        let Some(ukrainian) = known else {
            continue;
        };
        extensions.set("messageUk", ukrainian.clone());
        if uk {
            extensions.set("messageEn", error.message.clone());
            error.message = ukrainian;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_in_ukrainian_with_numbers_and_names_carried_over() {
        assert_eq!(
            ukrainian("titleUk: is required").as_deref(),
            Some("titleUk: обов’язкове поле")
        );
        assert_eq!(
            ukrainian("password: must be at least 10 characters").as_deref(),
            Some("password: має містити щонайменше 10 символів")
        );
        assert_eq!(
            ukrainian("cnap.schedule.sat.open: '25:00' is not a time HH:MM").as_deref(),
            Some("cnap.schedule.sat.open: «25:00» не є часом у форматі ГГ:ХХ")
        );
        assert_eq!(
            ukrainian("wrong e-mail or password").as_deref(),
            Some("неправильна пошта або пароль")
        );
        assert_eq!(
            ukrainian("page 42 not found").as_deref(),
            Some("не знайдено: сторінку 42")
        );
        assert_eq!(ukrainian("something nobody wrote"), None);
    }

    #[test]
    fn accept_language_picks_the_preferred_of_ukrainian_and_english() {
        assert!(prefers_ukrainian("uk"));
        assert!(prefers_ukrainian("uk-UA,uk;q=0.9,en;q=0.8"));
        assert!(prefers_ukrainian("de, uk;q=0.5"));
        assert!(!prefers_ukrainian("en-GB,en;q=0.9,uk;q=0.8"));
        assert!(prefers_ukrainian(""));
        assert!(prefers_ukrainian("de-DE"));
        assert!(!prefers_ukrainian("en"));
    }

    /// Every message the server's crates write as a literal (a field's reason, a conflict, a
    /// refusal, what was not found) has its Ukrainian: the sources are read, each message's
    /// placeholders filled with a number, and the table must know the result.
    #[test]
    fn every_message_of_the_server_has_its_ukrainian() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let patterns = [
            (r#"invalid\(\s*"[^"]*",\s*(?:format!\(\s*)?"((?:[^"\\]|\\.)*)""#, false),
            (r#"bad_input\(\s*"[^"]*",\s*(?:&format!\(\s*)?"((?:[^"\\]|\\.)*)""#, false),
            (r#"(?:Conflict|Forbidden|Unauthenticated)\(\s*(?:format!\(\s*)?"((?:[^"\\]|\\.)*)""#, false),
            (r#"NotFound\(\s*(?:format!\(\s*)?"((?:[^"\\]|\\.)*)""#, true),
        ]
        .map(|(p, missing)| (Regex::new(p).expect("a pattern"), missing));
        let placeholder = Regex::new(r"\{[^}]*\}").expect("a pattern");
        let continuation = Regex::new(r"\\\n\s*").expect("a pattern");
        let mut untranslated = Vec::new();
        let mut seen = 0;
        for dir in [
            "tenants/src",
            "gis/src",
            "site-builder/src",
            "graphql/src",
            "backend/src",
        ] {
            let mut stack = vec![root.join(dir)];
            while let Some(path) = stack.pop() {
                if path.is_dir() {
                    for entry in std::fs::read_dir(&path).expect("a directory") {
                        stack.push(entry.expect("an entry").path());
                    }
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).expect("a source file");
                for (re, missing) in &patterns {
                    for m in re.captures_iter(&source) {
                        let text = continuation.replace_all(&m[1], "");
                        let sample = placeholder.replace_all(&text, "42").replace("\\'", "'");
                        seen += 1;
                        let known = if *missing {
                            noun_uk(&sample) != sample
                        } else {
                            ukrainian(&sample).is_some()
                        };
                        if !known {
                            untranslated.push(format!("{}: {sample}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            seen > 250,
            "only {seen} messages were found: the patterns no longer fit the code"
        );
        assert!(
            untranslated.is_empty(),
            "{} without Ukrainian:\n{}",
            untranslated.len(),
            untranslated.join("\n")
        );
    }
}
