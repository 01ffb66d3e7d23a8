//! The e-queue of a CNAP: its configuration ([`settings`]), the free times derived from its
//! hours ([`slots`]), booked visits ([`booking`]), the live queue at the counters ([`live`])
//! and its statistics ([`stats`]).

pub mod booking;
pub mod live;
pub mod settings;
pub mod slots;
pub mod stats;
pub mod upkeep;
