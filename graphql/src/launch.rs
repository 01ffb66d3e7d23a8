//! `launchChecklist`: what a community still lacks before it goes public (the console's
//! "ready to launch?" screen), from [`hromada_site_builder::readiness`].

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use hromada_site_builder::readiness;

use crate::error::GqlResultExt;
use crate::request::lock_tx;

/// A mandatory section of the site.
#[derive(SimpleObject)]
pub struct ChecklistSection {
    /// `about`, `council`, `documents`, `budget`, `services`, `public-information`,
    /// `participation`, `land`, `open-data`.
    pub key: String,
    /// The page that fills it, when the site has one.
    pub page_id: Option<ID>,
    /// Published with content (for `services` and `land`: the catalog or a public layer).
    pub filled: bool,
}

/// The community's checklist.
#[derive(SimpleObject)]
pub struct LaunchChecklist {
    pub sections: Vec<ChecklistSection>,
    pub cnaps: i64,
    pub cnaps_with_hours: i64,
    pub standard_services: i64,
    pub standard_adopted: i64,
    pub has_boundary: bool,
    pub public_layers: i64,
    pub people: i64,
    pub pending_invitations: i64,
    /// Every item done.
    pub ready: bool,
}

#[derive(Default)]
pub struct LaunchQuery;

#[Object]
impl LaunchQuery {
    /// What the request's community still lacks before launch (anyone with a role in it).
    async fn launch_checklist(&self, ctx: &Context<'_>) -> Result<LaunchChecklist> {
        let guard = lock_tx(ctx).await?;
        let r = readiness::readiness(guard.tx()?).await.gql()?;
        let ready = r.sections.iter().all(|s| s.filled)
            && r.cnaps > 0
            && r.cnaps_with_hours == r.cnaps
            && r.standard_adopted >= r.standard_services
            && r.has_boundary
            && r.public_layers > 0
            && r.people + r.pending_invitations > 1;
        Ok(LaunchChecklist {
            sections: r
                .sections
                .into_iter()
                .map(|s| ChecklistSection {
                    key: s.key,
                    page_id: s.page_id.map(|id| ID(id.to_string())),
                    filled: s.filled,
                })
                .collect(),
            cnaps: r.cnaps,
            cnaps_with_hours: r.cnaps_with_hours,
            standard_services: r.standard_services,
            standard_adopted: r.standard_adopted,
            has_boundary: r.has_boundary,
            public_layers: r.public_layers,
            people: r.people,
            pending_invitations: r.pending_invitations,
            ready,
        })
    }
}
