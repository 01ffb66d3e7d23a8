//! The platform's own address (a host no tenant claims): a page that names the oblasts the
//! deployment serves, each with a link to its portal and the number of its communities, and
//! the way to the console for staff. Server-rendered, Ukrainian and English, like the sites.

use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;
use serde_json::json;

use hromada_tenants::DomainResult;

use crate::plural;
use crate::render::{Lang, Renderer};

/// An oblast as the platform's page lists it.
#[derive(Debug, Clone)]
pub struct Oblast {
    pub name_uk: String,
    pub name_en: String,
    /// Its portal's address.
    pub href: String,
    /// Its active communities.
    pub communities: u64,
}

#[derive(Serialize)]
struct Item<'a> {
    name: &'a str,
    /// The name in the other language, marked with its language on the page.
    other_name: &'a str,
    href: &'a str,
    communities: String,
}

/// What the page needs from the request: its language, the address it answers on and the
/// sites' stylesheet.
pub struct PlatformRequest<'a> {
    pub lang: Lang,
    pub base_url: &'a str,
    pub stylesheet: &'a str,
}

impl Renderer {
    /// The page of the platform's own address.
    pub fn platform(&self, req: &PlatformRequest<'_>, oblasts: &[Oblast]) -> DomainResult<String> {
        let en = req.lang == Lang::En;
        let t = |uk: &'static str, en_text: &'static str| if en { en_text } else { uk };
        let items: Vec<Item<'_>> = oblasts
            .iter()
            .map(|o| {
                let (name, other) = if en && !o.name_en.is_empty() {
                    (o.name_en.as_str(), o.name_uk.as_str())
                } else {
                    (o.name_uk.as_str(), "")
                };
                Item {
                    name,
                    other_name: if en { other } else { "" },
                    href: &o.href,
                    communities: if en {
                        plural::en(o.communities, "community", "communities")
                    } else {
                        plural::uk(
                            o.communities,
                            plural::Uk {
                                one: "громада",
                                few: "громади",
                                many: "громад",
                            },
                        )
                    },
                }
            })
            .collect();
        let title = t(
            "Громада — сайти й послуги територіальних громад",
            "Hromada: sites and services of territorial communities",
        );
        let description = t(
            "Платформа, на якій громади ведуть сайти, каталоги адміністративних послуг, ЦНАП і карти, а область — єдине вікно послуг.",
            "The platform on which communities run their sites, service catalogs, CNAPs and maps, and the oblast its single window of services.",
        );
        let jsonld = json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": title,
            "url": format!("{}{}", req.base_url, req.lang.prefix()),
            "inLanguage": req.lang.code(),
        });
        let labels = json!({
            "skip": t("Перейти до змісту", "Skip to content"),
            "tools": t("Мова й вхід", "Language and sign-in"),
            "lang_switch": t("English", "Українською"),
            "platform": "Громада · Hromada",
            "intro": t(
                "Оберіть область, щоб знайти адміністративні послуги її громад, ЦНАП поблизу та сайти громад.",
                "Choose an oblast to find the administrative services of its communities, a CNAP nearby and the communities' sites.",
            ),
            "none": t("Платформа ще не обслуговує жодної області.", "The platform serves no oblast yet."),
            "staff_title": t("Для працівників", "For staff"),
            "staff_text": t(
                "Працівники громад, ЦНАП і обласної адміністрації входять до консолі.",
                "Staff of communities, CNAPs and the oblast administration sign in to the console.",
            ),
            "staff": t("Увійти до консолі", "Sign in to the console"),
            "footer": t(
                "Громада — платформа для територіальних громад і обласних адміністрацій.",
                "Hromada: a platform for territorial communities and oblast administrations.",
            ),
        });
        self.render(
            "platform.html",
            context! {
                lang => req.lang.code(),
                other_lang => if en { "uk" } else { "en" },
                self_href => if en { "/en" } else { "/" },
                other_href => if en { "/" } else { "/en" },
                base_url => req.base_url,
                stylesheet => req.stylesheet,
                title => title,
                description => description,
                jsonld => Serde(&jsonld),
                labels => Serde(&labels),
                oblasts => Serde(&items),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oblast(n: u64) -> Oblast {
        Oblast {
            name_uk: "Дніпропетровська область".into(),
            name_en: "Dnipropetrovsk Oblast".into(),
            href: "http://dnipropetrovska.hromada.localhost:8080".into(),
            communities: n,
        }
    }

    #[test]
    fn the_page_lists_each_oblast_with_its_link_and_communities_in_both_languages() {
        let r = Renderer::new().expect("templates");
        let req = |lang| PlatformRequest {
            lang,
            base_url: "http://hromada.localhost:8080",
            stylesheet: "/assets/site.css",
        };
        let uk = r.platform(&req(Lang::Uk), &[oblast(3)]).expect("uk");
        assert!(uk.contains("<html lang=\"uk\""), "{uk}");
        assert!(
            uk.contains("href=\"http://dnipropetrovska.hromada.localhost:8080\""),
            "{uk}"
        );
        assert!(uk.contains("Дніпропетровська область"), "{uk}");
        assert!(uk.contains("3 громади"), "{uk}");
        assert!(uk.contains("href=\"/admin/\""), "{uk}");
        let en = r.platform(&req(Lang::En), &[oblast(21)]).expect("en");
        assert!(en.contains("<html lang=\"en\""), "{en}");
        assert!(en.contains("Dnipropetrovsk Oblast"), "{en}");
        // The Ukrainian name on the English page carries its language.
        assert!(
            en.contains("<p lang=\"uk\">Дніпропетровська область</p>"),
            "{en}"
        );
        assert!(en.contains("21 communities"), "{en}");
        let none = r.platform(&req(Lang::Uk), &[]).expect("none");
        assert!(
            none.contains("Платформа ще не обслуговує жодної області."),
            "{none}"
        );
        assert!(
            r.platform(&req(Lang::Uk), &[oblast(5)])
                .expect("5")
                .contains("5 громад")
        );
    }
}
