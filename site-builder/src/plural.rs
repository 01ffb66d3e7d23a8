//! Numbers with the words that go with them, by the CLDR plural rules of each language
//! (`intl_pluralrules`, Project Fluent's implementation): "1 робочий день", "3 робочі дні",
//! "20 робочих днів", "1 working day".

use std::sync::LazyLock;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

fn rules(code: &str) -> Option<PluralRules> {
    let lang: LanguageIdentifier = code.parse().ok()?;
    PluralRules::create(lang, PluralRuleType::CARDINAL).ok()
}

static UK: LazyLock<Option<PluralRules>> = LazyLock::new(|| rules("uk"));
static EN: LazyLock<Option<PluralRules>> = LazyLock::new(|| rules("en"));

/// The forms of a Ukrainian noun phrase after a number: one (1, 21), few (2–4, 22–24),
/// many (0, 5–20, 25–30); fractions take `few`'s genitive singular in speech but are not
/// counted here.
pub struct Uk<'a> {
    pub one: &'a str,
    pub few: &'a str,
    pub many: &'a str,
}

/// `n` with the Ukrainian form its number takes.
pub fn uk(n: u64, forms: Uk<'_>) -> String {
    let category = UK.as_ref().and_then(|r| r.select(n).ok());
    let word = match category {
        Some(PluralCategory::ONE) => forms.one,
        Some(PluralCategory::FEW) => forms.few,
        _ => forms.many,
    };
    format!("{n} {word}")
}

/// `n` with the English singular or plural.
pub fn en(n: u64, one: &str, other: &str) -> String {
    let category = EN.as_ref().and_then(|r| r.select(n).ok());
    let word = if category == Some(PluralCategory::ONE) {
        one
    } else {
        other
    };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(n: u64) -> String {
        uk(
            n,
            Uk {
                one: "робочий день",
                few: "робочі дні",
                many: "робочих днів",
            },
        )
    }

    #[test]
    fn ukrainian_numbers_take_their_forms() {
        assert_eq!(days(1), "1 робочий день");
        assert_eq!(days(3), "3 робочі дні");
        assert_eq!(days(5), "5 робочих днів");
        assert_eq!(days(11), "11 робочих днів");
        assert_eq!(days(20), "20 робочих днів");
        assert_eq!(days(21), "21 робочий день");
        assert_eq!(days(22), "22 робочі дні");
        assert_eq!(days(112), "112 робочих днів");
        assert_eq!(en(1, "working day", "working days"), "1 working day");
        assert_eq!(en(30, "working day", "working days"), "30 working days");
    }
}
