//! The server's error messages in Ukrainian. Domain crates write their messages in English
//! (`field: reason`); here each known message gets its Ukrainian form, which every error
//! carries as `extensions.messageUk`, and which becomes `message` when the caller prefers
//! Ukrainian (`Accept-Language: uk`; the English then stays in `extensions.messageEn`).
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
        (r"(\S+) does not hold (\S+) here", |c| {
            format!("{} не має ролі {} тут", g(c, 1), g(c, 2))
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
        (r"(.+) not found", |c| format!("не знайдено: {}", g(c, 1))),
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

/// Whether an `Accept-Language` value prefers Ukrainian to English (the first language it
/// names with the highest weight).
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
    best.is_some_and(|(_, uk)| uk)
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
            Some("не знайдено: page 42")
        );
        assert_eq!(ukrainian("something nobody wrote"), None);
    }

    #[test]
    fn accept_language_picks_the_preferred_of_ukrainian_and_english() {
        assert!(prefers_ukrainian("uk"));
        assert!(prefers_ukrainian("uk-UA,uk;q=0.9,en;q=0.8"));
        assert!(prefers_ukrainian("de, uk;q=0.5"));
        assert!(!prefers_ukrainian("en-GB,en;q=0.9,uk;q=0.8"));
        assert!(!prefers_ukrainian(""));
        assert!(!prefers_ukrainian("de"));
    }
}
