//! The oblast's portal on its host: the home, the search results from exact, misspelled and
//! transliterated queries, a card that appears once published and leaves once withdrawn,
//! filters, nearest places first from a settlement or the browser's location, the most
//! requested services and life situations, the directory and the CNAP map, bad input
//! answered with a page that names the field, and axe on every page (in the version for
//! visually impaired visitors too). Every page is read here as plain HTML, without
//! JavaScript.

use hromada_tests::{TestApp, data};
use sea_orm::ConnectionTrait;
use serde_json::json;

/// GETs `path` on the oblast's host (with the server's port, as a browser sends it):
/// (status, body).
async fn portal(app: &TestApp, path: &str) -> (u16, String) {
    let res = app
        .http
        .get(format!("{}{path}", app.base_url))
        .header(
            "Host",
            format!(
                "dnipropetrovska.{}:{}",
                app.config.domain,
                app.base_url.rsplit(':').next().unwrap_or_default()
            ),
        )
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

fn q(s: &str) -> String {
    hromada_site_builder::render::urlencode(s)
}

#[tokio::test]
async fn the_oblasts_portal_finds_any_communitys_service_from_typos_and_transliteration() {
    let app = TestApp::spawn().await;
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();

    // The home: the search form and every community of the oblast with its site.
    let (status, home) = portal(&app, "/").await;
    assert_eq!(status, 200, "{home}");
    assert!(
        home.contains("Єдине вікно адміністративних послуг"),
        "{home}"
    );
    assert!(home.contains("role=\"search\""), "{home}");
    // Each community's link is its site's own host (else `<slug>.<domain>`), on this port.
    let rows = app
        .admin
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT coalesce((SELECT min(h.host) FROM tenant_host h WHERE h.tenant_id = c.id), \
             c.slug || '.localhost') AS host, c.name_uk FROM tenant c JOIN tenant o ON o.id = c.parent_id \
             WHERE o.slug = 'dnipropetrovska' AND c.status = 'active'",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 3);
    for row in rows {
        let host: String = row.try_get("", "host").unwrap();
        let name: String = row.try_get("", "name_uk").unwrap();
        assert!(
            home.contains(&format!("<a href=\"http://{host}:{port}\">{name}</a>")),
            "{host}: {home}"
        );
    }

    // Exact, misspelled and transliterated queries find the same card, with its community,
    // term, cost and where to go.
    for query in [
        "реєстрація місця проживання",
        "реєстраця місця проживаня",
        "reiestratsiia mistsia prozhyvannia",
    ] {
        let (status, found) = portal(&app, &format!("/search?q={}", q(query))).await;
        assert_eq!(status, 200, "{query}: {found}");
        assert!(
            found.contains(">Реєстрація місця проживання особи</a></h2>"),
            "{query}: {found}"
        );
        assert!(found.contains("<dt>Строк</dt>"), "{query}");
        assert!(found.contains("<dt>Де отримати</dt>"), "{query}");
    }
    // A result leads to the card's page: everything a person needs, where to go with the
    // hours, the community's own pages to apply or book, and schema.org JSON-LD.
    let (_, found) = portal(
        &app,
        &format!("/search?q={}", q("реєстрація місця проживання")),
    )
    .await;
    let service_path = found
        .split("<h2><a href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a result links to its page")
        .to_owned();
    assert!(service_path.starts_with("/services/"), "{service_path}");
    let (status, service) = portal(&app, &service_path).await;
    assert_eq!(status, 200, "{service}");
    assert!(
        service.contains("<h1>Реєстрація місця проживання особи</h1>"),
        "{service}"
    );
    assert!(
        service.contains("\"@type\": \"GovernmentService\""),
        "{service}"
    );
    assert!(service.contains("<h2>Документи</h2>"), "{service}");
    assert!(service.contains("<h2>Де звернутися</h2>"), "{service}");
    assert!(service.contains("<caption>Графік</caption>"), "{service}");
    let (status, _) = portal(&app, "/services/00000000-0000-0000-0000-000000000000").await;
    assert_eq!(status, 404);
    let (status, _) = portal(&app, "/services/not-a-uuid").await;
    assert_eq!(status, 404);

    // Filtered to one community, every result is that community's.
    let (_, one) = portal(
        &app,
        &format!("/search?q={}&community=petrykivska", q("реєстрація")),
    )
    .await;
    let cards = one.matches("<li class=\"card\">").count();
    assert!(cards > 0, "{one}");
    assert_eq!(
        one.matches("Петриківська селищна територіальна громада</a>")
            .count(),
        cards,
        "{one}"
    );
    // In English.
    let (status, en) = portal(
        &app,
        &format!("/en/search?q={}", q("Registration of residence")),
    )
    .await;
    assert_eq!(status, 200, "{en}");
    assert!(en.contains("<html lang=\"en\""), "{en}");
    assert!(en.contains("found"), "{en}");

    // A draft is not on the portal; published, it is there at once; a suspended community's
    // cards leave it.
    let admin = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let created = app
        .gql(
            Some("petrykivska"),
            Some(&admin),
            "mutation($c: ServiceCardInput!) { createService(input: {card: $c}) { service { id } } }",
            json!({ "c": {
                "code": "LOC-7", "nameUk": "Дозвіл на розміщення вуличної ялинки Зорепад",
                "nameEn": "Street fir tree permit", "category": "other",
                "audience": ["INDIVIDUALS"], "result": "Дозвіл",
                "legalBasis": [{"kind": "law", "number": "5203-17", "title": "Про адміністративні послуги"}],
                "documents": [{"name": "Заява", "originalRequired": true}],
                "channels": [{"kind": "IN_PERSON"}], "cost": {"free": true},
                "term": {"days": 5, "unit": "WORKING_DAYS"}
            } }),
        )
        .await;
    let id = data(&created)["createService"]["service"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // The home is rendered once and then served from the cache, until a community changes.
    let cache_state = |app: &TestApp| {
        let req = app
            .http
            .get(format!("{}/", app.base_url))
            .header("Host", format!("dnipropetrovska.{}", app.config.domain));
        async move {
            req.send().await.unwrap().headers()["x-page-cache"]
                .to_str()
                .unwrap()
                .to_owned()
        }
    };
    cache_state(&app).await;
    assert_eq!(cache_state(&app).await, "hit");
    let path = format!("/search?q={}", q("Зорепад"));
    let (_, draft) = portal(&app, &path).await;
    assert!(!draft.contains("Зорепад</a></h2>"), "{draft}");
    data(
        &app.gql(
            Some("petrykivska"),
            Some(&admin),
            "mutation($id: ID!) { publishService(input: {id: $id}) { service { id } } }",
            json!({ "id": id }),
        )
        .await,
    );
    assert_eq!(
        cache_state(&app).await,
        "miss",
        "a community's change drops the portal's pages"
    );
    let (_, published) = portal(&app, &path).await;
    assert!(
        published.contains(">Дозвіл на розміщення вуличної ялинки Зорепад</a></h2>"),
        "{published}"
    );
    assert!(published.contains("5 робочих днів"), "{published}");
    let zorepad = format!("/services/{id}");
    assert!(
        published.contains(&format!("href=\"{zorepad}\"")),
        "{published}"
    );
    assert_eq!(portal(&app, &zorepad).await.0, 200);
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    data(
        &app.gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            "mutation { setCommunityStatus(input: {slug: \"petrykivska\", status: SUSPENDED}) { community { status } } }",
            json!({}),
        )
        .await,
    );
    let (_, suspended) = portal(&app, &path).await;
    assert!(!suspended.contains("Зорепад</a></h2>"), "{suspended}");
    let (status, _) = portal(&app, &zorepad).await;
    assert_eq!(status, 404, "a suspended community's card page is gone");
    data(
        &app.gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            "mutation { setCommunityStatus(input: {slug: \"petrykivska\", status: ACTIVE}) { community { status } } }",
            json!({}),
        )
        .await,
    );
    let (_, back) = portal(&app, &path).await;
    assert!(back.contains("Зорепад</a></h2>"), "{back}");

    // Bad input: a page that says what was wrong, never a 500.
    let (status, empty) = portal(&app, "/search?q=").await;
    assert_eq!(status, 400);
    assert!(empty.contains("Введіть, яку послугу ви шукаєте"), "{empty}");
    let (status, long) = portal(&app, &format!("/search?q={}", "а".repeat(1000))).await;
    assert_eq!(status, 400);
    assert!(long.contains("не більше 200 символів"), "{long}");
    let (status, unknown) = portal(
        &app,
        &format!("/search?q={}&community=atlantis", q("паспорт")),
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        unknown.contains("Такої громади в області немає"),
        "{unknown}"
    );
    let (status, _) = portal(&app, "/no-such-page").await;
    assert_eq!(status, 404);

    // The CNAP directory: every active place of every community, and mobile visits.
    let (status, cnaps) = portal(&app, "/cnaps").await;
    assert_eq!(status, 200, "{cnaps}");
    let names = app
        .admin
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT c.name_uk FROM cnap c JOIN tenant t ON t.id = c.tenant_id JOIN tenant o ON o.id = t.parent_id \
             WHERE o.slug = 'dnipropetrovska' AND t.status = 'active' AND c.active",
        ))
        .await
        .unwrap();
    assert!(names.len() >= 3);
    for row in names {
        let name: String = row.try_get("", "name_uk").unwrap();
        assert!(
            cnaps.contains(&format!("<h3>{name}</h3>")),
            "{name}: {cnaps}"
        );
    }
    assert!(cnaps.contains("Виїзні прийоми мобільного ЦНАП"), "{cnaps}");

    // Status lookup: the number's letters name the community, which holds the case.
    let (status, form) = portal(&app, "/status").await;
    assert_eq!(status, 200, "{form}");
    assert!(form.contains("Номер звернення"), "{form}");
    let (status, bad) = portal(&app, "/status?number=hello").await;
    assert_eq!(status, 400);
    assert!(bad.contains("має вигляд"), "{bad}");
    let nobody = hromada_tenants::applications::tracking::TrackingNumber::new("ZZZ", 2026, 1)
        .unwrap()
        .to_string();
    let (status, none) = portal(&app, &format!("/status?number={nobody}")).await;
    assert_eq!(status, 400);
    assert!(none.contains("Жодна громада області"), "{none}");
    let row = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT a.tracking, (SELECT min(h.host) FROM tenant_host h WHERE h.tenant_id = t.id) AS host \
             FROM application a JOIN tenant t ON t.id = a.tenant_id WHERE t.slug = 'tsarychanska' LIMIT 1",
        ))
        .await
        .unwrap()
        .unwrap();
    let tracking: String = row.try_get("", "tracking").unwrap();
    let host: String = row.try_get("", "host").unwrap();
    let res = app
        .http
        .get(format!(
            "{}/status?number={}&code=123456",
            app.base_url,
            tracking.to_lowercase()
        ))
        .header(
            "Host",
            format!("dnipropetrovska.{}:{port}", app.config.domain),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        format!("http://{host}:{port}/status?number={tracking}&code=123456")
    );

    // The sitemap lists the portal's pages and every published card's page.
    let (status, sitemap) = portal(&app, "/sitemap.xml").await;
    assert_eq!(status, 200, "{sitemap}");
    assert!(sitemap.starts_with("<?xml"), "{sitemap}");
    assert!(
        sitemap.contains(&format!("{service_path}</loc>")),
        "{sitemap}"
    );
    assert!(sitemap.contains(&format!("{zorepad}</loc>")), "{sitemap}");
    assert!(sitemap.contains("/cnaps</loc>"), "{sitemap}");

    // The directory, and axe on every page, in both languages.
    let (status, directory) = portal(&app, "/communities").await;
    assert_eq!(status, 200, "{directory}");
    assert!(directory.contains("Громади області"), "{directory}");
    let site = format!("http://dnipropetrovska.{}:{port}", app.config.domain);
    let pages = [
        format!("{site}/"),
        format!("{site}/en"),
        format!("{site}/search?q={}", q("реєстраця місця проживаня")),
        format!("{site}/communities"),
        format!("{site}/cnaps"),
        format!("{site}/status"),
        format!("{site}/en/status"),
        format!("{site}/en/cnaps"),
        format!("{site}{service_path}"),
        format!("{site}/en{service_path}"),
    ];
    hromada_tests::assert_axe_clean(&pages).await;
    hromada_tests::assert_fits_a_phone(&pages).await;
}

#[tokio::test]
async fn the_portal_narrows_by_filters_sorts_by_a_place_and_groups_services_by_situation() {
    let app = TestApp::spawn().await;
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();
    let residence = q("реєстрація місця проживання");
    // The community whose card comes first.
    let first_community = |page: &str| {
        page.split("<li class=\"card\">")
            .nth(1)
            .and_then(|card| card.split("<p><a href=\"").nth(1))
            .and_then(|link| link.split("</a>").next())
            .and_then(|link| link.split("\">").nth(1))
            .unwrap_or_default()
            .to_owned()
    };

    // A settlement of the codifier sorts the nearest places first: a village with a remote
    // workplace of Petrykivka's CNAP, then one of Tsarychanka's.
    let (status, near) = portal(
        &app,
        &format!("/search?q={residence}&near={}", q("с. Хутірське")),
    )
    .await;
    assert_eq!(status, 200, "{near}");
    assert!(
        near.contains("Спершу ближчі до: с. Хутірське (Петриківська громада)"),
        "{near}"
    );
    assert_eq!(
        first_community(&near),
        "Петриківська селищна територіальна громада",
        "{near}"
    );
    assert!(near.contains("(≈ "), "{near}");
    let (_, other) = portal(&app, &format!("/search?q={residence}&near=Babaikivka")).await;
    assert_eq!(
        first_community(&other),
        "Царичанська селищна територіальна громада",
        "{other}"
    );
    // The browser's location sorts the same way.
    let (status, located) = portal(
        &app,
        &format!("/search?q={residence}&lat=48.8826&lon=34.5970"),
    )
    .await;
    assert_eq!(status, 200, "{located}");
    assert!(located.contains("ваше місцезнаходження"), "{located}");
    assert_eq!(
        first_community(&located),
        "Царичанська селищна територіальна громада"
    );
    // A name several settlements share asks which one, each a link that searches from it.
    let (status, which) = portal(
        &app,
        &format!("/search?q={residence}&near={}", q("Петриківка")),
    )
    .await;
    assert_eq!(status, 200, "{which}");
    assert!(which.contains("Уточніть населений пункт"), "{which}");
    assert_eq!(which.matches("&amp;near=UA12").count(), 3, "{which}");
    assert!(!which.contains("<li class=\"card\">"), "{which}");

    // A community may be named instead of chosen (the form of an oblast with very many).
    let (status, named) = portal(
        &app,
        &format!("/search?q={residence}&community={}", q("царичанська")),
    )
    .await;
    assert_eq!(status, 200, "{named}");
    assert_eq!(
        named.matches("<li class=\"card\">").count(),
        named
            .matches(">Царичанська селищна територіальна громада</a>")
            .count(),
        "{named}"
    );
    assert!(
        named.contains("<option value=\"tsarychanska\" selected>"),
        "{named}"
    );

    // Filters: a category and an audience narrow the results.
    let (status, passport) = portal(
        &app,
        &format!("/search?q={}&category=passport", q("паспорт")),
    )
    .await;
    assert_eq!(status, 200, "{passport}");
    assert!(
        passport.contains("<option value=\"passport\" selected>"),
        "{passport}"
    );
    assert!(
        !passport.contains("Реєстрація місця проживання особи</a>"),
        "{passport}"
    );
    let marriage = q("реєстрація шлюбу");
    let (status, people) =
        portal(&app, &format!("/search?q={marriage}&audience=individuals")).await;
    assert_eq!(status, 200, "{people}");
    assert!(
        people.contains(">Державна реєстрація шлюбу</a>"),
        "{people}"
    );
    let (status, business) =
        portal(&app, &format!("/search?q={marriage}&audience=businesses")).await;
    assert_eq!(status, 200, "{business}");
    assert!(
        business.contains("<option value=\"businesses\" selected>"),
        "{business}"
    );
    assert!(
        !business.contains(">Державна реєстрація шлюбу</a>"),
        "{business}"
    );

    // Bad input names its field, searches nothing, and never answers 500.
    for (query, field, says) in [
        (
            "category=astrology",
            "portal-category",
            "Такої категорії немає",
        ),
        (
            "audience=martians",
            "portal-audience",
            "Оберіть, для кого послуга",
        ),
        (
            "near=Atlantida",
            "portal-near",
            "Такого населеного пункту в області немає",
        ),
        // Kharkiv oblast's Khutirske is not this oblast's.
        (
            "near=UA63020090480073626",
            "portal-near",
            "поза межами області",
        ),
        ("lat=50.45&lon=30.52", "portal-near", "поза межами області"),
        (
            "lat=north&lon=30",
            "portal-near",
            "Не вдалося прочитати координати",
        ),
        ("lat=48.5", "portal-near", "Координати неповні"),
    ] {
        let (status, page) = portal(&app, &format!("/search?q={residence}&{query}")).await;
        assert_eq!(status, 400, "{query}: {page}");
        assert!(page.contains(says), "{query}: {page}");
        assert!(page.contains(&format!("href=\"#{field}\"")), "{query}");
        assert!(
            page.contains(&format!("id=\"{field}\"")) && page.contains("aria-invalid=\"true\""),
            "{query}"
        );
        assert!(!page.contains("<li class=\"card\">"), "{query}: {page}");
    }
    let (status, en) = portal(&app, &format!("/en/search?q={residence}&audience=martians")).await;
    assert_eq!(status, 400);
    assert!(en.contains("Choose whom the service is for"), "{en}");

    // The home: the most requested services and the oblast's life situations.
    let (_, home) = portal(&app, "/").await;
    assert!(home.contains("Найпопулярніші послуги"), "{home}");
    assert!(
        home.contains("href=\"/situations/birth\">Народження дитини</a>"),
        "{home}"
    );
    let requested = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT min(p.name_uk) AS name FROM application a JOIN public_service p \
               ON p.tenant_id = a.tenant_id AND p.service_id = a.service_id \
             GROUP BY coalesce(p.standard_id::text, p.name_uk) ORDER BY count(*) DESC, min(p.name_uk) LIMIT 1",
        ))
        .await
        .unwrap()
        .unwrap();
    let most: String = requested.try_get("", "name").unwrap();
    let popular = home
        .split("Найпопулярніші послуги")
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .unwrap();
    assert!(
        popular
            .split("<li>")
            .nth(1)
            .unwrap()
            .contains(&format!(">{most}</a>")),
        "the most requested comes first: {most}: {popular}"
    );
    // A situation lists its services; in a chosen community each leads to its card.
    let (status, birth) = portal(&app, "/situations/birth").await;
    assert_eq!(status, 200, "{birth}");
    assert!(
        birth.contains("Державна реєстрація народження</a> (знайти в громадах)"),
        "{birth}"
    );
    let (status, mine) = portal(&app, "/situations/birth?community=petrykivska").await;
    assert_eq!(status, 200, "{mine}");
    assert!(
        mine.contains("<h2>Петриківська селищна територіальна громада</h2>"),
        "{mine}"
    );
    let card = mine
        .split("<ol>")
        .nth(1)
        .and_then(|l| l.split("href=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("a card of the community")
        .to_owned();
    assert!(card.starts_with("/services/"), "{card}");
    assert_eq!(portal(&app, &card).await.0, 200);
    let (status, _) = portal(&app, "/situations/birth?community=atlantis").await;
    assert_eq!(status, 400);
    let (status, _) = portal(&app, "/situations/no-such").await;
    assert_eq!(status, 404);

    // The directory: each community's CNAP with its contacts and its coverage.
    let (_, directory) = portal(&app, "/communities").await;
    assert!(
        directory.contains("смт Петриківка, вул. Героїв України, 75"),
        "{directory}"
    );
    assert!(directory.contains("стандартних послуг"), "{directory}");
    assert!(directory.contains("<meter"), "{directory}");
    // The CNAP map: MapLibre over the list, every point of which is in the list.
    let (_, cnaps) = portal(&app, "/cnaps").await;
    assert!(cnaps.contains("id=\"portal-map\""), "{cnaps}");
    assert!(cnaps.contains("\"@type\": \"GovernmentOffice\""), "{cnaps}");
    let points = cnaps
        .split("<script type=\"application/json\" id=\"portal-map-data\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap();
    let config: serde_json::Value = serde_json::from_str(points).unwrap();
    let points = config["points"].as_array().unwrap();
    assert!(points.len() >= 6, "{config}");
    // Each community's next three mobile visits, read for the whole oblast at once.
    let coming = app
        .count(
            "SELECT coalesce(sum(least(n, 3)), 0)::bigint FROM (SELECT count(*) AS n FROM mobile_visit v \
             JOIN tenant t ON t.id = v.tenant_id JOIN tenant o ON o.id = t.parent_id \
             WHERE o.slug = 'dnipropetrovska' AND t.status = 'active' AND v.ends_at > now() \
             GROUP BY v.tenant_id) per_community",
        )
        .await;
    assert!(coming > 0);
    assert_eq!(
        points.iter().filter(|p| p["kind"] == "mobile").count() as i64,
        coming,
        "{config}"
    );
    let list = cnaps
        .split("<script type=\"application/json\"")
        .next()
        .unwrap();
    for p in points {
        let name = p["name"].as_str().unwrap();
        let listed = if p["kind"] == "mobile" {
            format!(": {name}, ")
        } else {
            format!("<h3>{name}</h3>")
        };
        assert!(list.contains(&listed), "{p}: {list}");
    }
    // robots.txt keeps the search out and points at the sitemap.
    let (status, robots) = portal(&app, "/robots.txt").await;
    assert_eq!(status, 200);
    assert!(robots.contains("Disallow: /search"), "{robots}");
    assert!(robots.contains("/sitemap.xml"), "{robots}");
    let (_, sitemap) = portal(&app, "/sitemap.xml").await;
    assert!(sitemap.contains("/situations/birth</loc>"), "{sitemap}");

    // The version for visually impaired visitors, and axe on the new pages.
    let site = format!("http://dnipropetrovska.{}:{port}", app.config.domain);
    let res = app
        .http
        .get(format!("{}/", app.base_url))
        .header(
            "Host",
            format!("dnipropetrovska.{}:{port}", app.config.domain),
        )
        .header("Cookie", "hromada_a11y=1.2.0")
        .send()
        .await
        .unwrap();
    let a11y = res.text().await.unwrap();
    assert!(
        a11y.contains("class=\"scheme-default a11y a11y-size-2 a11y-noimg\""),
        "{a11y}"
    );
    assert!(a11y.contains("Звичайна версія"), "{a11y}");
    hromada_tests::assert_axe_clean(&[
        format!("{site}/search?q={residence}&near={}", q("Хутірське")),
        format!("{site}/search?q={residence}&near={}", q("Петриківка")),
        format!("{site}/situations/birth?community=petrykivska"),
        format!("{site}/en/situations/moving"),
        format!("{site}/|hromada_a11y=1.3.0"),
        format!("{site}/cnaps|hromada_a11y=1.1.1"),
        format!("{site}/communities|hromada_a11y=1.2.1"),
    ])
    .await;
}

#[tokio::test]
async fn life_situations_are_the_oblast_admins_and_bad_ones_change_nothing() {
    let app = TestApp::spawn().await;
    let oblast = app.demo_login("oblast.admin@hromada.localhost").await;
    let save = "mutation($i: SaveLifeSituationInput!) { saveLifeSituation(input: $i) { lifeSituation { id slug version } } }";
    let standard: String = app
        .admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT s.id::text AS id FROM standard_service s WHERE s.code = 'DP-010'",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "id")
        .unwrap();
    let count = || app.count("SELECT count(*) FROM life_situation");
    let before = count().await;
    let input = |slug: &str, ids: Vec<String>| json!({ "i": { "slug": slug, "titleUk": "Втрата документів", "standardServiceIds": ids } });
    // A taken address, an unknown service, a bad address: each named, nothing saved.
    for (vars, field, reason) in [
        (
            input("birth", vec![standard.clone()]),
            "slug",
            "another situation",
        ),
        (
            input("lost", vec!["00000000-0000-0000-0000-000000000000".into()]),
            "standardIds",
            "published service",
        ),
        (input("Lost Docs", vec![standard.clone()]), "slug", ""),
    ] {
        let res = app
            .gql(Some("dnipropetrovska"), Some(&oblast), save, vars)
            .await;
        hromada_tests::assert_bad_input(&res, field, reason);
    }
    assert_eq!(count().await, before);
    // A community's admin may not keep the oblast's situations.
    let community = app.demo_login("admin@petrykivska.hromada.localhost").await;
    let res = app
        .gql(
            Some("petrykivska"),
            Some(&community),
            save,
            input("lost", vec![standard.clone()]),
        )
        .await;
    assert_eq!(hromada_tests::error_code(&res), "FORBIDDEN", "{res}");
    // Saved, changed at its version, refused at a stale one, removed.
    let saved = data(
        &app.gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            save,
            input("lost", vec![standard.clone()]),
        )
        .await,
    )["saveLifeSituation"]["lifeSituation"]
        .clone();
    let id = saved["id"].as_str().unwrap().to_owned();
    let mut change = input("lost-documents", vec![standard.clone()]);
    change["i"]["id"] = json!(id);
    change["i"]["version"] = json!(1);
    let changed = data(
        &app.gql(Some("dnipropetrovska"), Some(&oblast), save, change.clone())
            .await,
    )["saveLifeSituation"]["lifeSituation"]
        .clone();
    assert_eq!(changed["slug"], "lost-documents");
    assert_eq!(changed["version"], 2);
    let stale = app
        .gql(Some("dnipropetrovska"), Some(&oblast), save, change)
        .await;
    assert_eq!(hromada_tests::error_code(&stale), "CONFLICT", "{stale}");
    data(
        &app.gql(
            Some("dnipropetrovska"),
            Some(&oblast),
            "mutation($id: ID!) { deleteLifeSituation(input: {id: $id}) { deleted } }",
            json!({ "id": id }),
        )
        .await,
    );
    assert_eq!(count().await, before);
}
