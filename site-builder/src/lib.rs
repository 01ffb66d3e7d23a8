//! A community's website: pages of typed blocks, menus, themes, news and media, rendered on
//! the server to accessible HTML.
//!
//! Empty until the site-builder issue: the foundation only fixes its place in the dependency
//! order (`graphql → site-builder → tenants`).
