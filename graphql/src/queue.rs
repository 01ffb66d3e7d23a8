//! The e-queue (issue 27).
//!
//! Configuration: `queueSettings`, `updateQueueSettings`. Free times, public:
//! `availableSlots(cnapId, serviceId, from, to)`, `nextFreeSlots(serviceId, near)`. The
//! applicant's bookings: `bookVisit`, `moveBooking`, `cancelBooking`, `myBookings` (a link's
//! secret stands in for the sign-in when moving or cancelling). The live queue: `issueTicket`,
//! `checkIn`, `callNext`, `startVisit`, `finishVisit`, `markNoShow`, `queueBoard` (public,
//! also a subscription over WebSocket that sends the board again on every change of the
//! CNAP's tickets); `queueStats`.

use async_graphql::{
    Context, Enum, ErrorExtensions, ID, InputObject, Object, Result, SimpleObject,
};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Kyiv;
use hromada_tenants::DomainError;
use hromada_tenants::applications::case::CaseLinks;
use hromada_tenants::queue::booking::{
    self, Actor, BookInput, Booking as DBooking, BookingStatus as DBookingStatus, Holder,
};
use hromada_tenants::queue::live::{self, Board, Visit as DVisit, VisitStatus as DVisitStatus};
use hromada_tenants::queue::settings::{
    self, CallRule as DCallRule, GroupInput, ServiceInput, Settings, SettingsInput, WorkplaceInput,
};
use hromada_tenants::queue::slots::{self, FreeSlot};
use hromada_tenants::queue::stats::{self, By};

use crate::Services;
use crate::applications::Lang;
use crate::catalog::PointInput;
use crate::cnap::uuid;
use crate::error::{GqlResultExt, bad_input, to_gql};
use crate::request::lock_tx;

/// How the counter calls when booked visitors and walk-ins both wait.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum CallRule {
    /// A checked-in visitor whose time has come goes before any walk-in.
    BookedFirst,
    /// Booked visitors and walk-ins take turns.
    Alternate,
}

impl From<DCallRule> for CallRule {
    fn from(r: DCallRule) -> Self {
        match r {
            DCallRule::BookedFirst => CallRule::BookedFirst,
            DCallRule::Alternate => CallRule::Alternate,
        }
    }
}

impl From<CallRule> for DCallRule {
    fn from(r: CallRule) -> Self {
        match r {
            CallRule::BookedFirst => DCallRule::BookedFirst,
            CallRule::Alternate => DCallRule::Alternate,
        }
    }
}

/// A group of services: the letter on its tickets.
#[derive(SimpleObject)]
pub struct QueueGroup {
    pub id: ID,
    pub letter: String,
    pub name_uk: String,
    pub name_en: String,
}

/// A window of the CNAP.
#[derive(SimpleObject)]
pub struct QueueWorkplace {
    pub id: ID,
    pub name_uk: String,
    pub name_en: String,
    /// The letters of the groups it serves.
    pub groups: Vec<String>,
    pub active: bool,
}

/// A service in the queue.
#[derive(SimpleObject)]
pub struct QueueServiceSetting {
    pub service_id: ID,
    /// Its group's letter.
    pub group: String,
    /// Set by the CNAP; none: the card's length (or 15 minutes).
    pub minutes: Option<i32>,
}

/// A CNAP's queue configuration.
#[derive(SimpleObject)]
pub struct QueueSettings {
    pub cnap_id: ID,
    /// How many days ahead people may book.
    pub horizon_days: i32,
    /// The share of each workplace's day kept for walk-ins.
    pub walk_in_percent: i32,
    /// How late after the booked time a visitor may still check in.
    pub check_in_minutes: i32,
    pub call_rule: CallRule,
    /// 0 before the first save.
    pub version: i32,
    pub groups: Vec<QueueGroup>,
    pub workplaces: Vec<QueueWorkplace>,
    pub services: Vec<QueueServiceSetting>,
}

impl From<Settings> for QueueSettings {
    fn from(s: Settings) -> Self {
        let letter = |id: uuid::Uuid| {
            s.groups
                .iter()
                .find(|g| g.id == id)
                .map(|g| g.letter.clone())
                .unwrap_or_default()
        };
        QueueSettings {
            cnap_id: s.cnap_id.into(),
            horizon_days: s.horizon_days,
            walk_in_percent: s.walk_in_percent,
            check_in_minutes: s.check_in_minutes,
            call_rule: s.call_rule.into(),
            version: s.version,
            workplaces: s
                .workplaces
                .iter()
                .map(|w| QueueWorkplace {
                    id: w.id.into(),
                    name_uk: w.name_uk.clone(),
                    name_en: w.name_en.clone(),
                    groups: w.group_ids.iter().map(|g| letter(*g)).collect(),
                    active: w.active,
                })
                .collect(),
            services: s
                .services
                .iter()
                .map(|q| QueueServiceSetting {
                    service_id: q.service_id.into(),
                    group: letter(q.group_id),
                    minutes: q.minutes,
                })
                .collect(),
            groups: s
                .groups
                .iter()
                .map(|g| QueueGroup {
                    id: g.id.into(),
                    letter: g.letter.clone(),
                    name_uk: g.name_uk.clone(),
                    name_en: g.name_en.clone(),
                })
                .collect(),
        }
    }
}

/// A group as the CNAP sets it.
#[derive(InputObject)]
pub struct QueueGroupInput {
    /// One Latin capital letter, unique in the CNAP.
    pub letter: String,
    pub name_uk: String,
    #[graphql(default)]
    pub name_en: String,
}

/// A workplace as the CNAP sets it; without an id it is new.
#[derive(InputObject)]
pub struct QueueWorkplaceInput {
    pub id: Option<ID>,
    pub name_uk: String,
    #[graphql(default)]
    pub name_en: String,
    /// The letters of the groups it serves.
    pub groups: Vec<String>,
    #[graphql(default = true)]
    pub active: bool,
}

/// A service in the queue.
#[derive(InputObject)]
pub struct QueueServiceInput {
    pub service_id: ID,
    pub group: String,
    /// 5 to 240; none: the card's length.
    pub minutes: Option<i32>,
}

/// Input of `updateQueueSettings`: the whole configuration, replacing the previous one.
#[derive(InputObject)]
pub struct UpdateQueueSettingsInput {
    pub cnap_id: ID,
    /// The version read (0 before the first save).
    pub version: i32,
    #[graphql(default = 30)]
    pub horizon_days: i32,
    #[graphql(default = 30)]
    pub walk_in_percent: i32,
    #[graphql(default = 10)]
    pub check_in_minutes: i32,
    #[graphql(default_with = "CallRule::BookedFirst")]
    pub call_rule: CallRule,
    pub groups: Vec<QueueGroupInput>,
    pub workplaces: Vec<QueueWorkplaceInput>,
    pub services: Vec<QueueServiceInput>,
}

/// The result of `updateQueueSettings`.
#[derive(SimpleObject)]
pub struct UpdateQueueSettingsPayload {
    pub settings: QueueSettings,
    /// Holders told that their booking moved or was cancelled by the change.
    pub bookings_changed: i32,
}

/// A free time.
#[derive(SimpleObject, Clone)]
pub struct Slot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Kyiv wall-clock, `HH:MM`.
    pub time: String,
    /// On how many workplaces it is free.
    pub free: i32,
}

impl From<FreeSlot> for Slot {
    fn from(s: FreeSlot) -> Self {
        Slot {
            time: s.starts_at.with_timezone(&Kyiv).format("%H:%M").to_string(),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            free: i32::try_from(s.free).unwrap_or(i32::MAX),
        }
    }
}

/// The free times of one day.
#[derive(SimpleObject)]
pub struct SlotDay {
    pub date: NaiveDate,
    pub slots: Vec<Slot>,
}

/// A CNAP that takes a service in its queue, with its first free time.
#[derive(SimpleObject)]
pub struct NextFreeSlot {
    pub cnap_id: ID,
    pub cnap_name_uk: String,
    pub cnap_name_en: String,
    pub address_uk: String,
    /// From the point asked about, in metres.
    pub distance_meters: Option<f64>,
    /// None: nothing free within the horizon.
    pub slot: Option<Slot>,
}

/// Where a booking stands.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum BookingStatus {
    Booked,
    CheckedIn,
    Served,
    NoShow,
    Cancelled,
}

impl From<DBookingStatus> for BookingStatus {
    fn from(s: DBookingStatus) -> Self {
        match s {
            DBookingStatus::Booked => BookingStatus::Booked,
            DBookingStatus::CheckedIn => BookingStatus::CheckedIn,
            DBookingStatus::Served => BookingStatus::Served,
            DBookingStatus::NoShow => BookingStatus::NoShow,
            DBookingStatus::Cancelled => BookingStatus::Cancelled,
        }
    }
}

/// A booked visit.
#[derive(SimpleObject)]
pub struct Booking {
    pub id: ID,
    pub cnap_id: ID,
    pub cnap_name_uk: String,
    pub cnap_name_en: String,
    pub address_uk: String,
    pub service_id: ID,
    pub service_name_uk: String,
    pub service_name_en: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The time as Ukrainian writes it: `вівторок, 16 березня 2027 р., о 09:30`.
    pub when_uk: String,
    pub when_en: String,
    pub status: BookingStatus,
    /// Six digits for the kiosk.
    pub code: String,
    pub holder_name: String,
}

impl From<DBooking> for Booking {
    fn from(b: DBooking) -> Self {
        Booking {
            id: b.id.into(),
            cnap_id: b.cnap_id.into(),
            cnap_name_uk: b.cnap_name_uk,
            cnap_name_en: b.cnap_name_en,
            address_uk: b.cnap_address_uk,
            service_id: b.service_id.into(),
            service_name_uk: b.service_name_uk,
            service_name_en: b.service_name_en,
            when_uk: booking::when(b.starts_at, false),
            when_en: booking::when(b.starts_at, true),
            starts_at: b.starts_at,
            ends_at: b.ends_at,
            status: b.status.into(),
            code: b.code,
            holder_name: b.holder.full_name,
        }
    }
}

/// Input of `bookVisit`.
#[derive(InputObject)]
pub struct BookVisitInput {
    pub cnap_id: ID,
    pub service_id: ID,
    /// One of `availableSlots`' times.
    pub starts_at: DateTime<Utc>,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[graphql(default)]
    pub lang: Lang,
}

/// The result of `bookVisit`.
#[derive(SimpleObject)]
pub struct BookVisitPayload {
    pub booking: Booking,
    /// The secret of the link that cancels or moves the booking (also in the confirmation).
    pub token: String,
}

/// Which booking: by id (its holder signed in) or by its link's secret.
#[derive(InputObject)]
pub struct BookingRef {
    pub id: Option<ID>,
    pub token: Option<String>,
}

/// Input of `moveBooking`.
#[derive(InputObject)]
pub struct MoveBookingInput {
    pub booking: BookingRef,
    pub starts_at: DateTime<Utc>,
}

/// A booking after a change.
#[derive(SimpleObject)]
pub struct BookingPayload {
    pub booking: Booking,
}

/// Where a ticket stands.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum VisitStatus {
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
}

impl From<DVisitStatus> for VisitStatus {
    fn from(s: DVisitStatus) -> Self {
        match s {
            DVisitStatus::Waiting => VisitStatus::Waiting,
            DVisitStatus::Called => VisitStatus::Called,
            DVisitStatus::Serving => VisitStatus::Serving,
            DVisitStatus::Done => VisitStatus::Done,
            DVisitStatus::NoShow => VisitStatus::NoShow,
        }
    }
}

/// A ticket of the live queue.
#[derive(SimpleObject, Clone)]
pub struct Visit {
    pub id: ID,
    pub cnap_id: ID,
    /// `A-017`.
    pub ticket: String,
    pub booked: bool,
    pub status: VisitStatus,
    pub workplace_id: Option<ID>,
    pub workplace_name_uk: Option<String>,
    pub workplace_name_en: Option<String>,
    /// The booked time, or the ticket's.
    pub due_at: DateTime<Utc>,
    pub issued_at: DateTime<Utc>,
    pub called_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Tickets of its group waiting before it.
    pub ahead: Option<i32>,
}

impl From<DVisit> for Visit {
    fn from(v: DVisit) -> Self {
        Visit {
            id: v.id.into(),
            cnap_id: v.cnap_id.into(),
            ticket: v.ticket,
            booked: v.booked,
            status: v.status.into(),
            workplace_id: v.workplace_id.map(Into::into),
            workplace_name_uk: v.workplace_name_uk,
            workplace_name_en: v.workplace_name_en,
            due_at: v.due_at,
            issued_at: v.issued_at,
            called_at: v.called_at,
            started_at: v.started_at,
            finished_at: v.finished_at,
            ahead: v.ahead.map(|n| i32::try_from(n).unwrap_or(i32::MAX)),
        }
    }
}

/// A ticket after a step.
#[derive(SimpleObject)]
pub struct VisitPayload {
    pub visit: Visit,
}

/// The result of `callNext`: none when nobody waits.
#[derive(SimpleObject)]
pub struct CallNextPayload {
    pub visit: Option<Visit>,
}

/// Input of `issueTicket` (the kiosk).
#[derive(InputObject)]
pub struct IssueTicketInput {
    pub cnap_id: ID,
    pub service_id: ID,
}

/// Input of `checkIn` (the kiosk).
#[derive(InputObject)]
pub struct CheckInInput {
    pub cnap_id: ID,
    /// The six digits of the confirmation.
    pub code: String,
}

/// Input of `callNext`.
#[derive(InputObject)]
pub struct CallNextInput {
    pub workplace_id: ID,
}

/// Input of `startVisit`, `finishVisit`, `markNoShow`.
#[derive(InputObject)]
pub struct VisitStepInput {
    pub id: ID,
}

/// Waiting tickets of a group.
#[derive(SimpleObject)]
pub struct GroupWaiting {
    pub letter: String,
    pub waiting: i32,
}

/// The hall's display board.
#[derive(SimpleObject)]
pub struct QueueBoard {
    pub cnap_id: ID,
    /// Tickets called to a window, latest first.
    pub called: Vec<Visit>,
    pub waiting: Vec<GroupWaiting>,
    pub at: DateTime<Utc>,
}

impl From<Board> for QueueBoard {
    fn from(b: Board) -> Self {
        QueueBoard {
            cnap_id: b.cnap_id.into(),
            called: b.called.into_iter().map(Into::into).collect(),
            waiting: b
                .waiting
                .into_iter()
                .map(|(letter, n)| GroupWaiting {
                    letter,
                    waiting: i32::try_from(n).unwrap_or(i32::MAX),
                })
                .collect(),
            at: b.at,
        }
    }
}

/// What queue statistics rows are per.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum QueueStatsBy {
    Day,
    Workplace,
    Group,
    /// Each community (on the oblast's host).
    Community,
}

/// One row of queue statistics (minutes).
#[derive(SimpleObject)]
pub struct QueueStatsRow {
    /// The day, the workplace or the group.
    pub key: String,
    pub visits: i32,
    pub served: i32,
    pub no_shows: i32,
    pub wait_median_minutes: Option<f64>,
    pub wait_p90_minutes: Option<f64>,
    pub service_median_minutes: Option<f64>,
    pub service_p90_minutes: Option<f64>,
    /// Of those called, the share called within 15 minutes, in percent.
    pub waited_within_15_percent: Option<f64>,
}

impl From<stats::Row> for QueueStatsRow {
    fn from(r: stats::Row) -> Self {
        let n = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
        let round = |v: Option<f64>| v.map(|m| (m * 10.0).round() / 10.0);
        QueueStatsRow {
            key: r.key,
            visits: n(r.visits),
            served: n(r.served),
            no_shows: n(r.no_shows),
            wait_median_minutes: round(r.wait_median_min),
            wait_p90_minutes: round(r.wait_p90_min),
            service_median_minutes: round(r.service_median_min),
            service_p90_minutes: round(r.service_p90_min),
            waited_within_15_percent: r.waited_within_15_percent,
        }
    }
}

/// How the period's bookings went.
#[derive(SimpleObject)]
pub struct BookingStats {
    pub booked: i32,
    pub used: i32,
    pub no_shows: i32,
    pub cancelled: i32,
}

/// Queue statistics of a period.
#[derive(SimpleObject)]
pub struct QueueStats {
    pub rows: Vec<QueueStatsRow>,
    pub total: QueueStatsRow,
    pub bookings: BookingStats,
}

fn links(services: &Services) -> CaseLinks {
    CaseLinks {
        public_url: services.links.public_url.clone(),
    }
}

/// The booking a reference names, with the actor it implies.
fn actor(r: &BookingRef) -> Result<Actor<'_>> {
    match (&r.id, &r.token) {
        (_, Some(token)) if !token.trim().is_empty() => Ok(Actor::Link(token)),
        (Some(id), _) => Ok(Actor::Holder(uuid("booking.id", id)?)),
        _ => Err(bad_input("booking", "give its id or its link's token")),
    }
}

/// How many alternatives a taken time's error offers.
const ALTERNATIVES: usize = 5;

/// What a board subscription reads with: the pool, the community of the connection's host,
/// and the feed of changed CNAPs (community, CNAP), which the server fills from PostgreSQL's
/// notifications of `queue_visit` changes (so every server of a deployment hears every call).
pub struct BoardFeed {
    pub db: sea_orm::DatabaseConnection,
    pub tenant: Option<hromada_tenants::Tenant>,
    pub changes: tokio::sync::broadcast::Sender<(uuid::Uuid, uuid::Uuid)>,
}

async fn read_board(
    db: &sea_orm::DatabaseConnection,
    tenant: &hromada_tenants::Tenant,
    cnap: uuid::Uuid,
) -> Result<QueueBoard> {
    let tx = hromada_tenants::TenantTx::begin_read_only(
        db,
        Some((tenant.clone(), hromada_tenants::TenantSource::Host)),
        None,
        None,
        hromada_tenants::Planning::Auto,
    )
    .await
    .gql()?;
    let board = live::board(tx.conn(), tenant.id, cnap).await.gql()?;
    tx.rollback().await.gql()?;
    Ok(board.into())
}

#[derive(Default)]
pub struct QueueSubscription;

#[async_graphql::Subscription]
impl QueueSubscription {
    /// The hall's display board now, and again after every call, check-in or finished visit
    /// at the CNAP (connect to `/graphql/ws` on the community's host, `graphql-transport-ws`).
    async fn queue_board(
        &self,
        ctx: &Context<'_>,
        cnap_id: ID,
    ) -> Result<impl futures_util::Stream<Item = Result<QueueBoard>> + use<>> {
        let cnap = uuid("cnapId", &cnap_id)?;
        let feed = ctx.data::<BoardFeed>()?;
        let tenant = feed
            .tenant
            .clone()
            .ok_or_else(|| to_gql(DomainError::NotFound("community of this host".into())))?;
        let db = feed.db.clone();
        let first = read_board(&db, &tenant, cnap).await?;
        let changes = feed.changes.subscribe();
        let later = futures_util::stream::unfold(changes, move |mut changes| {
            let (db, tenant) = (db.clone(), tenant.clone());
            async move {
                loop {
                    match changes.recv().await {
                        Ok((t, c)) if t == tenant.id && c == cnap => break,
                        Ok(_) => continue,
                        // Missed changes: read the board anyway.
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => break,
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                    }
                }
                Some((read_board(&db, &tenant, cnap).await, changes))
            }
        });
        Ok(futures_util::StreamExt::chain(
            futures_util::stream::once(async move { Ok(first) }),
            later,
        ))
    }
}

#[derive(Default)]
pub struct QueueQuery;

#[Object]
impl QueueQuery {
    /// The queue configuration of a CNAP (public: it names only windows and groups).
    async fn queue_settings(&self, ctx: &Context<'_>, cnap_id: ID) -> Result<QueueSettings> {
        let cnap = uuid("cnapId", &cnap_id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        hromada_tenants::cnap::directory::get(tx.conn(), tenant, cnap)
            .await
            .gql()?;
        Ok(settings::get(tx.conn(), tenant, cnap).await.gql()?.into())
    }

    /// The free times for a service at a CNAP, day by day (public; at most 92 days).
    async fn available_slots(
        &self,
        ctx: &Context<'_>,
        cnap_id: ID,
        service_id: ID,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<SlotDay>> {
        let cnap = uuid("cnapId", &cnap_id)?;
        let service = uuid("serviceId", &service_id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        Ok(
            slots::available(tx.conn(), tenant, cnap, service, from, to, Utc::now())
                .await
                .gql()?
                .into_iter()
                .map(|(date, slots)| SlotDay {
                    date,
                    slots: slots.into_iter().map(Into::into).collect(),
                })
                .collect(),
        )
    }

    /// The community's CNAPs that take a service in their queue, nearest first when a point
    /// is given, each with its first free time.
    async fn next_free_slots(
        &self,
        ctx: &Context<'_>,
        service_id: ID,
        near: Option<PointInput>,
    ) -> Result<Vec<NextFreeSlot>> {
        let service = uuid("serviceId", &service_id)?;
        if let Some(p) = &near
            && !((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon))
        {
            return Err(bad_input("near", "is not a point on Earth"));
        }
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        let now = Utc::now();
        let places = slots::places_of(tx.conn(), tenant, service, near.map(|p| (p.lat, p.lon)))
            .await
            .gql()?;
        let mut out = Vec::with_capacity(places.len());
        for p in places {
            let slot = slots::first_free(tx.conn(), tenant, p.cnap_id, service, now)
                .await
                .gql()?;
            out.push(NextFreeSlot {
                cnap_id: p.cnap_id.into(),
                cnap_name_uk: p.name_uk,
                cnap_name_en: p.name_en,
                address_uk: p.address_uk,
                distance_meters: p.distance_m,
                slot: slot.map(Into::into),
            });
        }
        Ok(out)
    }

    /// The signed-in applicant's bookings in this community.
    async fn my_bookings(&self, ctx: &Context<'_>) -> Result<Vec<Booking>> {
        let guard = lock_tx(ctx).await?;
        Ok(booking::mine(guard.tx()?)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// A booking by its link's secret (the page the confirmation links to).
    async fn booking_by_token(&self, ctx: &Context<'_>, token: String) -> Result<Booking> {
        let guard = lock_tx(ctx).await?;
        Ok(booking::by_token(guard.tx()?, &token).await.gql()?.into())
    }

    /// What the hall's display shows now (public).
    async fn queue_board(&self, ctx: &Context<'_>, cnap_id: ID) -> Result<QueueBoard> {
        let cnap = uuid("cnapId", &cnap_id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        Ok(live::board(tx.conn(), tenant, cnap).await.gql()?.into())
    }

    /// Waiting and service times, no-shows and bookings used (the CNAP's head; on the oblast's
    /// host, its administration over every community; at most a year).
    async fn queue_stats(
        &self,
        ctx: &Context<'_>,
        cnap_id: Option<ID>,
        from: NaiveDate,
        to: NaiveDate,
        #[graphql(default_with = "QueueStatsBy::Day")] by: QueueStatsBy,
    ) -> Result<QueueStats> {
        let services = ctx.data::<Services>()?;
        let cnap = cnap_id.as_ref().map(|c| uuid("cnapId", c)).transpose()?;
        let by = match by {
            QueueStatsBy::Day => By::Day,
            QueueStatsBy::Workplace => By::Workplace,
            QueueStatsBy::Group => By::Group,
            QueueStatsBy::Community => By::Community,
        };
        let guard = lock_tx(ctx).await?;
        let s = stats::stats(guard.tx()?, &services.authz, cnap, from, to, by)
            .await
            .gql()?;
        let n = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
        Ok(QueueStats {
            rows: s.rows.into_iter().map(Into::into).collect(),
            total: s.total.into(),
            bookings: BookingStats {
                booked: n(s.bookings.booked),
                used: n(s.bookings.used),
                no_shows: n(s.bookings.no_shows),
                cancelled: n(s.bookings.cancelled),
            },
        })
    }
}

#[derive(Default)]
pub struct QueueMutation;

#[Object]
impl QueueMutation {
    /// Replaces a CNAP's queue configuration; bookings the change leaves without a time move
    /// to the nearest free one or are cancelled, and their holders are told.
    async fn update_queue_settings(
        &self,
        ctx: &Context<'_>,
        input: UpdateQueueSettingsInput,
    ) -> Result<UpdateQueueSettingsPayload> {
        let services = ctx.data::<Services>()?;
        let cnap = uuid("cnapId", &input.cnap_id)?;
        let mut workplaces = Vec::with_capacity(input.workplaces.len());
        for (i, w) in input.workplaces.into_iter().enumerate() {
            workplaces.push(WorkplaceInput {
                id: w
                    .id
                    .as_ref()
                    .map(|id| uuid(&format!("workplaces[{i}].id"), id))
                    .transpose()?,
                name_uk: w.name_uk,
                name_en: w.name_en,
                groups: w.groups,
                active: w.active,
            });
        }
        let mut queue_services = Vec::with_capacity(input.services.len());
        for (i, s) in input.services.into_iter().enumerate() {
            queue_services.push(ServiceInput {
                service_id: uuid(&format!("services[{i}].serviceId"), &s.service_id)?,
                group: s.group,
                minutes: s.minutes,
            });
        }
        let domain = SettingsInput {
            horizon_days: input.horizon_days,
            walk_in_percent: input.walk_in_percent,
            check_in_minutes: input.check_in_minutes,
            call_rule: input.call_rule.into(),
            groups: input
                .groups
                .into_iter()
                .map(|g| GroupInput {
                    letter: g.letter,
                    name_uk: g.name_uk,
                    name_en: g.name_en,
                })
                .collect(),
            workplaces,
            services: queue_services,
            version: input.version,
        };
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let saved = settings::update(tx, &services.authz, cnap, domain)
            .await
            .gql()?;
        let tenant = tx.tenant().gql()?.clone();
        let told = booking::reconcile(tx.conn(), &links(services), &tenant, cnap)
            .await
            .gql()?;
        Ok(UpdateQueueSettingsPayload {
            settings: saved.into(),
            bookings_changed: i32::try_from(told).unwrap_or(i32::MAX),
        })
    }

    /// Books a visit (the signed-in applicant). A time taken meanwhile is `CONFLICT` with the
    /// nearest free times in `extensions.alternatives`.
    async fn book_visit(
        &self,
        ctx: &Context<'_>,
        input: BookVisitInput,
    ) -> Result<BookVisitPayload> {
        let services = ctx.data::<Services>()?;
        let cnap = uuid("cnapId", &input.cnap_id)?;
        let service = uuid("serviceId", &input.service_id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let booked = booking::book_or_offer(
            tx,
            &links(services),
            BookInput {
                cnap_id: cnap,
                service_id: service,
                starts_at: input.starts_at,
                holder: Holder {
                    full_name: input.full_name,
                    email: input.email,
                    phone: input.phone,
                },
                english: input.lang == Lang::En,
            },
            ALTERNATIVES,
        )
        .await;
        match booked {
            Ok(b) => Ok(BookVisitPayload {
                booking: b.booking.into(),
                token: b.token,
            }),
            Err((e @ DomainError::Conflict(_), near)) => {
                let near: Vec<async_graphql::Value> = near
                    .into_iter()
                    .map(|s| {
                        let slot = Slot::from(s);
                        async_graphql::Value::from_json(serde_json::json!({
                            "startsAt": slot.starts_at.to_rfc3339(),
                            "endsAt": slot.ends_at.to_rfc3339(),
                            "time": slot.time,
                        }))
                        .unwrap_or_default()
                    })
                    .collect();
                Err(to_gql(e).extend_with(|_, ext| ext.set("alternatives", near.clone())))
            }
            Err((e, _)) => Err(to_gql(e)),
        }
    }

    /// Moves a booking to another free time in one step (its holder, or its link).
    async fn move_booking(
        &self,
        ctx: &Context<'_>,
        input: MoveBookingInput,
    ) -> Result<BookingPayload> {
        let services = ctx.data::<Services>()?;
        let actor = actor(&input.booking)?;
        let guard = lock_tx(ctx).await?;
        let moved = booking::move_to(guard.tx()?, &links(services), actor, input.starts_at)
            .await
            .gql()?;
        Ok(BookingPayload {
            booking: moved.into(),
        })
    }

    /// Cancels a booking (its holder, or its link).
    async fn cancel_booking(&self, ctx: &Context<'_>, input: BookingRef) -> Result<BookingPayload> {
        let services = ctx.data::<Services>()?;
        let actor = actor(&input)?;
        let guard = lock_tx(ctx).await?;
        let cancelled = booking::cancel(guard.tx()?, &links(services), actor)
            .await
            .gql()?;
        Ok(BookingPayload {
            booking: cancelled.into(),
        })
    }

    /// Issues a walk-in ticket at the kiosk (CNAP staff's session on the kiosk).
    async fn issue_ticket(
        &self,
        ctx: &Context<'_>,
        input: IssueTicketInput,
    ) -> Result<VisitPayload> {
        let services = ctx.data::<Services>()?;
        let cnap = uuid("cnapId", &input.cnap_id)?;
        let service = uuid("serviceId", &input.service_id)?;
        let guard = lock_tx(ctx).await?;
        let visit = live::issue_ticket(guard.tx()?, &services.authz, cnap, service)
            .await
            .gql()?;
        Ok(VisitPayload {
            visit: visit.into(),
        })
    }

    /// Checks a booked visitor in at the kiosk with their code.
    async fn check_in(&self, ctx: &Context<'_>, input: CheckInInput) -> Result<VisitPayload> {
        let services = ctx.data::<Services>()?;
        let cnap = uuid("cnapId", &input.cnap_id)?;
        let guard = lock_tx(ctx).await?;
        let visit = live::check_in(guard.tx()?, &services.authz, cnap, &input.code)
            .await
            .gql()?;
        Ok(VisitPayload {
            visit: visit.into(),
        })
    }

    /// Calls the next person to a workplace.
    async fn call_next(&self, ctx: &Context<'_>, input: CallNextInput) -> Result<CallNextPayload> {
        let services = ctx.data::<Services>()?;
        let workplace = uuid("workplaceId", &input.workplace_id)?;
        let guard = lock_tx(ctx).await?;
        let visit = live::call_next(guard.tx()?, &services.authz, workplace)
            .await
            .gql()?;
        Ok(CallNextPayload {
            visit: visit.map(Into::into),
        })
    }

    /// The called person came to the window.
    async fn start_visit(&self, ctx: &Context<'_>, input: VisitStepInput) -> Result<VisitPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let visit = live::start(guard.tx()?, &services.authz, id).await.gql()?;
        Ok(VisitPayload {
            visit: visit.into(),
        })
    }

    /// The visit is over.
    async fn finish_visit(&self, ctx: &Context<'_>, input: VisitStepInput) -> Result<VisitPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let visit = live::finish(guard.tx()?, &services.authz, id).await.gql()?;
        Ok(VisitPayload {
            visit: visit.into(),
        })
    }

    /// The called person did not come (only a called ticket).
    async fn mark_no_show(&self, ctx: &Context<'_>, input: VisitStepInput) -> Result<VisitPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let visit = live::no_show(guard.tx()?, &services.authz, id)
            .await
            .gql()?;
        Ok(VisitPayload {
            visit: visit.into(),
        })
    }
}
