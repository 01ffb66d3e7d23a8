//! The land-purpose classifier (КВЦПЗ, `NN.NN`) shipped with the platform, from
//! `gis/data/kvcpz.csv`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// One code of the classifier.
#[derive(Debug, Clone)]
pub struct PurposeCode {
    pub code: String,
    pub name_uk: String,
    pub name_en: String,
}

static CODES: LazyLock<BTreeMap<String, PurposeCode>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(include_str!("../data/kvcpz.csv").as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .filter(|r| r.len() >= 3)
        .map(|r| {
            (
                r[0].to_owned(),
                PurposeCode {
                    code: r[0].to_owned(),
                    name_uk: r[1].to_owned(),
                    name_en: r[2].to_owned(),
                },
            )
        })
        .collect()
});

/// Every code, in order.
pub fn purpose_codes() -> impl Iterator<Item = &'static PurposeCode> {
    CODES.values()
}

/// The code, if the classifier has it.
pub fn purpose(code: &str) -> Option<&'static PurposeCode> {
    CODES.get(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_classifier_is_loaded_whole() {
        assert!(purpose_codes().count() > 100);
        assert_eq!(
            purpose("02.01").map(|c| c.name_en.as_str()),
            Some("Residential house and household plot")
        );
        assert!(purpose("99.99").is_none());
        assert!(purpose_codes().all(|c| {
            c.code.len() == 5 && c.code.as_bytes()[2] == b'.' && !c.name_uk.is_empty()
        }));
    }
}
