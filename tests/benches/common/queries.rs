//! The search benchmarks' query mix (text, filters, a point) and its `searchServices`
//! request (`search`, `portal`).

use hromada_tenants::catalog::search::{Near, SearchFilter};
use serde_json::json;

/// The query mix: text, a filter, a point.
pub fn mix() -> Vec<(&'static str, SearchFilter, Option<Near>)> {
    let near = Some(Near {
        lat: 48.73,
        lon: 34.62,
    });
    vec![
        ("прописка", SearchFilter::default(), None),
        ("реєстраця місця проживаня", SearchFilter::default(), near),
        ("propyska", SearchFilter::default(), None),
        ("pasport zakordonnyi", SearchFilter::default(), None),
        ("закордонний паспорт", SearchFilter::default(), near),
        ("субсидія", SearchFilter::default(), None),
        ("passport", SearchFilter::default(), None),
        (
            "відкрити фоп",
            SearchFilter {
                online_only: true,
                ..SearchFilter::default()
            },
            None,
        ),
        (
            "земельна ділянка",
            SearchFilter {
                category: Some("land".into()),
                ..SearchFilter::default()
            },
            near,
        ),
        (
            "довідка",
            SearchFilter {
                free: Some(true),
                ..SearchFilter::default()
            },
            None,
        ),
        (
            "",
            SearchFilter {
                category: Some("social".into()),
                ..SearchFilter::default()
            },
            None,
        ),
        ("реєстрація", SearchFilter::default(), None),
    ]
}

pub fn graphql_body(q: &str, f: &SearchFilter, near: Option<Near>) -> serde_json::Value {
    let mut filter = serde_json::Map::new();
    if let Some(c) = &f.category {
        filter.insert("category".into(), json!(c));
    }
    if f.online_only {
        filter.insert("onlineOnly".into(), json!(true));
    }
    if let Some(free) = f.free {
        filter.insert("free".into(), json!(free));
    }
    json!({
        "query": "query($q: String!, $f: SearchFilterInput, $n: PointInput) { searchServices(query: $q, filter: $f, near: $n, first: 20) { edges { node { id community { slug nameUk } card { code nameUk nameEn term { days unit } cost { free feeIndividuals } documents { name } } score distanceMeters places { nameUk addressUk distanceMeters status { openNow nextOpening } } mobileVisits { placeUk startsAt } } } pageInfo { hasNextPage endCursor } } }",
        "variables": { "q": q, "f": filter, "n": near.map(|n| json!({ "lat": n.lat, "lon": n.lon })) }
    })
}
