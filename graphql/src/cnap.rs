//! CNAP directory: `cnaps`, `remoteWorkplaces`, `createCnap`, `updateCnap`, `mobileVisits`,
//! `createMobileVisit`, `holidays`, `setCalendarDay`, `providers`, `createProvider`.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use hromada_tenants::cnap::calendar::{self, DayKind};
use hromada_tenants::cnap::directory::{
    self, Accessibility as DAccess, CnapInput as DInput, MobileVisitInput, PlaceKind as DKind,
};
use hromada_tenants::cnap::providers::{self, ProviderInput};
use hromada_tenants::cnap::schedule::{
    Break as DBreak, DayHours as DDay, HhMm, Hours, ScheduleException as DException,
    WeeklySchedule as DWeek,
};

use crate::Services;
use crate::error::{GqlResultExt, bad_input};
use crate::request::lock_tx;

fn queue_links(services: &Services) -> hromada_tenants::applications::case::CaseLinks {
    hromada_tenants::applications::case::CaseLinks {
        public_url: services.links.public_url.clone(),
    }
}

/// Parses an id argument.
pub fn uuid(field: &str, id: &ID) -> Result<uuid::Uuid> {
    id.parse().map_err(|_| bad_input(field, "is not an id"))
}

/// A center or a remote workplace.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum PlaceKind {
    Center,
    RemoteWorkplace,
}

impl From<DKind> for PlaceKind {
    fn from(k: DKind) -> Self {
        match k {
            DKind::Center => PlaceKind::Center,
            DKind::RemoteWorkplace => PlaceKind::RemoteWorkplace,
        }
    }
}

/// Accessibility for people with disabilities.
#[derive(SimpleObject, InputObject, Clone, Default)]
#[graphql(input_name = "AccessibilityInput")]
pub struct Accessibility {
    #[graphql(default)]
    pub step_free: bool,
    /// The floor of the service hall (0 or 1: ground floor).
    #[graphql(default)]
    pub floor: i32,
    #[graphql(default)]
    pub self_service_terminal: bool,
    #[graphql(default)]
    pub sign_language: bool,
}

/// A break, `HH:MM`–`HH:MM`.
#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "BreakInput")]
pub struct Break {
    pub from: String,
    pub to: String,
}

/// The hours of one day, `HH:MM` in Kyiv time.
#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "DayHoursInput")]
pub struct DayHours {
    pub open: String,
    pub close: String,
    #[graphql(default)]
    pub breaks: Vec<Break>,
}

/// The regular week; a missing day is closed.
#[derive(SimpleObject, InputObject, Clone, Default)]
#[graphql(input_name = "WeeklyScheduleInput")]
pub struct WeeklySchedule {
    pub mon: Option<DayHours>,
    pub tue: Option<DayHours>,
    pub wed: Option<DayHours>,
    pub thu: Option<DayHours>,
    pub fri: Option<DayHours>,
    pub sat: Option<DayHours>,
    pub sun: Option<DayHours>,
}

/// A dated change of hours; no `hours` means closed.
#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "ScheduleExceptionInput")]
pub struct ScheduleException {
    pub date: NaiveDate,
    pub hours: Option<DayHours>,
    #[graphql(default)]
    pub note: String,
}

fn day_to_domain(field: &str, d: &DayHours) -> Result<DDay> {
    let t = |f: &str, v: &str| HhMm::parse(&format!("{field}.{f}"), v).gql();
    Ok(DDay {
        open: t("open", &d.open)?,
        close: t("close", &d.close)?,
        breaks: d
            .breaks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                Ok(DBreak {
                    from: t(&format!("breaks[{i}].from"), &b.from)?,
                    to: t(&format!("breaks[{i}].to"), &b.to)?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

fn day_from_domain(d: &DDay) -> DayHours {
    DayHours {
        open: d.open.to_string(),
        close: d.close.to_string(),
        breaks: d
            .breaks
            .iter()
            .map(|b| Break {
                from: b.from.to_string(),
                to: b.to.to_string(),
            })
            .collect(),
    }
}

fn hours_to_domain(week: &WeeklySchedule, exceptions: &[ScheduleException]) -> Result<Hours> {
    let d = |name: &str, day: &Option<DayHours>| {
        day.as_ref()
            .map(|h| day_to_domain(&format!("schedule.{name}"), h))
            .transpose()
    };
    Ok(Hours {
        week: DWeek {
            mon: d("mon", &week.mon)?,
            tue: d("tue", &week.tue)?,
            wed: d("wed", &week.wed)?,
            thu: d("thu", &week.thu)?,
            fri: d("fri", &week.fri)?,
            sat: d("sat", &week.sat)?,
            sun: d("sun", &week.sun)?,
        },
        exceptions: exceptions
            .iter()
            .enumerate()
            .map(|(i, e)| {
                Ok(DException {
                    date: e.date,
                    hours: e
                        .hours
                        .as_ref()
                        .map(|h| day_to_domain(&format!("exceptions[{i}].hours"), h))
                        .transpose()?,
                    note: e.note.clone(),
                })
            })
            .collect::<Result<_>>()?,
    })
}

fn week_from_domain(w: &DWeek) -> WeeklySchedule {
    let d = |day: &Option<DDay>| day.as_ref().map(day_from_domain);
    WeeklySchedule {
        mon: d(&w.mon),
        tue: d(&w.tue),
        wed: d(&w.wed),
        thu: d(&w.thu),
        fri: d(&w.fri),
        sat: d(&w.sat),
        sun: d(&w.sun),
    }
}

/// Whether a place is open, and when it closes or next opens.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct OpenStatus {
    pub open_now: bool,
    pub closes_at: Option<DateTime<Utc>>,
    pub next_opening: Option<DateTime<Utc>>,
}

/// The open status of `hours` at `at` (now by default).
pub fn open_status(hours: &Hours, at: Option<DateTime<Utc>>) -> OpenStatus {
    let s = hours.state_at(at.unwrap_or_else(Utc::now));
    OpenStatus {
        open_now: s.open_now,
        closes_at: s.closes_at,
        next_opening: s.next_opening,
    }
}

/// A center (ЦНАП) or a remote workplace.
pub struct Cnap(pub directory::Cnap);

#[Object]
impl Cnap {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn kind(&self) -> PlaceKind {
        self.0.kind.into()
    }
    async fn name_uk(&self) -> &str {
        &self.0.name_uk
    }
    async fn name_en(&self) -> &str {
        &self.0.name_en
    }
    async fn address_uk(&self) -> &str {
        &self.0.address_uk
    }
    async fn address_en(&self) -> &str {
        &self.0.address_en
    }
    /// Latitude, WGS 84.
    async fn lat(&self) -> f64 {
        self.0.lat
    }
    /// Longitude, WGS 84.
    async fn lon(&self) -> f64 {
        self.0.lon
    }
    async fn phone(&self) -> Option<&str> {
        self.0.phone.as_deref()
    }
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    async fn website(&self) -> Option<&str> {
        self.0.website.as_deref()
    }
    async fn accessibility(&self) -> Accessibility {
        let a = &self.0.accessibility;
        Accessibility {
            step_free: a.step_free,
            floor: a.floor,
            self_service_terminal: a.self_service_terminal,
            sign_language: a.sign_language,
        }
    }
    async fn schedule(&self) -> WeeklySchedule {
        week_from_domain(&self.0.hours.week)
    }
    async fn exceptions(&self) -> Vec<ScheduleException> {
        self.0
            .hours
            .exceptions
            .iter()
            .map(|e| ScheduleException {
                date: e.date,
                hours: e.hours.as_ref().map(day_from_domain),
                note: e.note.clone(),
            })
            .collect()
    }
    /// Open now (or at `at`), with closing and next opening times, in Europe/Kyiv hours.
    async fn status(&self, at: Option<DateTime<Utc>>) -> OpenStatus {
        open_status(&self.0.hours, at)
    }
    async fn active(&self) -> bool {
        self.0.active
    }
    /// For `updateCnap`: an edit against an older version is refused.
    async fn version(&self) -> i32 {
        self.0.version
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A center or remote workplace to create or replace.
#[derive(InputObject)]
pub struct CnapInput {
    pub kind: PlaceKind,
    pub name_uk: String,
    #[graphql(default)]
    pub name_en: String,
    pub address_uk: String,
    #[graphql(default)]
    pub address_en: String,
    pub lat: f64,
    pub lon: f64,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    #[graphql(default)]
    pub accessibility: Accessibility,
    pub schedule: WeeklySchedule,
    #[graphql(default)]
    pub exceptions: Vec<ScheduleException>,
}

impl CnapInput {
    fn into_domain(self) -> Result<DInput> {
        Ok(DInput {
            hours: hours_to_domain(&self.schedule, &self.exceptions)?,
            kind: match self.kind {
                PlaceKind::Center => DKind::Center,
                PlaceKind::RemoteWorkplace => DKind::RemoteWorkplace,
            },
            name_uk: self.name_uk,
            name_en: self.name_en,
            address_uk: self.address_uk,
            address_en: self.address_en,
            lat: self.lat,
            lon: self.lon,
            phone: self.phone,
            email: self.email,
            website: self.website,
            accessibility: DAccess {
                step_free: self.accessibility.step_free,
                floor: self.accessibility.floor,
                self_service_terminal: self.accessibility.self_service_terminal,
                sign_language: self.accessibility.sign_language,
            },
        })
    }
}

#[derive(InputObject)]
pub struct CreateCnapInput {
    pub cnap: CnapInput,
}

#[derive(InputObject)]
pub struct UpdateCnapInput {
    pub id: ID,
    /// The version read; a newer one on the server means someone else edited it.
    pub version: i32,
    #[graphql(default = true)]
    pub active: bool,
    pub cnap: CnapInput,
}

#[derive(SimpleObject)]
pub struct CnapPayload {
    pub cnap: Cnap,
}

/// A mobile CNAP visit.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct MobileVisit {
    pub id: ID,
    pub place_uk: String,
    pub place_en: String,
    pub address_uk: String,
    pub lat: f64,
    pub lon: f64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The services offered there.
    pub service_ids: Vec<ID>,
}

impl From<directory::MobileVisit> for MobileVisit {
    fn from(v: directory::MobileVisit) -> Self {
        MobileVisit {
            id: ID(v.id.to_string()),
            place_uk: v.place_uk,
            place_en: v.place_en,
            address_uk: v.address_uk,
            lat: v.lat,
            lon: v.lon,
            starts_at: v.starts_at,
            ends_at: v.ends_at,
            service_ids: v.service_ids.iter().map(|s| ID(s.to_string())).collect(),
        }
    }
}

#[derive(InputObject)]
pub struct CreateMobileVisitInput {
    pub place_uk: String,
    #[graphql(default)]
    pub place_en: String,
    pub address_uk: String,
    pub lat: f64,
    pub lon: f64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[graphql(default)]
    pub service_ids: Vec<ID>,
}

#[derive(SimpleObject)]
pub struct MobileVisitPayload {
    pub mobile_visit: MobileVisit,
}

/// Holiday or transferred working day.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum CalendarDayKind {
    Holiday,
    WorkingDay,
}

/// An entry of the working-day calendar.
#[derive(SimpleObject, Clone)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub kind: CalendarDayKind,
    pub name_uk: String,
    pub name_en: String,
    /// True when the entry is the oblast's, not the community's own.
    pub inherited: bool,
}

#[derive(InputObject)]
pub struct SetCalendarDayInput {
    pub date: NaiveDate,
    pub kind: CalendarDayKind,
    pub name_uk: String,
    #[graphql(default)]
    pub name_en: String,
}

#[derive(SimpleObject)]
pub struct SetCalendarDayPayload {
    pub day: CalendarDay,
}

/// A service provider.
#[derive(SimpleObject, Clone)]
pub struct Provider {
    pub id: ID,
    pub name_uk: String,
    pub name_en: String,
    /// EDRPOU code (8 digits).
    pub edrpou: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address_uk: String,
    pub updated_at: DateTime<Utc>,
}

impl From<providers::Provider> for Provider {
    fn from(p: providers::Provider) -> Self {
        Provider {
            id: ID(p.id.to_string()),
            name_uk: p.name_uk,
            name_en: p.name_en,
            edrpou: p.edrpou,
            phone: p.phone,
            email: p.email,
            website: p.website,
            address_uk: p.address_uk,
            updated_at: p.updated_at,
        }
    }
}

#[derive(InputObject)]
pub struct CreateProviderInput {
    pub name_uk: String,
    #[graphql(default)]
    pub name_en: String,
    pub edrpou: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    #[graphql(default)]
    pub address_uk: String,
}

#[derive(SimpleObject)]
pub struct ProviderPayload {
    pub provider: Provider,
}

#[derive(Default)]
pub struct CnapQuery;

#[Object]
impl CnapQuery {
    /// The community's centers (ЦНАП).
    async fn cnaps(&self, ctx: &Context<'_>) -> Result<Vec<Cnap>> {
        places(ctx, DKind::Center).await
    }

    /// The community's remote workplaces (віддалені робочі місця).
    async fn remote_workplaces(&self, ctx: &Context<'_>) -> Result<Vec<Cnap>> {
        places(ctx, DKind::RemoteWorkplace).await
    }

    /// Mobile CNAP visits ending after `after` (now by default), soonest first.
    async fn mobile_visits(
        &self,
        ctx: &Context<'_>,
        after: Option<DateTime<Utc>>,
    ) -> Result<Vec<MobileVisit>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        let visits = directory::mobile_visits(tx.conn(), tenant, after.unwrap_or_else(Utc::now))
            .await
            .gql()?;
        Ok(visits.into_iter().map(MobileVisit::from).collect())
    }

    /// The working-day calendar in force between two dates (at most three years).
    async fn holidays(
        &self,
        ctx: &Context<'_>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<CalendarDay>> {
        if to < from || (to - from).num_days() > 3 * 366 {
            return Err(bad_input(
                "to",
                "must be after `from` and within three years of it",
            ));
        }
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        let rows = calendar::entries(tx.conn(), tenant, from, to).await.gql()?;
        Ok(rows
            .into_iter()
            .map(|r| CalendarDay {
                date: r.day,
                kind: if r.kind == "holiday" {
                    CalendarDayKind::Holiday
                } else {
                    CalendarDayKind::WorkingDay
                },
                name_uk: r.name_uk,
                name_en: r.name_en,
                inherited: r.tenant_id != tenant,
            })
            .collect())
    }

    /// The community's service providers.
    async fn providers(&self, ctx: &Context<'_>) -> Result<Vec<Provider>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        let list = providers::list(tx.conn(), tenant).await.gql()?;
        Ok(list.into_iter().map(Provider::from).collect())
    }
}

async fn places(ctx: &Context<'_>, kind: DKind) -> Result<Vec<Cnap>> {
    let guard = lock_tx(ctx).await?;
    let tx = guard.tx()?;
    let tenant = tx.tenant().gql()?.id;
    let list = directory::list(tx.conn(), tenant, Some(kind)).await.gql()?;
    Ok(list.into_iter().map(Cnap).collect())
}

#[derive(Default)]
pub struct CnapMutation;

#[Object]
impl CnapMutation {
    /// Adds a center or remote workplace (community admin, CNAP admin or head).
    async fn create_cnap(&self, ctx: &Context<'_>, input: CreateCnapInput) -> Result<CnapPayload> {
        let services = ctx.data::<Services>()?;
        let data = input.cnap.into_domain()?;
        let guard = lock_tx(ctx).await?;
        let cnap = directory::create(guard.tx()?, &services.authz, data)
            .await
            .gql()?;
        Ok(CnapPayload { cnap: Cnap(cnap) })
    }

    /// Replaces a center's or remote workplace's data.
    async fn update_cnap(&self, ctx: &Context<'_>, input: UpdateCnapInput) -> Result<CnapPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let data = input.cnap.into_domain()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let cnap = directory::update(tx, &services.authz, id, input.version, input.active, data)
            .await
            .gql()?;
        // Bookings in hours no longer kept move or are cancelled, and their holders are told.
        let tenant = tx.tenant().gql()?.clone();
        hromada_tenants::queue::booking::reconcile(tx.conn(), &queue_links(services), &tenant, id)
            .await
            .gql()?;
        Ok(CnapPayload { cnap: Cnap(cnap) })
    }

    /// Schedules a mobile CNAP visit.
    async fn create_mobile_visit(
        &self,
        ctx: &Context<'_>,
        input: CreateMobileVisitInput,
    ) -> Result<MobileVisitPayload> {
        let services = ctx.data::<Services>()?;
        let service_ids = input
            .service_ids
            .iter()
            .map(|id| uuid("serviceIds", id))
            .collect::<Result<Vec<_>>>()?;
        let guard = lock_tx(ctx).await?;
        let visit = directory::create_mobile_visit(
            guard.tx()?,
            &services.authz,
            MobileVisitInput {
                place_uk: input.place_uk,
                place_en: input.place_en,
                address_uk: input.address_uk,
                lat: input.lat,
                lon: input.lon,
                starts_at: input.starts_at,
                ends_at: input.ends_at,
                service_ids,
            },
        )
        .await
        .gql()?;
        Ok(MobileVisitPayload {
            mobile_visit: visit.into(),
        })
    }

    /// Sets a holiday or transferred working day: the oblast's calendar, or a community's
    /// override of it.
    async fn set_calendar_day(
        &self,
        ctx: &Context<'_>,
        input: SetCalendarDayInput,
    ) -> Result<SetCalendarDayPayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        services.authz.check(tx, "calendar", "manage").await.gql()?;
        let kind = match input.kind {
            CalendarDayKind::Holiday => DayKind::Holiday,
            CalendarDayKind::WorkingDay => DayKind::WorkingDay,
        };
        calendar::set_day(tx.conn(), input.date, kind, &input.name_uk, &input.name_en)
            .await
            .gql()?;
        // A community's own holiday moves or cancels its bookings that day now; the oblast's
        // reach its communities in the queue's upkeep.
        let tenant = tx.tenant().gql()?.clone();
        hromada_tenants::queue::booking::reconcile_all(tx.conn(), &queue_links(services), &tenant)
            .await
            .gql()?;
        hromada_tenants::audit::record(
            tx,
            hromada_tenants::audit::AuditEvent {
                action: "calendar.set",
                target_type: "calendar_day",
                target_id: input.date.to_string(),
                summary: serde_json::json!({ "kind": kind.as_str(), "nameUk": input.name_uk }),
            },
        )
        .await
        .gql()?;
        Ok(SetCalendarDayPayload {
            day: CalendarDay {
                date: input.date,
                kind: input.kind,
                name_uk: input.name_uk.trim().to_owned(),
                name_en: input.name_en.trim().to_owned(),
                inherited: false,
            },
        })
    }

    /// Registers a service provider.
    async fn create_provider(
        &self,
        ctx: &Context<'_>,
        input: CreateProviderInput,
    ) -> Result<ProviderPayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let provider = providers::create(
            guard.tx()?,
            &services.authz,
            ProviderInput {
                name_uk: input.name_uk,
                name_en: input.name_en,
                edrpou: input.edrpou,
                phone: input.phone,
                email: input.email,
                website: input.website,
                address_uk: input.address_uk,
            },
        )
        .await
        .gql()?;
        Ok(ProviderPayload {
            provider: provider.into(),
        })
    }
}
