//! The SMS gateway over HTTP: a POST of a JSON body made from a template to the gateway's URL,
//! as most Ukrainian SMS services (TurboSMS, SMS Club, Kyivstar's and lifecell's business
//! APIs) take it. The template is any JSON with `{{to}}` and `{{text}}` placeholders in its
//! strings; an `Authorization` header is sent when a token is configured. A 2xx answer is
//! "accepted" (its `id`, `message_id` or `messageId` is kept, if any); anything else, or no
//! answer within 10 s, is an error to retry later. `reqwest` with rustls does the HTTP.

use std::time::Duration;

use hromada_tenants::notify::{Accepted, Sms, SmsGateway};
use serde_json::Value;

/// Where SMS go when no gateway is configured: one JSON file per message in a directory (the
/// demo's and a developer's "phone", as `.eml` files are their mailbox).
pub struct FileSmsGateway {
    dir: std::path::PathBuf,
}

impl FileSmsGateway {
    pub fn new(dir: std::path::PathBuf) -> FileSmsGateway {
        FileSmsGateway { dir }
    }
}

#[async_trait::async_trait]
impl SmsGateway for FileSmsGateway {
    async fn send(&self, sms: &Sms) -> Result<Accepted, String> {
        tokio::fs::create_dir_all(&self.dir)
            .await
            .map_err(|e| format!("sms dir: {e}"))?;
        let id = uuid::Uuid::new_v4().to_string();
        let body = serde_json::json!({"to": sms.to, "text": sms.text});
        tokio::fs::write(self.dir.join(format!("{id}.json")), body.to_string())
            .await
            .map_err(|e| format!("sms file: {e}"))?;
        Ok(Accepted {
            gateway_id: Some(id),
        })
    }
}

/// The gateway the configuration names: HTTP when `sms_url` is set, files otherwise.
pub fn gateway(config: &crate::config::Config) -> Result<std::sync::Arc<dyn SmsGateway>, String> {
    match config.sms_url.as_deref().filter(|u| !u.is_empty()) {
        Some(url) => Ok(std::sync::Arc::new(HttpSmsGateway::new(
            url,
            &config.sms_body_template,
            config.sms_token.clone(),
        )?)),
        None => Ok(std::sync::Arc::new(FileSmsGateway::new(
            config.sms_dir.clone(),
        ))),
    }
}

/// A gateway reached over HTTP.
pub struct HttpSmsGateway {
    client: reqwest::Client,
    url: String,
    template: Value,
    token: Option<String>,
}

impl HttpSmsGateway {
    /// A gateway at `url` whose body is `template` (JSON text with `{{to}}` and `{{text}}`).
    pub fn new(url: &str, template: &str, token: Option<String>) -> Result<HttpSmsGateway, String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("sms_url: {e}"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err("sms_url: must be an http(s) URL".into());
        }
        let template: Value =
            serde_json::from_str(template).map_err(|e| format!("sms_body_template: {e}"))?;
        let rendered = render(&template, "+380000000000", "x");
        if rendered == template {
            return Err("sms_body_template: names neither {{to}} nor {{text}}".into());
        }
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| format!("sms client: {e}"))?;
        Ok(HttpSmsGateway {
            client,
            url: url.to_owned(),
            template,
            token,
        })
    }
}

/// `template` with `{{to}}` and `{{text}}` replaced in every string (JSON escaping is
/// serde_json's: a quote in the text cannot break out of its string).
fn render(template: &Value, to: &str, text: &str) -> Value {
    match template {
        Value::String(s) => Value::String(s.replace("{{to}}", to).replace("{{text}}", text)),
        Value::Array(items) => Value::Array(items.iter().map(|v| render(v, to, text)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), render(v, to, text)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[async_trait::async_trait]
impl SmsGateway for HttpSmsGateway {
    async fn send(&self, sms: &Sms) -> Result<Accepted, String> {
        let body = render(&self.template, &sms.to, &sms.text);
        let mut request = self.client.post(&self.url).json(&body);
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        let response = request
            .send()
            .await
            .map_err(|e| format!("sms gateway: {e}"))?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!("sms gateway answered {status}"));
        }
        let answer: Value = response.json().await.unwrap_or(Value::Null);
        let gateway_id = ["id", "message_id", "messageId"]
            .iter()
            .find_map(|k| answer.get(*k))
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
        Ok(Accepted { gateway_id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_filled_in_every_string_and_escapes_stay_json() {
        let template = serde_json::json!({
            "recipients": ["{{to}}"],
            "sms": { "sender": "Hromada", "text": "{{text}}" },
            "ttl": 3600
        });
        let body = render(
            &template,
            "+380501234567",
            "Справа \"PTR-2026-000123-4\" готова",
        );
        assert_eq!(body["recipients"][0], "+380501234567");
        assert_eq!(body["sms"]["text"], "Справа \"PTR-2026-000123-4\" готова");
        assert_eq!(body["ttl"], 3600);
        assert!(HttpSmsGateway::new("ftp://x", "{}", None).is_err());
        assert!(HttpSmsGateway::new("http://127.0.0.1:1/", "{\"a\": 1}", None).is_err());
    }
}
