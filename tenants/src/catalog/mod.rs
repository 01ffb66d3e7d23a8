//! The service catalog: information cards, the oblast's standard catalog, community adoption,
//! publishing into the public projection, the regional single-window search, coverage.

pub mod card;
pub mod coverage;
pub mod public;
pub mod search;
pub mod service;
pub mod situations;
pub mod standard;
