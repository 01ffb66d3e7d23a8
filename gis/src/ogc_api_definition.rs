//! The OpenAPI 3.0 definition of a community's OGC API – Features endpoint: what the landing
//! page's `service-desc` link points to (OGC API – Features Part 1 requires one, and QGIS opens
//! no collection without it: it reads the items' `limit` bounds from here), and a readable HTML
//! page of the same for `service-doc`.
//!
//! Built as a JSON value from the base URL, like the other OGC documents of [`crate::ogc`];
//! the paths are the generic ones of the standard (`{collectionId}`, `{featureId}`), so the
//! document does not change when a layer is added.

use serde_json::{Value, json};

use crate::ogc::{DEFAULT_LIMIT, MAX_LIMIT, crs_list};

/// The media type of the definition, as OGC API – Features names it.
pub const MEDIA_TYPE: &str = "application/vnd.oai.openapi+json;version=3.0";

fn response(description: &str, media: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { media: { "schema": schema } } })
}

fn exception() -> Value {
    response(
        "An OGC exception naming the parameter at fault",
        "application/json",
        json!({ "$ref": "#/components/schemas/exception" }),
    )
}

/// The OpenAPI document of the endpoint at `base` (`…/ogc/{community}`).
pub fn definition(base: &str, title: &str) -> Value {
    let param = |name: &str| json!({ "$ref": format!("#/components/parameters/{name}") });
    let any_object = json!({ "type": "object" });
    let geojson = "application/geo+json";
    let feature_body = json!({
        "required": true,
        "content": { geojson: { "schema": any_object } },
    });
    let changed = json!({
        "200": response("The feature as stored, with its new ETag", geojson, any_object.clone()),
        "400": exception(), "401": exception(), "403": exception(), "404": exception(),
        "412": exception(),
    });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": title,
            "version": "1.0.0",
            "description": "OGC API – Features (Parts 1, 2 and 4) of the community's map layers. \
                Reading public layers needs no account; internal layers and edits need a bearer \
                token or HTTP Basic with an application password.",
        },
        "servers": [{ "url": base }],
        "security": [{}, { "bearer": [] }, { "basic": [] }],
        "paths": {
            "/": { "get": {
                "summary": "Landing page", "operationId": "getLandingPage",
                "responses": { "200": response("Links to the API", "application/json", any_object.clone()) },
            }},
            "/conformance": { "get": {
                "summary": "Conformance classes", "operationId": "getConformanceDeclaration",
                "responses": { "200": response("The classes implemented", "application/json", any_object.clone()) },
            }},
            "/collections": { "get": {
                "summary": "The layers", "operationId": "getCollections",
                "responses": { "200": response("The layers the caller may read", "application/json", any_object.clone()) },
            }},
            "/collections/{collectionId}": { "get": {
                "summary": "One layer", "operationId": "describeCollection",
                "parameters": [param("collectionId")],
                "responses": {
                    "200": response("The layer", "application/json", any_object.clone()),
                    "404": exception(),
                },
            }},
            "/collections/{collectionId}/items": {
                "get": {
                    "summary": "Features of a layer", "operationId": "getFeatures",
                    "parameters": [param("collectionId"), param("limit"), param("bbox"),
                                   param("bbox-crs"), param("crs"), param("next")],
                    "responses": {
                        "200": response("A page of features (a `next` link when more follow)", geojson, any_object.clone()),
                        "400": exception(), "404": exception(),
                    },
                },
                "post": {
                    "summary": "Creates a feature", "operationId": "createFeature",
                    "parameters": [param("collectionId"), param("Content-Crs")],
                    "requestBody": feature_body,
                    "responses": {
                        "201": response("The feature created; Location names it", geojson, any_object.clone()),
                        "400": exception(), "401": exception(), "403": exception(), "404": exception(),
                    },
                },
            },
            "/collections/{collectionId}/items/{featureId}": {
                "get": {
                    "summary": "One feature", "operationId": "getFeature",
                    "parameters": [param("collectionId"), param("featureId"), param("crs")],
                    "responses": {
                        "200": response("The feature, with its ETag", geojson, any_object.clone()),
                        "404": exception(),
                    },
                },
                "put": {
                    "summary": "Replaces a feature", "operationId": "replaceFeature",
                    "parameters": [param("collectionId"), param("featureId"), param("If-Match"), param("Content-Crs")],
                    "requestBody": feature_body,
                    "responses": changed,
                },
                "patch": {
                    "summary": "Updates a feature (JSON Merge Patch)", "operationId": "updateFeature",
                    "parameters": [param("collectionId"), param("featureId"), param("If-Match"), param("Content-Crs")],
                    "requestBody": { "required": true, "content": { "application/merge-patch+json": { "schema": any_object } } },
                    "responses": changed,
                },
                "delete": {
                    "summary": "Deletes a feature (kept in its history)", "operationId": "deleteFeature",
                    "parameters": [param("collectionId"), param("featureId"), param("If-Match")],
                    "responses": {
                        "204": { "description": "Deleted" },
                        "401": exception(), "403": exception(), "404": exception(), "412": exception(),
                    },
                },
            },
        },
        "components": {
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer" },
                "basic": { "type": "http", "scheme": "basic",
                           "description": "An e-mail address and an application password (map access only)" },
            },
            "parameters": {
                "collectionId": { "name": "collectionId", "in": "path", "required": true,
                                  "description": "The layer's id", "schema": { "type": "string" } },
                "featureId": { "name": "featureId", "in": "path", "required": true,
                               "schema": { "type": "string", "format": "uuid" } },
                "limit": { "name": "limit", "in": "query", "required": false, "style": "form", "explode": false,
                           "schema": { "type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT } },
                "bbox": { "name": "bbox", "in": "query", "required": false, "style": "form", "explode": false,
                          "schema": { "type": "array", "minItems": 4, "maxItems": 6, "items": { "type": "number" } } },
                "bbox-crs": { "name": "bbox-crs", "in": "query", "required": false,
                              "schema": { "type": "string", "format": "uri", "enum": crs_list() } },
                "crs": { "name": "crs", "in": "query", "required": false,
                         "schema": { "type": "string", "format": "uri", "enum": crs_list() } },
                "next": { "name": "next", "in": "query", "required": false,
                          "description": "The cursor of the next page, from a `next` link",
                          "schema": { "type": "string" } },
                "Content-Crs": { "name": "Content-Crs", "in": "header", "required": false,
                                 "schema": { "type": "string" } },
                "If-Match": { "name": "If-Match", "in": "header", "required": false,
                              "description": "The feature's ETag: the change is refused (412) when it is stale",
                              "schema": { "type": "string" } },
            },
            "schemas": {
                "exception": { "type": "object", "required": ["code"],
                               "properties": { "code": { "type": "string" }, "description": { "type": "string" } } },
            },
        },
    })
}

/// The definition as a page a person reads (`service-doc`): each path and its operations.
pub fn page(base: &str, title: &str) -> String {
    let doc = definition(base, title);
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut rows = String::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, operations) in paths {
            for (method, op) in operations.as_object().into_iter().flatten() {
                rows += &format!(
                    "<tr><td><code>{}</code></td><td><code>{}{}</code></td><td>{}</td></tr>",
                    method.to_uppercase(),
                    escape(base),
                    escape(path),
                    escape(op["summary"].as_str().unwrap_or_default())
                );
            }
        }
    }
    format!(
        "<!doctype html><html lang=\"uk\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>OGC API – Features: {title}</title></head><body><main>\
         <h1>OGC API – Features: {title}</h1>\
         <p lang=\"uk\">Шари карти громади для QGIS, GDAL та інших клієнтів OGC. Публічні шари \
         читаються без облікового запису; внутрішні шари та редагування — з токеном або \
         паролем застосунку (HTTP Basic).</p>\
         <p>The community's map layers for QGIS, GDAL and any OGC client. Public layers need no \
         account; internal layers and edits need a token or an application password (HTTP \
         Basic). The machine-readable definition: <a href=\"{base}/api\">{base}/api</a>.</p>\
         <table><caption>Операції / Operations</caption><thead><tr><th scope=\"col\">Метод / \
         Method</th><th scope=\"col\">Адреса / Path</th><th scope=\"col\">Що робить / What it \
         does</th></tr></thead><tbody>{rows}</tbody></table></main></body></html>",
        title = escape(title),
        base = escape(base),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_names_every_operation_and_resolves_its_parameters() {
        let doc = definition("https://x.example/ogc/petrykivska", "Петриківська");
        assert_eq!(doc["openapi"], "3.0.3");
        let mut operations = Vec::new();
        for (_, methods) in doc["paths"].as_object().expect("paths") {
            for (_, op) in methods.as_object().expect("methods") {
                operations.push(op["operationId"].as_str().expect("id").to_owned());
                for p in op["parameters"].as_array().into_iter().flatten() {
                    let name = p["$ref"]
                        .as_str()
                        .and_then(|r| r.strip_prefix("#/components/parameters/"))
                        .expect("a reference");
                    assert!(doc["components"]["parameters"][name].is_object(), "{name}");
                }
            }
        }
        assert_eq!(operations.len(), 10, "{operations:?}");
        let limit = &doc["components"]["parameters"]["limit"]["schema"];
        assert_eq!(limit["maximum"], MAX_LIMIT);
        assert_eq!(limit["default"], DEFAULT_LIMIT);
        let html = page("https://x.example/ogc/a", "<b>");
        assert!(html.contains("&lt;b&gt;") && !html.contains("<b>"));
        assert_eq!(html.matches("<tr><td>").count(), 10);
    }
}
