//! GIS of a community: layers of land parcels and assets in PostGIS, one validation and one
//! history for every edit, import/export, vector tiles and OGC API – Features.
//!
//! Empty until the GIS issue: the foundation only fixes its place in the dependency order
//! (`graphql → gis → tenants`).
