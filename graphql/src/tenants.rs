//! Tenants: `tenant`, `communities`, `createCommunity`, `setCommunityStatus`.

use async_graphql::connection::Connection;
use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use hromada_tenants::katottg;
use hromada_tenants::tenant::{self, NewCommunity};

use crate::Services;
use crate::error::GqlResultExt;
use crate::request::lock_tx;
use crate::types::{Tenant, TenantStatus, connection, page_size};

#[derive(Default)]
pub struct TenantQuery;

#[Object]
impl TenantQuery {
    /// The tenant of this request: found from the Host header (`<slug>.<platform domain>` or a
    /// host of the tenant) or named by the `X-Tenant` header. Null when there is none.
    async fn tenant(&self, ctx: &Context<'_>) -> Result<Option<Tenant>> {
        let guard = lock_tx(ctx).await?;
        Ok(guard.tx()?.tenant_opt().cloned().map(Tenant::from))
    }

    /// The communities of this oblast, by slug (oblast roles).
    #[graphql(complexity = "(first.unwrap_or(20).clamp(0, 100) as usize) * child_complexity")]
    async fn communities(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, Tenant>> {
        let services = ctx.data::<Services>()?;
        let page = page_size(first)?;
        let guard = lock_tx(ctx).await?;
        let rows =
            tenant::list_communities(guard.tx()?, &services.authz, after.as_deref(), page + 1)
                .await
                .gql()?;
        Ok(connection(
            rows,
            page,
            after.is_some(),
            |t| t.slug.clone(),
            Tenant::from,
        ))
    }

    /// The hromadas of this oblast in the KATOTTG codifier whose name or code holds `query`
    /// (case-insensitive; at most 50), for onboarding a community (oblast admins).
    async fn codifier_hromadas(
        &self,
        ctx: &Context<'_>,
        query: String,
    ) -> Result<Vec<CodifierHromada>> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        services
            .authz
            .check(tx, "community", "create")
            .await
            .gql()?;
        let oblast = tx.tenant().gql()?.katottg.clone();
        let needle = query.trim().to_lowercase();
        if needle.chars().count() > 100 {
            return Err(crate::error::bad_input(
                "query",
                "is longer than 100 characters",
            ));
        }
        let onboarded = tenant::list_communities(tx, &services.authz, None, 10_000)
            .await
            .gql()?;
        Ok(katottg::hromadas_of(&oblast)
            .into_iter()
            .filter(|u| {
                needle.is_empty()
                    || u.name.to_lowercase().contains(&needle)
                    || u.code.to_lowercase().contains(&needle)
            })
            .take(MAX_CODIFIER_HITS)
            .map(|u| CodifierHromada {
                code: u.code.clone(),
                name: u.name.clone(),
                raion: u
                    .raion
                    .as_deref()
                    .and_then(katottg::unit)
                    .map(|r| r.name.clone()),
                onboarded_slug: onboarded
                    .iter()
                    .find(|t| t.katottg == u.code)
                    .map(|t| t.slug.clone()),
                suggested_slug: katottg::slug_of(&u.name),
                suggested_name_en: format!("{} hromada", katottg::latin(&u.name)),
            })
            .collect())
    }
}

/// A territorial community (hromada) of the KATOTTG codifier.
#[derive(SimpleObject)]
pub struct CodifierHromada {
    /// Its code, e.g. `UA12140250000012345`.
    pub code: String,
    /// Its name as the codifier writes it (Ukrainian).
    pub name: String,
    /// The raion it lies in.
    pub raion: Option<String>,
    /// The slug of the community already onboarded with this code, if any.
    pub onboarded_slug: Option<String>,
    /// A slug for it: the name by the official transliteration (KMU 55).
    pub suggested_slug: String,
    /// An English name for it: "Mahdalynivska hromada".
    pub suggested_name_en: String,
}

/// The most hromadas `codifierHromadas` answers.
const MAX_CODIFIER_HITS: usize = 50;

/// A new community of the oblast.
#[derive(InputObject)]
pub struct CreateCommunityInput {
    /// Lowercase Latin letters, digits and hyphens; also its subdomain.
    pub slug: String,
    /// Its KATOTTG code: a hromada of this oblast.
    pub katottg: String,
    pub name_uk: String,
    pub name_en: String,
    /// Its own domains, if any.
    #[graphql(default)]
    pub hosts: Vec<String>,
    /// Who is invited by e-mail as its first community admin.
    pub admin_email: String,
    /// The template its website starts from (`siteTemplates`).
    #[graphql(default_with = "String::from(\"standard\")")]
    pub site_template: String,
}

#[derive(SimpleObject)]
pub struct CreateCommunityPayload {
    pub community: Tenant,
}

#[derive(InputObject)]
pub struct SetCommunityStatusInput {
    pub slug: String,
    pub status: TenantStatus,
}

#[derive(SimpleObject)]
pub struct SetCommunityStatusPayload {
    pub community: Tenant,
}

#[derive(Default)]
pub struct TenantMutation;

#[Object]
impl TenantMutation {
    /// Onboards a community of this oblast and invites its admin (oblast admins).
    async fn create_community(
        &self,
        ctx: &Context<'_>,
        input: CreateCommunityInput,
    ) -> Result<CreateCommunityPayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        // The template is checked first, so a bad one changes nothing.
        hromada_site_builder::template::find(tx, "siteTemplate", &input.site_template)
            .await
            .gql()?;
        let community = tenant::create_community(
            tx,
            &services.authz,
            &services.links,
            NewCommunity {
                slug: input.slug,
                katottg: input.katottg,
                name_uk: input.name_uk,
                name_en: input.name_en,
                hosts: input.hosts,
                admin_email: input.admin_email,
            },
        )
        .await
        .gql()?;
        hromada_site_builder::site::create_for_community(tx, &community, &input.site_template)
            .await
            .gql()?;
        Ok(CreateCommunityPayload {
            community: community.into(),
        })
    }

    /// Suspends or reactivates a community of this oblast (oblast admins).
    async fn set_community_status(
        &self,
        ctx: &Context<'_>,
        input: SetCommunityStatusInput,
    ) -> Result<SetCommunityStatusPayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let community = tenant::set_community_status(
            guard.tx()?,
            &services.authz,
            &input.slug,
            input.status.into(),
        )
        .await
        .gql()?;
        Ok(SetCommunityStatusPayload {
            community: community.into(),
        })
    }
}
