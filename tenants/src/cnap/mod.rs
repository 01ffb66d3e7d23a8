//! The CNAP directory of a community: centers, remote workplaces and mobile visits, with
//! their hours; the working-day calendar; service providers.

pub mod calendar;
pub mod directory;
pub mod locate;
pub mod providers;
pub mod schedule;
