//! The regional single window: search over every published card of every active community
//! of an oblast, tolerant to typos and to Latin/Cyrillic transliteration (PostgreSQL full text
//! plus `pg_trgm` similarity of the query's words to the cards' vocabulary, in the KMU 55 Latin
//! form), with the places that offer each
//! service, nearest first to a given point.

use chrono::{DateTime, Utc};
use sea_orm::{DbBackend, FromQueryResult, Statement, Value as DbValue};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use super::card::{Audience, ChannelKind, FIELDS, ServiceCard};
use super::public::latin;
use crate::cnap::schedule::{ScheduleException, WeeklySchedule};
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};

/// Filters of a search.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// A community's slug.
    pub community: Option<String>,
    pub category: Option<String>,
    pub audience: Option<Audience>,
    pub channel: Option<ChannelKind>,
    /// Only services that can be requested online.
    pub online_only: bool,
    /// `Some(true)`: free only; `Some(false)`: paid only.
    pub free: Option<bool>,
}

/// A point to sort places by distance from.
#[derive(Debug, Clone, Copy)]
pub struct Near {
    pub lat: f64,
    pub lon: f64,
}

/// A place offering a found service.
#[derive(Debug, Clone, Deserialize)]
pub struct HitPlace {
    pub tenant_id: Uuid,
    pub id: Uuid,
    pub kind: String,
    pub name_uk: String,
    pub name_en: String,
    pub address_uk: String,
    pub lat: f64,
    pub lon: f64,
    pub schedule: WeeklySchedule,
    pub exceptions: Vec<ScheduleException>,
    pub distance_m: Option<f64>,
}

/// An upcoming mobile visit offering a found service.
#[derive(Debug, Clone, Deserialize)]
pub struct HitVisit {
    pub tenant_id: Uuid,
    pub id: Uuid,
    pub place_uk: String,
    pub address_uk: String,
    pub lat: f64,
    pub lon: f64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub service_ids: Vec<Uuid>,
    pub distance_m: Option<f64>,
}

/// Which parts of each found card a search reads. A result list shows a few fields of each
/// card, not all of it (about 2 KB of text); decoding whole cards took about 15 % of the
/// server's CPU for a search (`perf`, issue 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    /// Keys of the card to read (of [`FIELDS`]); the others come empty.
    pub card: Vec<&'static str>,
    /// Whether to read the provider's record.
    pub provider: bool,
}

impl Wanted {
    /// The whole card and the provider.
    pub fn everything() -> Wanted {
        Wanted {
            card: FIELDS.to_vec(),
            provider: true,
        }
    }

    /// The card's keys among `names` (other names are skipped), and the provider if asked.
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>, provider: bool) -> Wanted {
        let mut card: Vec<&'static str> = Vec::new();
        for name in names {
            if let Some(key) = FIELDS.iter().find(|k| **k == name)
                && !card.contains(key)
            {
                card.push(key);
            }
        }
        Wanted { card, provider }
    }

    /// The keys the statement removes from the stored card (the provider always: it is read
    /// on its own).
    fn dropped(&self) -> Vec<String> {
        FIELDS
            .iter()
            .filter(|k| !self.card.contains(k))
            .map(|k| (*k).to_owned())
            .chain(std::iter::once("provider".to_owned()))
            .collect()
    }
}

/// A found service with where to get it.
#[derive(Debug, Clone)]
pub struct Found {
    pub tenant_id: Uuid,
    pub community_slug: String,
    pub community_name_uk: String,
    pub community_name_en: String,
    pub service_id: Uuid,
    /// The published card, with the fields [`Wanted`] (the others empty).
    pub card: ServiceCard,
    /// The provider's public record, if the card names one and it was [`Wanted`].
    pub provider: Option<Value>,
    pub score: f64,
    pub distance_m: Option<f64>,
    pub updated_at: DateTime<Utc>,
    /// Its centers and remote workplaces, nearest first when a point was given.
    pub places: Vec<HitPlace>,
    /// Its next mobile visits (up to three), soonest first.
    pub visits: Vec<HitVisit>,
}

/// A row of the search statement: the card, places and visits come as JSON text, read
/// straight into their types (no intermediate `serde_json::Value`).
#[derive(FromQueryResult)]
struct HitRow {
    tenant_id: Uuid,
    community_slug: String,
    community_name_uk: String,
    community_name_en: String,
    service_id: Uuid,
    card: String,
    provider: Option<Value>,
    score: f64,
    distance_m: Option<f64>,
    updated_at: DateTime<Utc>,
    places: String,
    visits: String,
}

impl HitRow {
    fn read(self) -> DomainResult<Found> {
        let corrupt = |e: serde_json::Error| DomainError::Internal(format!("search row: {e}"));
        Ok(Found {
            card: serde_json::from_str(&self.card).map_err(corrupt)?,
            places: serde_json::from_str(&self.places).map_err(corrupt)?,
            visits: serde_json::from_str(&self.visits).map_err(corrupt)?,
            tenant_id: self.tenant_id,
            community_slug: self.community_slug,
            community_name_uk: self.community_name_uk,
            community_name_en: self.community_name_en,
            service_id: self.service_id,
            provider: self.provider,
            score: self.score,
            distance_m: self.distance_m,
            updated_at: self.updated_at,
        })
    }
}

/// How many of the communities nearest to a `near` point a matching text probes one by one
/// before it reads all its rows instead.
pub const NEAR_PROBES: u32 = 64;

/// The longest query accepted.
pub const MAX_QUERY: usize = 200;

/// How well a text must match: the mean, over the query's words, of the trigram similarity of
/// the text's most similar word (a full-text match counts 0.9).
const THRESHOLD: f64 = 0.5;

/// Builds the search SQL and its values. Text matching and scoring run over the small
/// `search_text` / `search_word` tables; the communities' rows are then taken from covering
/// indexes of `public_service`, at most a page per matching text, and only the page's rows are
/// read in full.
pub fn search_sql(
    oblast_id: Uuid,
    query: &str,
    filter: &SearchFilter,
    near: Option<Near>,
    page: (u64, u64),
    wanted: &Wanted,
) -> (String, Vec<DbValue>) {
    search_sql_probing(oblast_id, query, filter, near, page, wanted, NEAR_PROBES)
}

/// [`search_sql`] with the number of nearest communities a text probes one by one before it
/// reads all its rows (a test shows both ways rank alike).
pub fn search_sql_probing(
    oblast_id: Uuid,
    query: &str,
    filter: &SearchFilter,
    near: Option<Near>,
    (offset, limit): (u64, u64),
    wanted: &Wanted,
    probes: u32,
) -> (String, Vec<DbValue>) {
    let mut values: Vec<DbValue> = vec![oblast_id.into()];
    let arg = |v: DbValue, values: &mut Vec<DbValue>| {
        values.push(v);
        format!("${}", values.len())
    };
    let query = query.trim();
    let matched = if query.is_empty() {
        None
    } else {
        let l = arg(latin(query).into(), &mut values);
        let q = arg(query.to_owned().into(), &mut values);
        let tsq =
            format!("(plainto_tsquery('app.ukrainian', {q}) || plainto_tsquery('english', {q}))");
        Some(format!(
            "q AS (SELECT DISTINCT w FROM regexp_split_to_table({l}, '[^a-z0-9]+') w WHERE length(w) >= 2), \
             mw AS MATERIALIZED (SELECT q.w AS qw, sw.word, similarity(q.w, sw.word) AS sim \
               FROM q JOIN search_word sw ON sw.word % q.w), \
             tw AS (SELECT t.text_id, mw.qw, max(mw.sim) AS sim FROM mw \
               JOIN search_text_word t ON t.word = mw.word GROUP BY t.text_id, mw.qw), \
             words AS (SELECT text_id, sum(sim) / greatest((SELECT count(*) FROM q), 1) AS score \
               FROM tw GROUP BY text_id), \
             fts AS (SELECT id AS text_id, 0.9 AS score FROM search_text WHERE search_doc @@ {tsq}), \
             m AS MATERIALIZED (SELECT s.id, s.name_uk, \
               (0.85 * c.score + 0.15 * similarity({l}, s.name_latin))::float8 AS score \
               FROM (SELECT text_id, max(score) AS score FROM (SELECT * FROM words UNION ALL SELECT * FROM fts) u \
                     GROUP BY text_id HAVING max(score) >= {THRESHOLD}) c \
               JOIN search_text s ON s.id = c.text_id), "
        ))
    };
    let mut conds = String::new();
    let community = match &filter.community {
        Some(c) => format!(" AND t.slug = {}", arg(c.clone().into(), &mut values)),
        None => String::new(),
    };
    if let Some(c) = &filter.category {
        conds += &format!(" AND p.category = {}", arg(c.clone().into(), &mut values));
    }
    if let Some(a) = filter.audience {
        conds += &format!(
            " AND {} = ANY(p.audience)",
            arg(a.as_str().into(), &mut values)
        );
    }
    if let Some(c) = filter.channel {
        conds += &format!(
            " AND {} = ANY(p.channels)",
            arg(c.as_str().into(), &mut values)
        );
    }
    if filter.online_only {
        conds += " AND p.channels && ARRAY['online_here', 'online_elsewhere']";
    }
    if let Some(free) = filter.free {
        conds += &format!(" AND p.free = {}", arg(free.into(), &mut values));
    }
    let off = arg((offset as i64).into(), &mut values);
    let lim = arg((limit as i64).into(), &mut values);
    let dropped = arg(wanted.dropped().into(), &mut values);
    let provider = if wanted.provider {
        "p.card -> 'provider'"
    } else {
        "NULL::jsonb"
    };
    let page = format!("{off} + {lim}");
    let point = near.map(|n| {
        let lon = arg(n.lon.into(), &mut values);
        let lat = arg(n.lat.into(), &mut values);
        format!("ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326)")
    });
    let point_distance = |column: &str| match &point {
        Some(pt) => format!("ST_DistanceSphere({column}, {pt})"),
        None => "NULL::float8".to_owned(),
    };
    let (near_cte, ranked) = match near {
        // The oblast's active communities in order of distance to their nearest active place,
        // ranked (stored in that order: the window's). Each matching text first probes the
        // nearest `probes` of them in that order (a parameterized nested loop keeps its outer
        // order; `OFFSET 0` keeps the probe one) and stops at its page: a text most
        // communities offer needs a few probes. Only a text that did not fill its page there
        // (offered by few) reads all its other rows and sorts them by distance; `UNION ALL`
        // under a limit runs that part only when needed.
        Some(_) => {
            let d = format!(
                "d AS MATERIALIZED (SELECT tenant_id, distance_m, \
                   row_number() OVER (ORDER BY distance_m NULLS LAST, tenant_id) AS rank \
                 FROM (SELECT t.id AS tenant_id, min({}) AS distance_m FROM tenant t \
                   LEFT JOIN cnap c ON c.tenant_id = t.id AND c.active \
                   WHERE t.parent_id = $1 AND t.status = 'active'{community} GROUP BY t.id) n), ",
                point_distance("c.location")
            );
            let ranked = match &matched {
                Some(_) => format!(
                    "SELECT m.score, m.name_uk, m.id AS text_id, x.tenant_id, x.service_id, x.distance_m FROM m \
                     CROSS JOIN LATERAL ((SELECT d.tenant_id, p.service_id, d.distance_m \
                         FROM (SELECT * FROM d LIMIT {probes}) d \
                         CROSS JOIN LATERAL (SELECT p.service_id FROM public_service p \
                           WHERE p.text_id = m.id AND p.tenant_id = d.tenant_id AND p.oblast_id = $1{conds} \
                           ORDER BY p.service_id OFFSET 0) p \
                         LIMIT {page}) \
                       UNION ALL \
                       (SELECT d.tenant_id, p.service_id, d.distance_m FROM public_service p \
                         JOIN d ON d.tenant_id = p.tenant_id AND d.rank > {probes} \
                         WHERE p.text_id = m.id AND p.oblast_id = $1{conds} \
                         ORDER BY d.rank, p.service_id LIMIT {page}) \
                       LIMIT {page}) x"
                ),
                None => format!(
                    "SELECT 0::float8 AS score, p.name_uk, 0::bigint AS text_id, p.tenant_id, p.service_id, d.distance_m \
                     FROM d JOIN public_service p ON p.tenant_id = d.tenant_id WHERE p.oblast_id = $1{conds}"
                ),
            };
            (d, ranked)
        }
        None => {
            let rows = format!(
                "FROM public_service p JOIN tenant t ON t.id = p.tenant_id AND t.status = 'active' \
                 WHERE p.oblast_id = $1{conds}{community}"
            );
            let ranked = match &matched {
                // All rows of a text share its score and name: its first page in index order is
                // all it can contribute; texts taken best first let the ranking stop at the page
                // (an incremental sort over the texts' order) instead of ranking every text.
                Some(_) => format!(
                    "SELECT m.score, m.name_uk, m.id AS text_id, x.tenant_id, x.service_id, NULL::float8 AS distance_m \
                     FROM (SELECT * FROM m ORDER BY m.score DESC, m.name_uk, m.id) m \
                     CROSS JOIN LATERAL (SELECT p.tenant_id, p.service_id {rows} AND p.text_id = m.id \
                       ORDER BY p.tenant_id, p.service_id LIMIT {page}) x"
                ),
                None => format!(
                    "SELECT 0::float8 AS score, p.name_uk, 0::bigint AS text_id, p.tenant_id, p.service_id, NULL::float8 AS distance_m \
                     {rows} ORDER BY p.name_uk, p.tenant_id, p.service_id LIMIT {page}"
                ),
            };
            (String::new(), ranked)
        }
    };
    let band = if near.is_some() {
        "round((r.score * 5)::numeric) DESC, r.distance_m ASC NULLS LAST, "
    } else {
        ""
    };
    let sql = format!(
        "WITH {matched}{near_cte}r AS ({ranked}), \
         k AS (SELECT * FROM r ORDER BY {band}r.score DESC, r.name_uk, r.text_id, r.tenant_id, r.service_id \
               OFFSET {off} LIMIT {lim}) \
         SELECT p.tenant_id, t.slug AS community_slug, t.name_uk AS community_name_uk, \
           t.name_en AS community_name_en, p.service_id, (p.card - {dropped}::text[])::text AS card, \
           {provider} AS provider, k.score, k.distance_m, p.updated_at, \
           (SELECT coalesce(json_agg(pl ORDER BY pl.distance_m NULLS LAST, pl.name_uk), '[]'::json)::text FROM \
             (SELECT c.tenant_id, c.id, c.kind, c.name_uk, c.name_en, c.address_uk, ST_Y(c.location) AS lat, \
               ST_X(c.location) AS lon, c.schedule, c.exceptions, {place_distance} AS distance_m FROM cnap c \
              WHERE c.tenant_id = p.tenant_id AND c.id = ANY(p.place_ids) AND c.active) pl) AS places, \
           (SELECT coalesce(json_agg(v ORDER BY v.starts_at, v.id), '[]'::json)::text FROM \
             (SELECT mv.tenant_id, mv.id, mv.place_uk, mv.address_uk, ST_Y(mv.location) AS lat, \
               ST_X(mv.location) AS lon, mv.starts_at, mv.ends_at, mv.service_ids, {visit_distance} AS distance_m \
              FROM mobile_visit mv WHERE mv.tenant_id = p.tenant_id AND mv.ends_at > now() \
                AND mv.service_ids @> ARRAY[p.service_id] ORDER BY mv.starts_at, mv.id LIMIT 3) v) AS visits \
         FROM k JOIN public_service p ON p.tenant_id = k.tenant_id AND p.service_id = k.service_id \
         JOIN tenant t ON t.id = k.tenant_id \
         ORDER BY {band_k}k.score DESC, k.name_uk, k.text_id, k.tenant_id, k.service_id",
        matched = matched.clone().unwrap_or_default(),
        band_k = band.replace("r.", "k."),
        place_distance = point_distance("c.location"),
        visit_distance = point_distance("mv.location"),
    );
    (sql, values)
}

/// Searches the oblast's published cards; `page` (offset, limit) pages the ranked results and
/// `wanted` says which parts of each card to read. With
/// `near`, results of about the same relevance (bands of 0.2) come nearest first, by the
/// distance to the community's nearest active CNAP or remote workplace.
///
/// The search runs with generic plans ([`TenantTx::plan_generic`]): its statement's shape
/// (filters, `near`) is in its text, its values hardly change the best plan, and planning it
/// for each search's values cost 2–4 ms, a third of a text search. Measured under 8 clients
/// (`tests/benches/search.rs`), generic plans gave a median of 22.7 ms against 31.8 ms planned
/// per run (p95 63.7 against 77.3 ms), and PostgreSQL's own choice (`auto`) 30.5 ms.
pub async fn search(
    tx: &TenantTx,
    oblast_id: Uuid,
    query: &str,
    filter: &SearchFilter,
    near: Option<Near>,
    page: (u64, u64),
    wanted: &Wanted,
) -> DomainResult<Vec<Found>> {
    if query.chars().count() > MAX_QUERY {
        return Err(DomainError::invalid(
            "query",
            format!("must be at most {MAX_QUERY} characters"),
        ));
    }
    if let Some(n) = near {
        crate::validate::lat_lon("near", n.lat, n.lon)?;
    }
    tx.plan_generic().await?;
    let (sql, values) = search_sql(oblast_id, query, filter, near, page, wanted);
    HitRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql,
        values,
    ))
    .all(tx.conn())
    .await?
    .into_iter()
    .map(HitRow::read)
    .collect()
}
