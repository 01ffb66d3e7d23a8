//! The e-queue's change feed: PostgreSQL notifies `hromada_queue_changed` with
//! `<community>:<CNAP>` whenever a ticket is issued or moves (a trigger on `queue_visit`), and
//! this listener hands each to the board subscriptions of this server. Through the database,
//! every server of a deployment hears every call; a lost connection is reopened, and the
//! subscriptions then read their boards again.

use std::time::Duration;

use sea_orm::DatabaseConnection;
use sea_orm::sqlx::postgres::PgListener;
use tokio::sync::{broadcast, watch};
use uuid::Uuid;

/// The channel the trigger notifies.
pub const CHANNEL: &str = "hromada_queue_changed";

/// A feed for subscriptions: (community, CNAP) of each change.
pub fn channel() -> broadcast::Sender<(Uuid, Uuid)> {
    broadcast::channel(1024).0
}

fn parse(payload: &str) -> Option<(Uuid, Uuid)> {
    let (tenant, cnap) = payload.split_once(':')?;
    Some((tenant.parse().ok()?, cnap.parse().ok()?))
}

/// Listens until shutdown, forwarding each notification to `feed`.
pub async fn listen(
    db: DatabaseConnection,
    feed: broadcast::Sender<(Uuid, Uuid)>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let pool = db.get_postgres_connection_pool().clone();
        let listener = async {
            let mut l = PgListener::connect_with(&pool).await?;
            l.listen(CHANNEL).await?;
            Ok::<_, sea_orm::sqlx::Error>(l)
        }
        .await;
        match listener {
            Ok(mut listener) => loop {
                tokio::select! {
                    _ = shutdown.changed() => return,
                    n = listener.recv() => match n {
                        Ok(n) => {
                            if let Some(change) = parse(n.payload()) {
                                // No subscriber is not an error.
                                let _ = feed.send(change);
                            }
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "queue feed: notification channel lost");
                            break;
                        }
                    },
                }
            },
            Err(e) => tracing::warn!(error = %e, "queue feed: cannot listen for changes"),
        }
        tokio::select! {
            _ = shutdown.changed() => return,
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_names_the_community_and_the_cnap_or_is_ignored() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(parse(&format!("{a}:{b}")), Some((a, b)));
        assert_eq!(parse("nonsense"), None);
        assert_eq!(parse(&format!("{a}:x")), None);
    }
}
