//! Honest statistics of applications, public per service and community: how many were
//! submitted, how many completed (decided), how many of those on time, the median and 90th
//! percentile of days to the decision, the share refused, and the NPS of the ratings
//! (promoters 9–10 minus detractors 0–6, in points of the share). Counted by PostgreSQL over
//! `application_fact`, which holds no personal data.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use crate::error::{DomainError, DomainResult};

/// One service's figures in one community.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ServiceStats {
    pub tenant_id: Uuid,
    pub community_slug: String,
    pub service_id: Uuid,
    pub name_uk: String,
    pub name_en: String,
    pub submitted: i64,
    pub completed: i64,
    pub on_time: i64,
    pub refused: i64,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
    pub ratings: i64,
    pub promoters: i64,
    pub detractors: i64,
}

impl ServiceStats {
    /// The share of completed cases decided on time, in percent.
    pub fn on_time_percent(&self) -> Option<f64> {
        percent(self.on_time, self.completed)
    }

    /// The share of completed cases refused, in percent.
    pub fn refused_percent(&self) -> Option<f64> {
        percent(self.refused, self.completed)
    }

    /// Net promoter score, −100 to 100; none without ratings.
    pub fn nps(&self) -> Option<f64> {
        (self.ratings > 0)
            .then(|| 100.0 * (self.promoters - self.detractors) as f64 / self.ratings as f64)
    }
}

fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (1000.0 * part as f64 / whole as f64).round() / 10.0)
}

/// The figures of every service of `tenant_ids` for applications submitted from `from` to
/// `to` (Kyiv dates, inclusive).
pub async fn by_service(
    conn: &impl ConnectionTrait,
    tenant_ids: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> DomainResult<Vec<ServiceStats>> {
    if from > to {
        return Err(DomainError::invalid("to", "is before from"));
    }
    if (to - from).num_days() > 3 * 366 {
        return Err(DomainError::invalid("from", "at most three years at once"));
    }
    Ok(
        ServiceStats::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT f.tenant_id, t.slug AS community_slug, f.service_id, \
           coalesce(max(p.name_uk), '') AS name_uk, coalesce(max(p.name_en), '') AS name_en, \
           count(*) AS submitted, \
           count(*) FILTER (WHERE f.completed_on IS NOT NULL) AS completed, \
           count(*) FILTER (WHERE f.completed_on <= f.due_date) AS on_time, \
           count(*) FILTER (WHERE f.refused) AS refused, \
           percentile_cont(0.5) WITHIN GROUP (ORDER BY f.completed_on - f.submitted_on) \
             FILTER (WHERE f.completed_on IS NOT NULL) AS median_days, \
           percentile_cont(0.9) WITHIN GROUP (ORDER BY f.completed_on - f.submitted_on) \
             FILTER (WHERE f.completed_on IS NOT NULL) AS p90_days, \
           count(f.score) AS ratings, \
           count(*) FILTER (WHERE f.score >= 9) AS promoters, \
           count(*) FILTER (WHERE f.score <= 6) AS detractors \
         FROM application_fact f JOIN tenant t ON t.id = f.tenant_id \
         LEFT JOIN public_service p ON p.tenant_id = f.tenant_id AND p.service_id = f.service_id \
         WHERE f.tenant_id = ANY($1) AND f.submitted_on BETWEEN $2 AND $3 \
         GROUP BY f.tenant_id, t.slug, f.service_id ORDER BY t.slug, submitted DESC, f.service_id",
            [tenant_ids.to_vec().into(), from.into(), to.into()],
        ))
        .all(conn)
        .await?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_nps_are_of_what_was_counted() {
        let s = ServiceStats {
            tenant_id: Uuid::nil(),
            community_slug: "x".into(),
            service_id: Uuid::nil(),
            name_uk: String::new(),
            name_en: String::new(),
            submitted: 10,
            completed: 3,
            on_time: 2,
            refused: 1,
            median_days: None,
            p90_days: None,
            ratings: 4,
            promoters: 2,
            detractors: 1,
        };
        assert_eq!(s.on_time_percent(), Some(66.7));
        assert_eq!(s.refused_percent(), Some(33.3));
        assert_eq!(s.nps(), Some(25.0));
        let none = ServiceStats {
            completed: 0,
            ratings: 0,
            ..s
        };
        assert_eq!(none.on_time_percent(), None);
        assert_eq!(none.nps(), None);
    }
}
