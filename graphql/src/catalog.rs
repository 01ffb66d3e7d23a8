//! The catalog: `serviceCategories`, `standardServices`, `services`, `service`,
//! `serviceVersions`, `dueDate`, `searchServices`, `catalogCoverage`; `createStandardService`,
//! `updateStandardService`, `publishStandardService`, `adoptStandardService`, `createService`,
//! `updateService`, `publishService`.

use async_graphql::connection::Connection;
use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use hromada_tenants::catalog::card::CATEGORIES;
use hromada_tenants::catalog::search::{self, Near, SearchFilter};
use hromada_tenants::catalog::service::{self as dservice, Delivery, ServiceChange};
use hromada_tenants::catalog::{coverage, standard};
use hromada_tenants::cnap::calendar;
use hromada_tenants::cnap::schedule::Hours;
use hromada_tenants::{DomainError, TenantKind, TenantTx};

use crate::Services;
use crate::card::{Audience, ChannelKind, ServiceCard, ServiceCardInput, Term};
use crate::cnap::{OpenStatus, PlaceKind, open_status, uuid};
use crate::error::{GqlResultExt, bad_input, to_gql};
use crate::request::lock_tx;
use crate::types::{connection, page_size};

/// A category of the catalog.
#[derive(SimpleObject)]
pub struct ServiceCategory {
    pub code: String,
    pub name_uk: String,
    pub name_en: String,
}

/// A card of the oblast's standard catalog.
#[derive(SimpleObject)]
pub struct StandardService {
    pub id: ID,
    pub code: String,
    pub current_version: i32,
    pub published_version: Option<i32>,
    /// The current (possibly unpublished) version.
    pub card: ServiceCard,
    pub published_card: Option<ServiceCard>,
    pub updated_at: DateTime<Utc>,
}

impl StandardService {
    fn from_domain(s: standard::StandardService) -> Self {
        StandardService {
            id: ID(s.id.to_string()),
            code: s.code,
            current_version: s.current_version,
            published_version: s.published_version,
            card: s.card.into(),
            published_card: s.published_card.map(Into::into),
            updated_at: s.updated_at,
        }
    }
}

/// Where a service stands.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum ServiceStatus {
    /// Never published.
    Draft,
    /// The current version is published.
    Published,
    /// Published, with a newer unpublished version.
    Changed,
}

/// A community's service.
#[derive(SimpleObject)]
pub struct Service {
    pub id: ID,
    /// The adopted standard card, if any.
    pub standard_service_id: Option<ID>,
    pub provider_id: Option<ID>,
    pub status: ServiceStatus,
    pub current_version: i32,
    pub published_version: Option<i32>,
    /// Centers and remote workplaces where it is offered.
    pub place_ids: Vec<ID>,
    /// The effective card: for staff the current version, for visitors the published one.
    pub card: ServiceCard,
    pub published_card: Option<ServiceCard>,
    /// Fields an adopted card overrides; the others follow the standard.
    pub overridden_fields: Vec<String>,
    pub updated_at: DateTime<Utc>,
}

impl Service {
    fn from_domain(s: dservice::Service, staff: bool) -> Self {
        let overridden_fields = s.overridden_fields();
        let published: Option<ServiceCard> = s.published_card.map(Into::into);
        let card = match (staff, &published) {
            (false, Some(p)) => p.clone(),
            _ => s.card.into(),
        };
        Service {
            id: ID(s.id.to_string()),
            standard_service_id: s.standard_id.map(|i| ID(i.to_string())),
            provider_id: s.provider_id.map(|i| ID(i.to_string())),
            status: match s.published_version {
                None => ServiceStatus::Draft,
                Some(p) if p == s.current_version => ServiceStatus::Published,
                Some(_) => ServiceStatus::Changed,
            },
            current_version: s.current_version,
            published_version: s.published_version,
            place_ids: s.place_ids.iter().map(|i| ID(i.to_string())).collect(),
            overridden_fields,
            card,
            published_card: published,
            updated_at: s.updated_at,
        }
    }
}

/// One saved version of a service.
#[derive(SimpleObject)]
pub struct ServiceVersion {
    pub version: i32,
    /// What the version stored: the whole card, or an adopted card's overrides.
    pub stored: async_graphql::Json<serde_json::Value>,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<ID>,
}

/// The due date of a service submitted at a time.
#[derive(SimpleObject)]
pub struct DueDate {
    /// The last day of the term (Kyiv date).
    pub date: NaiveDate,
    pub term: Term,
}

/// Filters of `searchServices`.
#[derive(InputObject, Default)]
pub struct SearchFilterInput {
    /// A community's slug.
    pub community: Option<String>,
    /// A category code.
    pub category: Option<String>,
    pub audience: Option<Audience>,
    pub channel: Option<ChannelKind>,
    /// Only services that can be requested online.
    #[graphql(default)]
    pub online_only: bool,
    /// True: free only; false: paid only.
    pub free: Option<bool>,
}

/// A point, WGS 84.
#[derive(InputObject, Clone, Copy)]
pub struct PointInput {
    pub lat: f64,
    pub lon: f64,
}

/// A community, as search results name it.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct CommunityRef {
    pub slug: String,
    pub name_uk: String,
    pub name_en: String,
}

/// A place offering a found service.
#[derive(SimpleObject)]
#[graphql(serial)]
pub struct ServicePlace {
    pub id: ID,
    pub kind: PlaceKind,
    pub name_uk: String,
    pub name_en: String,
    pub address_uk: String,
    pub lat: f64,
    pub lon: f64,
    /// Metres from the `near` point.
    pub distance_meters: Option<f64>,
    pub status: OpenStatus,
}

/// What a `searchServices` selection reads of each found card: its `card` fields (GraphQL
/// names are the card's keys) and whether `provider`, through `edges { node }` or `nodes`.
fn wanted_of_found(ctx: &Context<'_>) -> search::Wanted {
    let look = ctx.look_ahead();
    let nodes = [look.field("edges").field("node"), look.field("nodes")];
    let mut names: Vec<&str> = Vec::new();
    for card in nodes
        .iter()
        .flat_map(|n| n.field("card").selection_fields())
    {
        names.extend(card.selection_set().map(|f| f.name()));
    }
    search::Wanted::of(names, nodes.iter().any(|n| n.field("provider").exists()))
}

/// A found service with where to get it.
#[derive(SimpleObject)]
#[graphql(serial)]
pub struct FoundService {
    pub id: ID,
    pub community: CommunityRef,
    pub card: ServiceCard,
    /// The provider, as published.
    pub provider: Option<async_graphql::Json<serde_json::Value>>,
    /// Relevance (0–1).
    pub score: f64,
    /// Metres from the `near` point to the nearest place offering it.
    pub distance_meters: Option<f64>,
    /// Centers and remote workplaces offering it, nearest first.
    pub places: Vec<ServicePlace>,
    /// Its next mobile visits, soonest first.
    pub mobile_visits: Vec<crate::cnap::MobileVisit>,
    pub updated_at: DateTime<Utc>,
}

/// A missing standard service.
#[derive(SimpleObject)]
pub struct MissingService {
    pub standard_service_id: ID,
    pub code: String,
    pub name_uk: String,
}

/// A community's coverage of the standard catalog.
#[derive(SimpleObject)]
pub struct CommunityCoverage {
    pub community: CommunityRef,
    /// Published standard cards of the oblast.
    pub standard_total: i64,
    /// Of them, adopted and published by the community.
    pub offered: i64,
    pub missing: Vec<MissingService>,
}

fn is_staff(tx: &TenantTx) -> bool {
    !tx.roles_here().is_empty()
}

pub(crate) fn oblast_of(tx: &TenantTx) -> Result<uuid::Uuid> {
    let tenant = tx.tenant().gql()?;
    match tenant.kind {
        TenantKind::Oblast => Ok(tenant.id),
        TenantKind::Community => tenant
            .parent_id
            .ok_or_else(|| DomainError::Internal("community without oblast".into()))
            .gql(),
    }
}

/// Pages an in-memory list ordered by `key`.
fn page_of<T>(
    items: Vec<T>,
    first: Option<i32>,
    after: Option<&str>,
    key: impl Fn(&T) -> String,
) -> Result<(Vec<T>, u64)> {
    let page = page_size(first)?;
    let rows: Vec<T> = items
        .into_iter()
        .skip_while(|i| after.is_some_and(|a| key(i).as_str() <= a))
        .take(page as usize + 1)
        .collect();
    Ok((rows, page))
}

#[derive(Default)]
pub struct CatalogQuery;

#[Object]
impl CatalogQuery {
    /// The categories of the catalog.
    async fn service_categories(&self) -> Vec<ServiceCategory> {
        CATEGORIES
            .iter()
            .map(|(code, uk, en)| ServiceCategory {
                code: (*code).into(),
                name_uk: (*uk).into(),
                name_en: (*en).into(),
            })
            .collect()
    }

    /// The oblast's standard catalog, by code: all cards for the oblast, published ones for
    /// its communities.
    #[graphql(complexity = "(first.unwrap_or(20).clamp(0, 100) as usize) * child_complexity")]
    async fn standard_services(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, StandardService>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let own = tx.tenant().gql()?.kind == TenantKind::Oblast && is_staff(tx);
        let list = standard::list(tx.conn(), oblast_of(tx)?, !own)
            .await
            .gql()?;
        let (rows, page) = page_of(list, first, after.as_deref(), |s| s.code.clone())?;
        let rows = rows
            .into_iter()
            .map(StandardService::from_domain)
            .collect::<Vec<_>>();
        Ok(connection(
            rows,
            page,
            after.is_some(),
            |s| s.code.clone(),
            |s| s,
        ))
    }

    /// One standard card of the oblast (published ones only, for its communities).
    async fn standard_service(&self, ctx: &Context<'_>, id: ID) -> Result<StandardService> {
        let id = uuid("id", &id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let own = tx.tenant().gql()?.kind == TenantKind::Oblast && is_staff(tx);
        let found = standard::get(tx.conn(), id).await.gql()?;
        if found.oblast_id != oblast_of(tx)? || (!own && found.published_version.is_none()) {
            return Err(to_gql(DomainError::NotFound(format!(
                "standard service {id}"
            ))));
        }
        Ok(StandardService::from_domain(found))
    }

    /// The community's services by code: all for its staff, published ones for visitors.
    #[graphql(complexity = "(first.unwrap_or(20).clamp(0, 100) as usize) * child_complexity")]
    async fn services(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, Service>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let staff = is_staff(tx);
        let list = dservice::list(tx.conn(), tx.tenant().gql()?.id, !staff)
            .await
            .gql()?;
        let key = |s: &dservice::Service| format!("{}/{}", s.card.code, s.id);
        let (rows, page) = page_of(list, first, after.as_deref(), key)?;
        let rows = rows
            .into_iter()
            .map(|s| {
                let k = key(&s);
                (k, Service::from_domain(s, staff))
            })
            .collect::<Vec<_>>();
        Ok(connection(
            rows,
            page,
            after.is_some(),
            |(k, _)| k.clone(),
            |(_, v)| v,
        ))
    }

    /// One service of the community (unpublished ones only for its staff).
    async fn service(&self, ctx: &Context<'_>, id: ID) -> Result<Service> {
        let id = uuid("id", &id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let staff = is_staff(tx);
        let s = dservice::get(tx.conn(), tx.tenant().gql()?.id, id)
            .await
            .gql()?;
        if !staff && s.published_version.is_none() {
            return Err(DomainError::NotFound(format!("service {id}"))).gql();
        }
        Ok(Service::from_domain(s, staff))
    }

    /// Every version of a service, newest first (the community's staff).
    async fn service_versions(&self, ctx: &Context<'_>, id: ID) -> Result<Vec<ServiceVersion>> {
        let id = uuid("id", &id)?;
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        services.authz.check(tx, "catalog", "manage").await.gql()?;
        let versions = dservice::versions(tx.conn(), tx.tenant().gql()?.id, id)
            .await
            .gql()?;
        if versions.is_empty() {
            return Err(DomainError::NotFound(format!("service {id}"))).gql();
        }
        Ok(versions
            .into_iter()
            .map(|v| ServiceVersion {
                version: v.version,
                stored: async_graphql::Json(v.card),
                created_at: v.created_at,
                created_by: v.created_by.map(|u| ID(u.to_string())),
            })
            .collect())
    }

    /// When a service submitted at `submittedAt` is due, by the community's working-day
    /// calendar and the service's term (30 calendar days where the card gives none).
    async fn due_date(
        &self,
        ctx: &Context<'_>,
        submitted_at: DateTime<Utc>,
        service_id: ID,
    ) -> Result<DueDate> {
        let id = uuid("serviceId", &service_id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        let s = dservice::get(tx.conn(), tenant, id).await.gql()?;
        let card = match (&s.published_card, is_staff(tx)) {
            (Some(p), false) => p.clone(),
            (None, false) => return Err(DomainError::NotFound(format!("service {id}"))).gql(),
            _ => s.card.clone(),
        };
        let term = card.term_or_default();
        let cal = calendar::load(tx.conn(), tenant, submitted_at)
            .await
            .gql()?;
        Ok(DueDate {
            date: cal.due_date(submitted_at, term),
            term: term.into(),
        })
    }

    /// The regional single window: published cards of every active community of the oblast,
    /// by text (typos and Latin transliteration tolerated) and filters; with `near`, nearest
    /// first. Open to anonymous visitors.
    #[graphql(
        complexity = "crate::limits::SEARCH_COST + (first.unwrap_or(20).clamp(0, 100) as usize) * child_complexity"
    )]
    async fn search_services(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] query: String,
        filter: Option<SearchFilterInput>,
        near: Option<PointInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, FoundService>> {
        let page = page_size(first)?;
        let offset = match &after {
            Some(a) => {
                a.parse::<u64>()
                    .map_err(|_| bad_input("after", "is not a cursor of this connection"))?
                    + 1
            }
            None => 0,
        };
        let f = filter.unwrap_or_default();
        let filter = SearchFilter {
            community: f.community,
            category: f.category,
            audience: f.audience.map(Into::into),
            channel: f.channel.map(Into::into),
            online_only: f.online_only,
            free: f.free,
        };
        let wanted = wanted_of_found(ctx);
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let found = search::search(
            tx,
            oblast_of(tx)?,
            &query,
            &filter,
            near.map(|n| Near {
                lat: n.lat,
                lon: n.lon,
            }),
            (offset, page + 1),
            &wanted,
        )
        .await
        .gql()?;
        let now = Utc::now();
        let mut rows = Vec::with_capacity(found.len());
        for (i, f) in found.into_iter().enumerate() {
            rows.push((
                offset + i as u64,
                FoundService {
                    id: ID(f.service_id.to_string()),
                    community: CommunityRef {
                        slug: f.community_slug,
                        name_uk: f.community_name_uk,
                        name_en: f.community_name_en,
                    },
                    card: f.card.into(),
                    provider: f.provider.map(async_graphql::Json),
                    score: f.score,
                    distance_meters: f.distance_m,
                    places: f
                        .places
                        .into_iter()
                        .map(|p| ServicePlace {
                            id: ID(p.id.to_string()),
                            kind: if p.kind == "remote_workplace" {
                                PlaceKind::RemoteWorkplace
                            } else {
                                PlaceKind::Center
                            },
                            status: open_status(
                                &Hours {
                                    week: p.schedule,
                                    exceptions: p.exceptions,
                                },
                                Some(now),
                            ),
                            name_uk: p.name_uk,
                            name_en: p.name_en,
                            address_uk: p.address_uk,
                            lat: p.lat,
                            lon: p.lon,
                            distance_meters: p.distance_m,
                        })
                        .collect(),
                    mobile_visits: f
                        .visits
                        .into_iter()
                        .map(|v| crate::cnap::MobileVisit {
                            id: ID(v.id.to_string()),
                            place_uk: v.place_uk,
                            place_en: String::new(),
                            address_uk: v.address_uk,
                            lat: v.lat,
                            lon: v.lon,
                            starts_at: v.starts_at,
                            ends_at: v.ends_at,
                            service_ids: v.service_ids.iter().map(|s| ID(s.to_string())).collect(),
                        })
                        .collect(),
                    updated_at: f.updated_at,
                },
            ));
        }
        Ok(connection(
            rows,
            page,
            offset > 0,
            |(n, _)| n.to_string(),
            |(_, v)| v,
        ))
    }

    /// Which published standard services each community of the oblast does not yet offer.
    #[graphql(complexity = "(first.unwrap_or(20).clamp(0, 100) as usize) * child_complexity")]
    async fn catalog_coverage(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, CommunityCoverage>> {
        let services = ctx.data::<Services>()?;
        let page = page_size(first)?;
        let guard = lock_tx(ctx).await?;
        let rows = coverage::coverage(guard.tx()?, &services.authz, after.as_deref(), page + 1)
            .await
            .gql()?;
        Ok(connection(
            rows,
            page,
            after.is_some(),
            |c| c.slug.clone(),
            |c| CommunityCoverage {
                community: CommunityRef {
                    slug: c.slug,
                    name_uk: c.name_uk,
                    name_en: c.name_en,
                },
                standard_total: c.standard_total,
                offered: c.offered,
                missing: c
                    .missing
                    .into_iter()
                    .map(|(id, code, name)| MissingService {
                        standard_service_id: ID(id.to_string()),
                        code,
                        name_uk: name,
                    })
                    .collect(),
            },
        ))
    }
}

#[derive(InputObject)]
pub struct CreateStandardServiceInput {
    pub card: ServiceCardInput,
}

#[derive(InputObject)]
pub struct UpdateStandardServiceInput {
    pub id: ID,
    /// The version read.
    pub version: i32,
    #[graphql(default)]
    pub card: ServiceCardInput,
    /// Fields to empty.
    #[graphql(default)]
    pub clear: Vec<String>,
}

#[derive(InputObject)]
pub struct IdInput {
    pub id: ID,
}

#[derive(SimpleObject)]
pub struct StandardServicePayload {
    pub standard_service: StandardService,
}

#[derive(InputObject)]
pub struct AdoptStandardServiceInput {
    pub standard_service_id: ID,
    pub provider_id: Option<ID>,
    #[graphql(default)]
    pub place_ids: Vec<ID>,
}

#[derive(InputObject)]
pub struct CreateServiceInput {
    pub card: ServiceCardInput,
    pub provider_id: Option<ID>,
    #[graphql(default)]
    pub place_ids: Vec<ID>,
}

#[derive(InputObject)]
pub struct UpdateServiceInput {
    pub id: ID,
    /// The version read.
    pub version: i32,
    /// Fields to set; on an adopted card, to override.
    #[graphql(default)]
    pub card: ServiceCardInput,
    /// Fields to empty; on an adopted card, to follow the standard again.
    #[graphql(default)]
    pub clear: Vec<String>,
    pub provider_id: Option<ID>,
    pub place_ids: Option<Vec<ID>>,
}

#[derive(SimpleObject)]
pub struct ServicePayload {
    pub service: Service,
}

fn ids(field: &str, list: &[ID]) -> Result<Vec<uuid::Uuid>> {
    list.iter().map(|i| uuid(field, i)).collect()
}

#[derive(Default)]
pub struct CatalogMutation;

#[Object]
impl CatalogMutation {
    /// Adds a card to the oblast's standard catalog (oblast admin).
    async fn create_standard_service(
        &self,
        ctx: &Context<'_>,
        input: CreateStandardServiceInput,
    ) -> Result<StandardServicePayload> {
        let services = ctx.data::<Services>()?;
        let patch = input.card.into_patch()?;
        let guard = lock_tx(ctx).await?;
        let s = standard::create(guard.tx()?, &services.authz, patch)
            .await
            .gql()?;
        Ok(StandardServicePayload {
            standard_service: StandardService::from_domain(s),
        })
    }

    /// Saves a new version of a standard card.
    async fn update_standard_service(
        &self,
        ctx: &Context<'_>,
        input: UpdateStandardServiceInput,
    ) -> Result<StandardServicePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let patch = input.card.into_patch()?;
        let guard = lock_tx(ctx).await?;
        let s = standard::update(
            guard.tx()?,
            &services.authz,
            id,
            input.version,
            patch,
            &input.clear,
        )
        .await
        .gql()?;
        Ok(StandardServicePayload {
            standard_service: StandardService::from_domain(s),
        })
    }

    /// Publishes a standard card; communities that adopted it follow at once.
    async fn publish_standard_service(
        &self,
        ctx: &Context<'_>,
        input: IdInput,
    ) -> Result<StandardServicePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let s = standard::publish(guard.tx()?, &services.authz, id)
            .await
            .gql()?;
        Ok(StandardServicePayload {
            standard_service: StandardService::from_domain(s),
        })
    }

    /// Adopts a published standard card as a service of this community.
    async fn adopt_standard_service(
        &self,
        ctx: &Context<'_>,
        input: AdoptStandardServiceInput,
    ) -> Result<ServicePayload> {
        let services = ctx.data::<Services>()?;
        let standard_id = uuid("standardServiceId", &input.standard_service_id)?;
        let delivery = Delivery {
            provider_id: input
                .provider_id
                .as_ref()
                .map(|p| uuid("providerId", p))
                .transpose()?,
            place_ids: ids("placeIds", &input.place_ids)?,
        };
        let guard = lock_tx(ctx).await?;
        let s = dservice::adopt(guard.tx()?, &services.authz, standard_id, delivery)
            .await
            .gql()?;
        Ok(ServicePayload {
            service: Service::from_domain(s, true),
        })
    }

    /// Writes a local card of this community.
    async fn create_service(
        &self,
        ctx: &Context<'_>,
        input: CreateServiceInput,
    ) -> Result<ServicePayload> {
        let services = ctx.data::<Services>()?;
        let patch = input.card.into_patch()?;
        let delivery = Delivery {
            provider_id: input
                .provider_id
                .as_ref()
                .map(|p| uuid("providerId", p))
                .transpose()?,
            place_ids: ids("placeIds", &input.place_ids)?,
        };
        let guard = lock_tx(ctx).await?;
        let s = dservice::create_local(guard.tx()?, &services.authz, patch, delivery)
            .await
            .gql()?;
        Ok(ServicePayload {
            service: Service::from_domain(s, true),
        })
    }

    /// Saves a new version of a service.
    async fn update_service(
        &self,
        ctx: &Context<'_>,
        input: UpdateServiceInput,
    ) -> Result<ServicePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let change = ServiceChange {
            patch: input.card.into_patch()?,
            clear: input.clear,
            provider_id: input
                .provider_id
                .as_ref()
                .map(|p| uuid("providerId", p).map(Some))
                .transpose()?,
            place_ids: input
                .place_ids
                .as_deref()
                .map(|p| ids("placeIds", p))
                .transpose()?,
        };
        let guard = lock_tx(ctx).await?;
        let s = dservice::update(guard.tx()?, &services.authz, id, input.version, change)
            .await
            .gql()?;
        Ok(ServicePayload {
            service: Service::from_domain(s, true),
        })
    }

    /// Publishes the current version (all or nothing).
    async fn publish_service(&self, ctx: &Context<'_>, input: IdInput) -> Result<ServicePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let s = dservice::publish(guard.tx()?, &services.authz, id)
            .await
            .gql()?;
        Ok(ServicePayload {
            service: Service::from_domain(s, true),
        })
    }
}
