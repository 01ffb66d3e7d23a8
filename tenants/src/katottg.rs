//! The official KATOTTG codifier (order No. 290 of 26.11.2020, as amended): oblasts, raions
//! and territorial communities, shipped in `data/katottg_units.csv` so the platform can check
//! that a community's code really names a hromada of its oblast; and the settlements (cities,
//! settlements, villages), shipped in `data/katottg_settlements.csv` (code, hromada, category,
//! name; the rows of categories M, T, X and C of `shared/data/katottg.csv`), so a person can
//! name the place they are in.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The category of an administrative-territorial unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// An oblast or the Autonomous Republic of Crimea (`O`).
    Oblast,
    /// A city with special status (`K`).
    SpecialCity,
    /// A raion (`P`).
    Raion,
    /// A territorial community, hromada (`H`).
    Hromada,
}

/// One unit of the codifier.
#[derive(Debug, Clone)]
pub struct Unit {
    pub code: String,
    pub oblast: String,
    pub raion: Option<String>,
    pub category: Category,
    pub name: String,
}

static UNITS: LazyLock<HashMap<String, Unit>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(include_str!("../data/katottg_units.csv").as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            let category = match r.get(3)? {
                "O" => Category::Oblast,
                "K" => Category::SpecialCity,
                "P" => Category::Raion,
                "H" => Category::Hromada,
                _ => return None,
            };
            let unit = Unit {
                code: r.get(0)?.to_owned(),
                oblast: r.get(1)?.to_owned(),
                raion: Some(r.get(2)?).filter(|s| !s.is_empty()).map(str::to_owned),
                category,
                name: r.get(4)?.to_owned(),
            };
            Some((unit.code.clone(), unit))
        })
        .collect()
});

/// The unit with this code, if the codifier has it.
pub fn unit(code: &str) -> Option<&'static Unit> {
    UNITS.get(code)
}

/// Every territorial community (hromada) of the oblast with code `oblast`.
pub fn hromadas_of(oblast: &str) -> Vec<&'static Unit> {
    let mut units: Vec<_> = UNITS
        .values()
        .filter(|u| u.category == Category::Hromada && u.oblast == oblast)
        .collect();
    units.sort_by(|a, b| a.code.cmp(&b.code));
    units
}

/// The kind of a settlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettlementKind {
    /// Місто (`M`).
    City,
    /// Селище міського типу (`T`, before the 2024 reform).
    UrbanSettlement,
    /// Селище (`X`).
    Settlement,
    /// Село (`C`).
    Village,
}

impl SettlementKind {
    /// The short Ukrainian mark written before the name: "м.", "смт", "с-ще", "с.".
    pub fn mark_uk(self) -> &'static str {
        match self {
            SettlementKind::City => "м.",
            SettlementKind::UrbanSettlement => "смт",
            SettlementKind::Settlement => "с-ще",
            SettlementKind::Village => "с.",
        }
    }

    /// The English word: "city", "urban-type settlement", "settlement", "village".
    pub fn word_en(self) -> &'static str {
        match self {
            SettlementKind::City => "city",
            SettlementKind::UrbanSettlement => "urban-type settlement",
            SettlementKind::Settlement => "settlement",
            SettlementKind::Village => "village",
        }
    }
}

/// A settlement of the codifier.
#[derive(Debug, Clone)]
pub struct Settlement {
    pub code: String,
    /// The code of its territorial community.
    pub hromada: String,
    pub kind: SettlementKind,
    pub name: String,
    /// The name as a person may type it: lower case, one apostrophe.
    key: String,
    /// The Latin name in lower case.
    latin_key: String,
}

/// The settlements by the first level of their code (`UA12`: an oblast).
static SETTLEMENTS: LazyLock<HashMap<String, Vec<Settlement>>> = LazyLock::new(|| {
    let mut reader =
        csv::Reader::from_reader(include_str!("../data/katottg_settlements.csv").as_bytes());
    let mut by_oblast: HashMap<String, Vec<Settlement>> = HashMap::new();
    for r in reader.records().filter_map(Result::ok) {
        let (Some(code), Some(hromada), Some(category), Some(name)) =
            (r.get(0), r.get(1), r.get(2), r.get(3))
        else {
            continue;
        };
        let kind = match category {
            "M" => SettlementKind::City,
            "T" => SettlementKind::UrbanSettlement,
            "X" => SettlementKind::Settlement,
            "C" => SettlementKind::Village,
            _ => continue,
        };
        let Some(first) = code.get(..4) else {
            continue;
        };
        by_oblast
            .entry(first.to_owned())
            .or_default()
            .push(Settlement {
                code: code.to_owned(),
                hromada: hromada.to_owned(),
                kind,
                name: name.to_owned(),
                key: typed_key(name),
                latin_key: latin(name).to_lowercase(),
            });
    }
    by_oblast
});

/// A place name as typed, for comparing: lower case, every apostrophe the same, and without a
/// leading mark such as "с.", "смт" or "м.".
fn typed_key(text: &str) -> String {
    let lower = text
        .trim()
        .to_lowercase()
        .replace(['\'', '’', '`', 'ʼ'], "ʼ");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    const MARKS: [&str; 12] = [
        "м.",
        "м",
        "місто",
        "с.",
        "с",
        "село",
        "смт",
        "смт.",
        "с-ще",
        "селище",
        "сел.",
        "village",
    ];
    if words.len() > 1 && MARKS.contains(&words[0]) {
        words.remove(0);
    } else if let Some(first) = words.first_mut()
        && let Some(rest) = ["м.", "с.", "с-ще"]
            .iter()
            .find_map(|m| first.strip_prefix(m))
        && !rest.is_empty()
    {
        *first = rest;
    }
    words.join(" ")
}

/// The settlements of the oblast with code `oblast` that `typed` names.
#[derive(Debug, Clone, Default)]
pub struct Named {
    pub found: Vec<&'static Settlement>,
    /// Whether they match exactly (else their names only begin with what was typed).
    pub exact: bool,
}

/// The settlements of the oblast with code `oblast` that `typed` names: its KATOTTG code, or
/// its name in Ukrainian or Latin letters (with or without "с.", "м.", "смт"). The exact
/// matches if any, else up to `limit` whose name begins with what was typed.
pub fn settlements_named(oblast: &str, typed: &str, limit: usize) -> Named {
    let Some(all) = oblast.get(..4).and_then(|first| SETTLEMENTS.get(first)) else {
        return Named::default();
    };
    let typed = typed.trim();
    if typed.starts_with("UA") {
        return Named {
            found: all.iter().filter(|s| s.code == typed).collect(),
            exact: true,
        };
    }
    let key = typed_key(typed);
    if key.is_empty() {
        return Named::default();
    }
    let exact: Vec<_> = all
        .iter()
        .filter(|s| s.key == key || s.latin_key == key)
        .collect();
    if !exact.is_empty() {
        return Named {
            found: exact,
            exact: true,
        };
    }
    Named {
        found: all
            .iter()
            .filter(|s| s.key.starts_with(&key) || s.latin_key.starts_with(&key))
            .take(limit)
            .collect(),
        exact: false,
    }
}

/// The settlement with this code, in any oblast.
pub fn settlement(code: &str) -> Option<&'static Settlement> {
    SETTLEMENTS
        .get(code.get(..4)?)?
        .iter()
        .find(|s| s.code == code)
}

/// A unit's name in Latin letters by the official KMU 55 table (`uklatn`, as the catalog's
/// search uses it): "Магдалинівська" → "Mahdalynivska".
pub fn latin(name: &str) -> String {
    uklatn::encode(name, uklatn::Table::Kmu55)
}

/// A slug made from a unit's name: its Latin form in lower case, words joined by dashes.
pub fn slug_of(name: &str) -> String {
    latin(name)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_latin_and_slugs_by_the_official_table() {
        assert_eq!(latin("Магдалинівська"), "Mahdalynivska");
        assert_eq!(slug_of("Магдалинівська"), "mahdalynivska");
        assert_eq!(slug_of("Кривий Ріг"), "kryvyi-rih");
    }

    #[test]
    fn settlements_are_found_by_name_code_and_latin_spelling() {
        let dnipro = "UA12000000000090473";
        let named = |t: &str| {
            settlements_named(dnipro, t, 10)
                .found
                .iter()
                .map(|s| s.code.as_str())
                .collect::<Vec<_>>()
        };
        // Three settlements of the oblast are called Петриківка.
        assert_eq!(named("Петриківка").len(), 3);
        assert_eq!(named("с-ще Петриківка"), named("петриківка"));
        assert_eq!(named("Petrykivka").len(), 3);
        assert_eq!(named("UA12020190010023009"), vec!["UA12020190010023009"]);
        // A code of another oblast is not this oblast's.
        assert!(named("UA05120150200031874").is_empty());
        // A beginning gives the names that begin so.
        let begun = settlements_named(dnipro, "Петрикі", 10);
        assert!(!begun.exact && begun.found.len() >= 3);
        assert!(begun.found.iter().all(|s| s.name.starts_with("Петрикі")));
        // A village called Петриків is named exactly, not by the beginning of Петриківка.
        assert_eq!(named("Петриків"), vec!["UA12140250390091772"]);
        assert!(settlements_named(dnipro, "Petrykivka", 10).exact);
        assert!(named("Нью-Йорк").is_empty());
        let s = settlement("UA12020190010023009").unwrap();
        assert_eq!(s.hromada, "UA12020190000075117");
        assert_eq!(s.kind, SettlementKind::Settlement);
    }

    #[test]
    fn codifier_has_every_hromada() {
        let all = UNITS
            .values()
            .filter(|u| u.category == Category::Hromada)
            .count();
        assert_eq!(all, 1772);
        assert_eq!(hromadas_of("UA12000000000090473").len(), 86);
        let petrykivska = unit("UA12020190000075117").unwrap();
        assert_eq!(petrykivska.name, "Петриківська");
        assert_eq!(petrykivska.category, Category::Hromada);
        assert_eq!(
            unit("UA12000000000090473").unwrap().category,
            Category::Oblast
        );
    }
}
