//! End-to-end tests against the real server, PostgreSQL + PostGIS and a real SMTP server.

mod accounts;
mod applications;
mod audit;
mod catalog;
mod connections;
mod console;
mod gis;
mod gis_io;
mod hardening;
mod isolation;
mod mail;
mod map;
mod map_clients;
mod ogc;
mod ops;
mod portal;
mod queue;
mod site;
mod sms;
mod tenants;
mod tiles;
