//! Messages to applicants other than e-mail (issue 26): the SMS seam. A gateway sends one
//! text to one phone number; an error means "try again later", as for mail, so the delivery
//! worker can retry with backoff and nothing is lost while a gateway is down. The adapters
//! (an HTTP gateway with a configurable JSON body) live in the backend.

use serde::{Deserialize, Serialize};

/// One SMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sms {
    /// The number in international form, `+380…`.
    pub to: String,
    pub text: String,
}

/// What a gateway answered for a message it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The gateway's id for the message, when it gives one (for delivery reports).
    pub gateway_id: Option<String>,
}

/// Sends SMS.
#[async_trait::async_trait]
pub trait SmsGateway: Send + Sync {
    /// Sends one message; an error means "try again later", with the reason.
    async fn send(&self, sms: &Sms) -> Result<Accepted, String>;
}
