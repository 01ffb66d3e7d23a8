//! The labels of the news tags communities use most. A tag is stored as its Latin slug (it
//! is in the URL: `/news?tag=biudzhet`); readers see its label in the page's language. A tag
//! the table does not know is shown as written.

/// (slug, Ukrainian, English), by slug.
const TAGS: &[(&str, &str, &str)] = &[
    ("bezpeka", "Безпека", "Safety"),
    ("biudzhet", "Бюджет", "Budget"),
    ("ekolohiia", "Екологія", "Environment"),
    ("infrastruktura", "Інфраструктура", "Infrastructure"),
    ("kultura", "Культура", "Culture"),
    ("medytsyna", "Медицина", "Health care"),
    ("molod", "Молодь", "Youth"),
    ("ogoloshennia", "Оголошення", "Announcements"),
    ("osvita", "Освіта", "Education"),
    (
        "petryva-rozpys",
        "Петриківський розпис",
        "Petrykivka painting",
    ),
    ("rishennia", "Рішення ради", "Council decisions"),
    (
        "sotsialnyi-zakhyst",
        "Соціальний захист",
        "Social protection",
    ),
    ("sport", "Спорт", "Sport"),
    ("transport", "Транспорт", "Transport"),
    ("tsnap", "ЦНАП", "CNAP"),
    ("turyzm", "Туризм", "Tourism"),
    ("uchast", "Участь громадян", "Public participation"),
    ("vakansii", "Вакансії", "Vacancies"),
    ("veterany", "Ветерани", "Veterans"),
    ("zemlia", "Земля", "Land"),
];

/// The label of `tag` in Ukrainian, or in English when `english`; the tag itself when the
/// table does not know it.
pub fn label(tag: &str, english: bool) -> &str {
    match TAGS.binary_search_by(|(slug, _, _)| (*slug).cmp(tag)) {
        Ok(i) => {
            let (_, uk, en) = TAGS[i];
            if english { en } else { uk }
        }
        Err(_) => tag,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_as_labels_in_each_language() {
        assert!(TAGS.windows(2).all(|w| w[0].0 < w[1].0), "sorted by slug");
        assert_eq!(label("biudzhet", false), "Бюджет");
        assert_eq!(label("biudzhet", true), "Budget");
        assert_eq!(label("tsnap", false), "ЦНАП");
        assert_eq!(label("власний", false), "власний");
    }
}
