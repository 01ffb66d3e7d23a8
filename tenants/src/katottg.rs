//! The official KATOTTG codifier (order No. 290 of 26.11.2020, as amended): oblasts, raions
//! and territorial communities, shipped in `data/katottg_units.csv` so the platform can check
//! that a community's code really names a hromada of its oblast.

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
