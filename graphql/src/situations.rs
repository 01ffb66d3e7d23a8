//! Life situations of the oblast's portal: `lifeSituations`; `saveLifeSituation`,
//! `deleteLifeSituation` (the oblast admin, who keeps the standard catalog they group).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use hromada_tenants::catalog::situations::{self, SituationInput};

use crate::Services;
use crate::catalog::oblast_of;
use crate::cnap::uuid;
use crate::error::GqlResultExt;
use crate::request::lock_tx;

/// A group of standard services for one situation in a person's life ("birth of a child"),
/// shown on the oblast's portal.
#[derive(SimpleObject)]
pub struct LifeSituation {
    pub id: ID,
    /// Its address on the portal: `/situations/<slug>`.
    pub slug: String,
    pub title_uk: String,
    pub title_en: String,
    pub summary_uk: String,
    pub summary_en: String,
    /// The standard services, in the order the portal lists them.
    pub standard_service_ids: Vec<ID>,
    /// Its place on the portal's home (smaller first).
    pub position: i32,
    pub version: i32,
}

impl LifeSituation {
    fn from_domain(s: situations::LifeSituation) -> LifeSituation {
        LifeSituation {
            id: ID(s.id.to_string()),
            slug: s.slug,
            title_uk: s.title_uk,
            title_en: s.title_en,
            summary_uk: s.summary_uk,
            summary_en: s.summary_en,
            standard_service_ids: s.standard_ids.iter().map(|id| ID(id.to_string())).collect(),
            position: s.position,
            version: s.version,
        }
    }
}

/// Life situation queries.
#[derive(Default)]
pub struct SituationQuery;

#[Object]
impl SituationQuery {
    /// The oblast's life situations, in the portal's order (at most 24).
    async fn life_situations(&self, ctx: &Context<'_>) -> Result<Vec<LifeSituation>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        Ok(situations::list(tx.conn(), oblast_of(tx)?)
            .await
            .gql()?
            .into_iter()
            .map(LifeSituation::from_domain)
            .collect())
    }
}

/// A situation as the oblast saves it.
#[derive(InputObject)]
pub struct SaveLifeSituationInput {
    /// None: a new situation.
    pub id: Option<ID>,
    /// The version it was read at (for an existing one).
    pub version: Option<i32>,
    pub slug: String,
    pub title_uk: String,
    #[graphql(default)]
    pub title_en: String,
    #[graphql(default)]
    pub summary_uk: String,
    #[graphql(default)]
    pub summary_en: String,
    #[graphql(validator(max_items = 30))]
    pub standard_service_ids: Vec<ID>,
    #[graphql(default)]
    pub position: i32,
}

#[derive(SimpleObject)]
pub struct LifeSituationPayload {
    pub life_situation: LifeSituation,
}

#[derive(InputObject)]
pub struct DeleteLifeSituationInput {
    pub id: ID,
}

#[derive(SimpleObject)]
pub struct DeleteLifeSituationPayload {
    pub deleted: bool,
}

/// Life situation mutations.
#[derive(Default)]
pub struct SituationMutation;

#[Object]
impl SituationMutation {
    /// Adds or changes a life situation of the oblast's portal (oblast admin).
    async fn save_life_situation(
        &self,
        ctx: &Context<'_>,
        input: SaveLifeSituationInput,
    ) -> Result<LifeSituationPayload> {
        let services = ctx.data::<Services>()?;
        let id = input.id.as_ref().map(|id| uuid("id", id)).transpose()?;
        let standard_ids = input
            .standard_service_ids
            .iter()
            .map(|id| uuid("standardServiceIds", id))
            .collect::<Result<Vec<_>>>()?;
        let guard = lock_tx(ctx).await?;
        let saved = situations::save(
            guard.tx()?,
            &services.authz,
            id,
            input.version,
            SituationInput {
                slug: input.slug,
                title_uk: input.title_uk,
                title_en: input.title_en,
                summary_uk: input.summary_uk,
                summary_en: input.summary_en,
                standard_ids,
                position: input.position,
            },
        )
        .await
        .gql()?;
        Ok(LifeSituationPayload {
            life_situation: LifeSituation::from_domain(saved),
        })
    }

    /// Removes a life situation from the portal (oblast admin).
    async fn delete_life_situation(
        &self,
        ctx: &Context<'_>,
        input: DeleteLifeSituationInput,
    ) -> Result<DeleteLifeSituationPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        situations::delete(guard.tx()?, &services.authz, id)
            .await
            .gql()?;
        Ok(DeleteLifeSituationPayload { deleted: true })
    }
}
