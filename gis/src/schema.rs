//! A layer's attribute schema: typed fields (text, number, date, enum, boolean, links),
//! required or not, and the check of a feature's attributes against it. Land-parcel and
//! asset layers carry built-in fields (the cadastral attributes; the asset kind).

use std::sync::LazyLock;

use chrono::NaiveDate;
use hromada_tenants::{DomainError, DomainResult};
use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::codes;
use crate::layer::LayerKind;

static FIELD_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z][A-Za-z0-9_]{0,62}$").expect("valid regex"));
static CADASTRAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{10}:\d{2}:\d{3}:\d{4}$").expect("valid regex"));

/// The longest text attribute accepted.
pub const MAX_TEXT: usize = 10_000;

/// The type of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Text,
    Number,
    /// `YYYY-MM-DD`.
    Date,
    /// One of the field's `options`.
    Enum,
    Boolean,
    /// A list of `{title, url}` links to documents.
    Links,
}

impl FieldType {
    /// The field's type as TileJSON `vector_layers` name it.
    pub fn mvt_type(self) -> &'static str {
        match self {
            FieldType::Number => "Number",
            FieldType::Boolean => "Boolean",
            FieldType::Text | FieldType::Date | FieldType::Enum | FieldType::Links => "String",
        }
    }
}

/// One attribute of a layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    #[serde(default)]
    pub required: bool,
    /// The allowed values of an enum field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    #[serde(default)]
    pub label_uk: String,
    #[serde(default)]
    pub label_en: String,
}

impl Field {
    fn new(name: &str, field_type: FieldType, required: bool, uk: &str, en: &str) -> Field {
        Field {
            name: name.into(),
            field_type,
            required,
            options: Vec::new(),
            label_uk: uk.into(),
            label_en: en.into(),
        }
    }
}

/// Ownership forms of the land cadastre, with the codes of the exchange file.
pub const OWNERSHIP: [(&str, &str); 3] =
    [("private", "100"), ("communal", "200"), ("state", "300")];

/// Kinds of community assets.
pub const ASSET_KINDS: [&str; 8] = [
    "building",
    "road",
    "utility_network",
    "green_area",
    "social_facility",
    "education",
    "health",
    "other",
];

/// The fields every layer of `kind` has before its own.
pub fn builtin_fields(kind: LayerKind) -> Vec<Field> {
    match kind {
        LayerKind::LandParcels => {
            let mut purpose = Field::new(
                "purposeCode",
                FieldType::Enum,
                true,
                "Цільове призначення (КВЦПЗ)",
                "Land purpose (KVTsPZ)",
            );
            purpose.options = codes::purpose_codes().map(|c| c.code.clone()).collect();
            let mut ownership = Field::new(
                "ownership",
                FieldType::Enum,
                true,
                "Форма власності",
                "Ownership",
            );
            ownership.options = OWNERSHIP.iter().map(|(o, _)| (*o).to_owned()).collect();
            vec![
                Field::new(
                    "cadastralNumber",
                    FieldType::Text,
                    true,
                    "Кадастровий номер",
                    "Cadastral number",
                ),
                purpose,
                ownership,
                Field::new(
                    "declaredAreaHa",
                    FieldType::Number,
                    false,
                    "Площа за документами, га",
                    "Declared area, ha",
                ),
                Field::new("address", FieldType::Text, false, "Адреса", "Address"),
                Field::new(
                    "documents",
                    FieldType::Links,
                    false,
                    "Документи",
                    "Documents",
                ),
            ]
        }
        LayerKind::Assets => {
            let mut kind = Field::new("assetKind", FieldType::Enum, true, "Вид об'єкта", "Kind");
            kind.options = ASSET_KINDS.iter().map(|k| (*k).to_owned()).collect();
            vec![
                kind,
                Field::new("name", FieldType::Text, false, "Назва", "Name"),
            ]
        }
        LayerKind::Custom => Vec::new(),
    }
}

/// The attribute schema of a layer: built-in fields first, then the layer's own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Schema(pub Vec<Field>);

impl Schema {
    /// The layer's own fields, checked: names valid and unique, not shadowing a built-in
    /// field, enums with options.
    pub fn own(kind: LayerKind, fields: Vec<Field>) -> DomainResult<Schema> {
        let builtin = builtin_fields(kind);
        let mut seen: Vec<&str> = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            let at = format!("attributeSchema[{i}]");
            if !FIELD_NAME.is_match(&f.name) {
                return Err(DomainError::invalid(
                    format!("{at}.name"),
                    "must start with a Latin letter and hold only letters, digits and _ (at most 63)",
                ));
            }
            if builtin.iter().any(|b| b.name == f.name) {
                return Err(DomainError::invalid(
                    format!("{at}.name"),
                    format!("'{}' is a built-in field of this kind of layer", f.name),
                ));
            }
            if seen.contains(&f.name.as_str()) {
                return Err(DomainError::invalid(
                    format!("{at}.name"),
                    format!("'{}' is defined twice", f.name),
                ));
            }
            seen.push(&f.name);
            if f.field_type == FieldType::Enum && f.options.is_empty() {
                return Err(DomainError::invalid(
                    format!("{at}.options"),
                    "an enum field needs at least one option",
                ));
            }
            if f.field_type != FieldType::Enum && !f.options.is_empty() {
                return Err(DomainError::invalid(
                    format!("{at}.options"),
                    "only enum fields have options",
                ));
            }
        }
        if fields.len() > 100 {
            return Err(DomainError::invalid(
                "attributeSchema",
                "at most 100 fields",
            ));
        }
        Ok(Schema(fields))
    }

    /// Every field of a layer of `kind` with these own fields.
    pub fn full(kind: LayerKind, own: &Schema) -> Schema {
        let mut fields = builtin_fields(kind);
        fields.extend(own.0.iter().cloned());
        Schema(fields)
    }

    /// Checks `attrs` against the schema and returns them normalised (nulls dropped).
    /// Errors name `<prefix>.<field>`.
    pub fn check(
        &self,
        prefix: &str,
        attrs: &Map<String, Value>,
    ) -> DomainResult<Map<String, Value>> {
        let mut out = Map::new();
        for (name, value) in attrs {
            let Some(field) = self.0.iter().find(|f| &f.name == name) else {
                return Err(DomainError::invalid(
                    format!("{prefix}.{name}"),
                    "is not a field of this layer",
                ));
            };
            if value.is_null() {
                continue;
            }
            out.insert(
                name.clone(),
                check_value(&format!("{prefix}.{name}"), field, value)?,
            );
        }
        for field in self.0.iter().filter(|f| f.required) {
            if !out.contains_key(&field.name) {
                return Err(DomainError::invalid(
                    format!("{prefix}.{}", field.name),
                    "is required",
                ));
            }
        }
        Ok(out)
    }
}

fn check_value(at: &str, field: &Field, value: &Value) -> DomainResult<Value> {
    let wrong = |what: &str| DomainError::invalid(at, format!("must be {what}"));
    match field.field_type {
        FieldType::Text => {
            let s = value.as_str().ok_or_else(|| wrong("text"))?.trim();
            if s.chars().count() > MAX_TEXT {
                return Err(wrong("at most 10000 characters"));
            }
            hromada_tenants::validate::no_bidi_controls(at, s)?;
            if field.name == "cadastralNumber" && !CADASTRAL.is_match(s) {
                return Err(DomainError::invalid(
                    at,
                    format!("'{s}' is not a cadastral number (NNNNNNNNNN:NN:NNN:NNNN)"),
                ));
            }
            Ok(Value::String(s.to_owned()))
        }
        FieldType::Number => {
            let n = value
                .as_f64()
                .filter(|n| n.is_finite())
                .ok_or_else(|| wrong("a number"))?;
            if field.name == "declaredAreaHa" && n <= 0.0 {
                return Err(wrong("a positive area in hectares"));
            }
            Ok(value.clone())
        }
        FieldType::Date => {
            let s = value.as_str().ok_or_else(|| wrong("a date YYYY-MM-DD"))?;
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| wrong("a date YYYY-MM-DD"))?;
            Ok(value.clone())
        }
        FieldType::Enum => {
            let s = value.as_str().ok_or_else(|| wrong("text"))?;
            if field.options.iter().any(|o| o == s) {
                Ok(value.clone())
            } else if field.name == "purposeCode" {
                Err(DomainError::invalid(
                    at,
                    format!("'{s}' is not a code of the land-purpose classifier (КВЦПЗ)"),
                ))
            } else {
                Err(DomainError::invalid(
                    at,
                    format!("'{s}' is not one of: {}", field.options.join(", ")),
                ))
            }
        }
        FieldType::Boolean => value
            .as_bool()
            .map(Value::Bool)
            .ok_or_else(|| wrong("true or false")),
        FieldType::Links => {
            let items = value
                .as_array()
                .ok_or_else(|| wrong("a list of {title, url}"))?;
            for (i, item) in items.iter().enumerate() {
                let title = item
                    .get("title")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let link = item.get("url").and_then(Value::as_str).unwrap_or_default();
                if title.trim().is_empty() {
                    return Err(DomainError::invalid(
                        format!("{at}[{i}].title"),
                        "is required",
                    ));
                }
                let parsed = url::Url::parse(link)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https"));
                if parsed.is_none() {
                    return Err(DomainError::invalid(
                        format!("{at}[{i}].url"),
                        "must be an http(s) URL",
                    ));
                }
            }
            Ok(value.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parcels() -> Schema {
        Schema::full(LayerKind::LandParcels, &Schema::default())
    }

    fn attrs(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn a_parcel_needs_valid_cadastral_attributes() {
        let ok = attrs(json!({"cadastralNumber": "1210100000:01:001:0001",
                              "purposeCode": "02.01", "ownership": "private"}));
        assert!(parcels().check("attributes", &ok).is_ok());
        for (bad, field) in [
            (
                json!({"cadastralNumber": "12101:01:001:0001", "purposeCode": "02.01", "ownership": "private"}),
                "attributes.cadastralNumber",
            ),
            (
                json!({"cadastralNumber": "1210100000:01:001:0001", "purposeCode": "99.01", "ownership": "private"}),
                "attributes.purposeCode",
            ),
            (
                json!({"cadastralNumber": "1210100000:01:001:0001", "purposeCode": "02.01"}),
                "attributes.ownership",
            ),
            (
                json!({"cadastralNumber": "1210100000:01:001:0001", "purposeCode": "02.01",
                    "ownership": "private", "declaredAreaHa": "big"}),
                "attributes.declaredAreaHa",
            ),
            (
                json!({"cadastralNumber": "1210100000:01:001:0001", "purposeCode": "02.01",
                    "ownership": "private", "colour": "red"}),
                "attributes.colour",
            ),
        ] {
            match parcels().check("attributes", &attrs(bad)) {
                Err(DomainError::Invalid { field: f, .. }) => assert_eq!(f, field),
                other => panic!("expected an error on {field}, got {other:?}"),
            }
        }
    }

    #[test]
    fn own_fields_are_checked_by_type() {
        let own = Schema::own(
            LayerKind::Custom,
            vec![
                Field::new("opened", FieldType::Date, false, "", ""),
                Field::new("height", FieldType::Number, true, "", ""),
            ],
        )
        .unwrap();
        assert!(
            own.check("a", &attrs(json!({"height": 3.5, "opened": "2024-02-29"})))
                .is_ok()
        );
        assert!(
            own.check("a", &attrs(json!({"height": 3.5, "opened": "2023-02-29"})))
                .is_err()
        );
        assert!(
            own.check("a", &attrs(json!({"opened": "2024-01-01"})))
                .is_err()
        );
        assert!(
            Schema::own(
                LayerKind::LandParcels,
                vec![Field::new("ownership", FieldType::Text, false, "", "")]
            )
            .is_err()
        );
    }
}
