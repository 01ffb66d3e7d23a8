//! The base map under every map of the platform (a community's `/map`, the portal's CNAP
//! map): a MapLibre style URL, or an XYZ raster template with its attribution. None by
//! default: the maps then draw only this server's layers and pages fetch nothing from
//! elsewhere. When one is set, the pages' Content-Security-Policy opens to its origin only.

use serde_json::{Value, json};

use crate::config::ConfigError;

/// A configured base map: what the map scripts read, and the origin the policy opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    /// `{"style": url}` for a MapLibre style document, whose sources, sprites and glyphs must
    /// come from the same origin; `{"tiles": [template], "attribution"}` for raster tiles.
    pub client_config: Value,
    /// `https://tile.openstreetmap.org`, as a CSP source.
    pub origin: String,
}

impl Basemap {
    /// Reads `basemap_style` and `basemap_attribution`: a template holds `{z}`, `{x}` and
    /// `{y}`; anything else is a style URL. A raster template must name its attribution (the
    /// tiles' licence asks for it); a style carries its own.
    pub fn parse(
        style: Option<&str>,
        attribution: Option<&str>,
    ) -> Result<Option<Basemap>, ConfigError> {
        let Some(style) = style.map(str::trim).filter(|s| !s.is_empty()) else {
            return Ok(None);
        };
        let placeholders = ["{z}", "{x}", "{y}"].map(|p| style.contains(p));
        let concrete = style
            .replace("{z}", "0")
            .replace("{x}", "0")
            .replace("{y}", "0");
        let url = url::Url::parse(&concrete)
            .map_err(|e| ConfigError(format!("basemap_style: not a URL ({e})")))?;
        if !matches!(url.scheme(), "https" | "http") || url.host_str().is_none() {
            return Err(ConfigError(
                "basemap_style: must be an http(s) URL of a style or of {z}/{x}/{y} tiles".into(),
            ));
        }
        let client_config = if placeholders.iter().any(|p| *p) {
            if !placeholders.iter().all(|p| *p) {
                return Err(ConfigError(
                    "basemap_style: a tile template needs all of {z}, {x} and {y}".into(),
                ));
            }
            let attribution = attribution
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .ok_or_else(|| {
                    ConfigError(
                        "basemap_attribution: required with a raster tile template \
                         (e.g. \"© OpenStreetMap contributors\")"
                            .into(),
                    )
                })?;
            json!({ "tiles": [style], "attribution": attribution })
        } else {
            json!({ "style": style })
        };
        Ok(Some(Basemap {
            client_config,
            origin: url.origin().ascii_serialization(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_by_default_a_template_or_a_style_when_set() {
        assert_eq!(Basemap::parse(None, None).unwrap(), None);
        assert_eq!(Basemap::parse(Some("  "), None).unwrap(), None);
        let raster = Basemap::parse(
            Some("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            Some("© OpenStreetMap contributors"),
        )
        .unwrap()
        .unwrap();
        assert_eq!(raster.origin, "https://tile.openstreetmap.org");
        assert_eq!(
            raster.client_config["tiles"][0],
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        );
        let style = Basemap::parse(Some("http://127.0.0.1:9000/style.json"), None)
            .unwrap()
            .unwrap();
        assert_eq!(style.origin, "http://127.0.0.1:9000");
        assert_eq!(
            style.client_config["style"],
            "http://127.0.0.1:9000/style.json"
        );
    }

    #[test]
    fn a_bad_base_map_names_its_key() {
        for (style, attribution, key) in [
            ("tile.example/{z}/{x}/{y}.png", Some("x"), "basemap_style"),
            (
                "ftp://tile.example/{z}/{x}/{y}.png",
                Some("x"),
                "basemap_style",
            ),
            (
                "https://tile.example/{z}/{x}.png",
                Some("x"),
                "basemap_style",
            ),
            (
                "https://tile.example/{z}/{x}/{y}.png",
                None,
                "basemap_attribution",
            ),
            ("javascript:alert(1)", None, "basemap_style"),
        ] {
            let err = Basemap::parse(Some(style), attribution).unwrap_err();
            assert!(err.0.starts_with(key), "{style}: {err}");
        }
    }
}
