//! Signing applicants in with a state e-ID service through OpenID Connect: ID.GOV.UA (the
//! integrated electronic identification system, with BankID and Diia.Signature behind it)
//! speaks it, as does any certified provider. `openidconnect` (ramosbugs; OpenID-certified
//! relying-party library) does discovery, the authorization-code flow with PKCE and a nonce,
//! and checks the ID token's signature, issuer, audience, expiry and nonce. Its HTTP client
//! does not follow redirects (the library's advice against SSRF) and gives up after 10 s.

use std::time::Duration;

use hromada_tenants::identity::{Claims, IdentityProvider, LoginStart};
use hromada_tenants::{DomainError, DomainResult};
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims,
};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};

/// A provider known by its issuer URL and this platform's client registration.
pub struct OidcProvider {
    name: String,
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: Option<ClientSecret>,
    http: openidconnect::reqwest::Client,
}

fn unavailable(what: &str, e: impl std::fmt::Display) -> DomainError {
    tracing::warn!(error = %e, "{what}");
    DomainError::Unauthenticated(format!("the identity provider is not available ({what})"))
}

impl OidcProvider {
    /// A provider named `name` (in URLs and logs) at `issuer`.
    pub fn new(
        name: &str,
        issuer: &str,
        client_id: &str,
        client_secret: Option<&str>,
    ) -> Result<OidcProvider, String> {
        let issuer = IssuerUrl::new(issuer.to_owned()).map_err(|e| format!("oidc_issuer: {e}"))?;
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| format!("oidc client: {e}"))?;
        Ok(OidcProvider {
            name: name.to_owned(),
            issuer,
            client_id: ClientId::new(client_id.to_owned()),
            client_secret: client_secret.map(|s| ClientSecret::new(s.to_owned())),
            http,
        })
    }

    async fn metadata(&self) -> DomainResult<CoreProviderMetadata> {
        CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| unavailable("discovery", e))
    }
}

#[async_trait::async_trait]
impl IdentityProvider for OidcProvider {
    fn name(&self) -> &str {
        &self.name
    }

    async fn start(&self, redirect_uri: &str) -> DomainResult<LoginStart> {
        let redirect = RedirectUrl::new(redirect_uri.to_owned())
            .map_err(|e| DomainError::Internal(format!("redirect uri: {e}")))?;
        let client = CoreClient::from_provider_metadata(
            self.metadata().await?,
            self.client_id.clone(),
            self.client_secret.clone(),
        )
        .set_redirect_uri(redirect);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(LoginStart {
            authorize_url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    async fn finish(
        &self,
        redirect_uri: &str,
        code: &str,
        nonce: &str,
        pkce_verifier: &str,
    ) -> DomainResult<Claims> {
        let redirect = RedirectUrl::new(redirect_uri.to_owned())
            .map_err(|e| DomainError::Internal(format!("redirect uri: {e}")))?;
        let client = CoreClient::from_provider_metadata(
            self.metadata().await?,
            self.client_id.clone(),
            self.client_secret.clone(),
        )
        .set_redirect_uri(redirect);
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| unavailable("token endpoint", e))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "code exchange failed");
                DomainError::Unauthenticated("the sign-in was not accepted; try again".into())
            })?;
        let token = response.id_token().ok_or_else(|| {
            DomainError::Unauthenticated("the identity provider sent no ID token".into())
        })?;
        let claims = token
            .claims(&client.id_token_verifier(), &Nonce::new(nonce.to_owned()))
            .map_err(|e| {
                tracing::warn!(error = %e, "ID token refused");
                DomainError::Unauthenticated("the identity provider's answer is not valid".into())
            })?;
        let mut out = Claims {
            issuer: claims.issuer().as_str().to_owned(),
            subject: claims.subject().as_str().to_owned(),
            email: claims.email().map(|e| e.as_str().to_owned()),
            name: claims
                .name()
                .and_then(|n| n.get(None))
                .map(|n| n.as_str().to_owned()),
        };
        // Providers that keep the ID token small give the name and e-mail at userinfo.
        if (out.name.is_none() || out.email.is_none())
            && let Ok(request) = client.user_info(
                response.access_token().clone(),
                Some(claims.subject().clone()),
            )
        {
            let answer: Result<CoreUserInfoClaims, _> = request.request_async(&self.http).await;
            match answer {
                Ok(info) => {
                    out.email = out.email.or(info.email().map(|e| e.as_str().to_owned()));
                    out.name = out.name.or(info
                        .name()
                        .and_then(|n| n.get(None))
                        .map(|n| n.as_str().to_owned()));
                }
                Err(e) => tracing::warn!(error = %e, "userinfo failed"),
            }
        }
        Ok(out)
    }
}
