//! Assembling and running the server: migrations at start, the actix-web app, the outbox
//! worker, graceful shutdown.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::dev::{ServerHandle, Service};
use actix_web::http::Method;
use actix_web::{App, HttpServer, web};
use futures_util::FutureExt;
use hromada_graphql::{Services, build_schema};
use hromada_tenants::Authorizer;
use hromada_tenants::accounts::Links;
use hromada_tenants::outbox::RetryPolicy;
use tokio::sync::{Notify, watch};
use tracing_actix_web::TracingLogger;

use crate::config::Config;
use crate::http::{self, AppState};
use crate::metrics::Metrics;
use crate::{db, mail};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] db::DbSetupError),
    #[error("database: {0}")]
    Connect(#[from] sea_orm::DbErr),
    #[error("{0}")]
    Config(String),
    #[error("listen on {0}: {1}")]
    Bind(String, std::io::Error),
}

/// A running server.
pub struct Running {
    /// The address it listens on (useful with port 0).
    pub addr: SocketAddr,
    handle: ServerHandle,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
    worker: tokio::task::JoinHandle<()>,
    upkeep: tokio::task::JoinHandle<()>,
    listener: tokio::task::JoinHandle<()>,
    queue_listener: tokio::task::JoinHandle<()>,
    shutdown: watch::Sender<bool>,
}

impl Running {
    /// Waits until the server stops (on SIGINT/SIGTERM, after in-flight requests finish),
    /// then stops the outbox worker.
    pub async fn wait(self) -> std::io::Result<()> {
        let result = match self.server.await {
            Ok(r) => r,
            Err(e) => Err(std::io::Error::other(e)),
        };
        let _ = self.shutdown.send(true);
        let _ = self.worker.await;
        let _ = self.upkeep.await;
        let _ = self.listener.await;
        let _ = self.queue_listener.await;
        result
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(self) -> std::io::Result<()> {
        self.handle.stop(true).await;
        self.wait().await
    }
}

async fn load_authorizer(config: &Config) -> Result<Authorizer, StartError> {
    let read = |path: &std::path::PathBuf| {
        std::fs::read_to_string(path)
            .map_err(|e| StartError::Config(format!("{}: {e}", path.display())))
    };
    let model = match &config.model_file {
        Some(p) => read(p)?,
        None => hromada_tenants::authz::DEFAULT_MODEL.to_owned(),
    };
    let policy = match &config.policy_file {
        Some(p) => read(p)?,
        None => hromada_tenants::authz::DEFAULT_POLICY.to_owned(),
    };
    Authorizer::new(&model, &policy)
        .await
        .map_err(|e| StartError::Config(e.to_string()))
}

/// The page templates, compiled into the binary.
fn templates() -> Result<minijinja::Environment<'static>, StartError> {
    let mut env = minijinja::Environment::new();
    for (name, source) in [
        ("layout.html", include_str!("../templates/layout.html")),
        ("message.html", include_str!("../templates/message.html")),
        ("map.html", include_str!("../templates/map.html")),
        (
            "invitation.html",
            include_str!("../templates/invitation.html"),
        ),
        (
            "password_reset.html",
            include_str!("../templates/password_reset.html"),
        ),
    ] {
        env.add_template(name, source)
            .map_err(|e| StartError::Config(format!("template {name}: {e}")))?;
    }
    Ok(env)
}

/// Migrates, connects as the server's role, and starts serving on `config.listen`.
pub async fn start(config: Config) -> Result<Running, StartError> {
    db::setup(&config).await?;
    let pool = db::connect(&config.database_url, config.db_max_connections).await?;
    db::check_server_role(&pool).await?;

    let metrics = Metrics::new().map_err(|e| StartError::Config(e.to_string()))?;
    let transport = mail::transport(&config).map_err(StartError::Config)?;
    let authz = load_authorizer(&config).await?;
    let blobs = crate::storage::from_config(&config).map_err(StartError::Config)?;
    tracing::info!(store = %blobs.describe(), "media store");
    let schema = build_schema(Services {
        blobs: blobs.clone(),
        db: pool.clone(),
        authz: authz.clone(),
        links: Links {
            public_url: config.public_url(),
        },
        accounts: config.account_policy(),
        login_gate: Arc::default(),
    });
    let wake = Arc::new(Notify::new());
    let (shutdown, shutdown_rx) = watch::channel(false);
    let sms = crate::sms::gateway(&config).map_err(StartError::Config)?;
    let identity: Option<Arc<dyn hromada_tenants::identity::IdentityProvider>> =
        match (&config.oidc_issuer, &config.oidc_client_id) {
            (Some(issuer), Some(client)) if !issuer.is_empty() => Some(Arc::new(
                crate::oidc::OidcProvider::new(
                    &config.oidc_name,
                    issuer,
                    client,
                    config.oidc_client_secret.as_deref(),
                )
                .map_err(StartError::Config)?,
            )),
            _ => None,
        };
    let worker = tokio::spawn(mail::run_outbox_worker(
        pool.clone(),
        transport,
        sms,
        RetryPolicy {
            max_backoff: Duration::from_secs(config.outbox_max_backoff_secs),
        },
        Duration::from_millis(config.outbox_poll_ms),
        wake.clone(),
        metrics.clone(),
        shutdown_rx,
    ));

    let upkeep = tokio::spawn(mail::run_upkeep(
        pool.clone(),
        blobs.clone(),
        hromada_tenants::applications::case::CaseLinks {
            public_url: config.public_url(),
        },
        Duration::from_secs(config.upkeep_interval_secs),
        wake.clone(),
        shutdown.subscribe(),
    ));

    let page_cache = Arc::new(crate::page_cache::PageCache::new(config.page_cache_entries));
    let hosts = Arc::new(crate::host_cache::HostCache::default());
    let tile_memory = Arc::new(hromada_gis::tile_memory::TileMemory::new(
        config.tile_memory_mb.saturating_mul(1024 * 1024),
    ));
    let listener = tokio::spawn(crate::page_cache::listen(
        pool.clone(),
        page_cache.clone(),
        hosts.clone(),
        shutdown.subscribe(),
    ));
    let queue_feed = crate::queue_feed::channel();
    let queue_listener = tokio::spawn(crate::queue_feed::listen(
        pool.clone(),
        queue_feed.clone(),
        shutdown.subscribe(),
    ));
    let renderer = hromada_site_builder::render::Renderer::new()
        .map_err(|e| StartError::Config(e.to_string()))?;
    let max_body = config.max_body_bytes;
    let listen = config.listen.clone();
    let assets = http::assets::Assets::load(&config.web_dir);
    let console_dir = config.console_dir.clone();
    let basemap = config
        .basemap()
        .map_err(|e| StartError::Config(e.to_string()))?;
    let page_csp = http::headers::page_csp(basemap.as_ref().map(|b| b.origin.as_str()));
    let state = web::Data::new(AppState {
        db: pool,
        schema,
        authz,
        config,
        metrics: metrics.clone(),
        outbox_wake: wake,
        templates: templates()?,
        assets,
        renderer,
        tile_memory,
        page_cache,
        hosts,
        queries: crate::query_cache::QueryCache::default(),
        blobs,
        console: http::console::ConsoleFiles::load(&console_dir),
        identity,
        queue_feed,
        basemap,
    });
    let trust_proxy = state.config.trust_proxy;
    let server = HttpServer::new(move || {
        let metrics = metrics.clone();
        App::new()
            .app_data(state.clone())
            .app_data(web::PayloadConfig::new(max_body))
            .app_data(web::FormConfig::default().limit(16 * 1024))
            .wrap_fn(move |req, srv| {
                let route = req.match_pattern().unwrap_or_else(|| "unmatched".into());
                let method = req.method().to_string();
                let started = Instant::now();
                let metrics = metrics.clone();
                let https = req.app_config().secure()
                    || (trust_proxy && req.connection_info().scheme() == "https");
                srv.call(req).map(move |mut res| {
                    if https && let Ok(res) = res.as_mut() {
                        let (name, value) = http::headers::hsts();
                        res.headers_mut().insert(name, value);
                    }
                    let status = res
                        .as_ref()
                        .map(|r| r.status().as_u16().to_string())
                        .unwrap_or_else(|_| "error".into());
                    metrics
                        .http_requests
                        .with_label_values(&[&route, &method, &status])
                        .inc();
                    metrics
                        .http_duration
                        .with_label_values(&[&route, &method])
                        .observe(started.elapsed().as_secs_f64());
                    res
                })
            })
            .wrap(http::headers::defaults(&page_csp))
            // gzip, brotli or zstd as the client accepts, for text answers (HTML, CSS, JS,
            // JSON, GeoJSON, SVG, tiles); actix skips images and video, and answers that
            // carry their own encoding (the console's pre-compressed files).
            .wrap(actix_web::middleware::Compress::default())
            .wrap(TracingLogger::default())
            .route(
                "/graphql",
                web::post()
                    .guard(actix_web::guard::fn_guard(http::graphql::is_multipart))
                    .to(http::graphql::graphql_multipart),
            )
            .route("/graphql", web::post().to(http::graphql::graphql))
            .route("/graphql/ws", web::get().to(http::graphql::subscriptions))
            .route("/favicon.ico", web::get().to(http::site::favicon))
            .route(
                "/gis/layers/{id}/features.{format}",
                web::get().to(http::gis_export::export),
            )
            .route(
                "/tiles/{oblast}/boundaries.json",
                web::get().to(http::tiles::boundary_tilejson),
            )
            .route(
                "/tiles/{oblast}/boundaries/{z}/{x}/{y}",
                web::get().to(http::tiles::boundary_tile),
            )
            .route(
                "/tiles/{community}/{layer}",
                web::get().to(http::tiles::layer_tilejson),
            )
            .route(
                "/tiles/{community}/{layer}/{z}/{x}/{y}",
                web::get().to(http::tiles::layer_tile),
            )
            .route("/ogc/{community}", web::get().to(http::ogc::landing))
            .route("/ogc/{community}/api", web::get().to(http::ogc::api))
            .route(
                "/ogc/{community}/api.html",
                web::get().to(http::ogc::api_page),
            )
            .route(
                "/ogc/{community}/conformance",
                web::get().to(http::ogc::conformance),
            )
            .route(
                "/ogc/{community}/collections",
                web::get().to(http::ogc::collections),
            )
            .route(
                "/ogc/{community}/collections/{layer}",
                web::get().to(http::ogc::collection),
            )
            .service(
                web::resource("/ogc/{community}/collections/{layer}/items")
                    .route(web::get().to(http::ogc::items))
                    .route(web::post().to(http::ogc::create))
                    .route(web::method(Method::OPTIONS).to(http::ogc::options_items)),
            )
            .service(
                web::resource("/ogc/{community}/collections/{layer}/items/{id}")
                    .route(web::get().to(http::ogc::item))
                    .route(web::put().to(http::ogc::replace))
                    .route(web::patch().to(http::ogc::patch))
                    .route(web::delete().to(http::ogc::delete))
                    .route(web::method(Method::OPTIONS).to(http::ogc::options_item)),
            )
            .route("/admin", web::get().to(http::console::redirect))
            .service(
                web::resource("/admin/session")
                    .route(web::post().to(http::console::sign_in))
                    .route(web::delete().to(http::console::sign_out)),
            )
            .route(
                "/admin/preview/{page}",
                web::post().to(http::console::preview),
            )
            .route("/admin/{path:.*}", web::get().to(http::console::serve))
            .route("/map", web::get().to(http::map_page::map))
            .route("/en/map", web::get().to(http::map_page::map_en))
            .route("/assets/{name}", web::get().to(http::assets::serve))
            .route("/graphiql", web::get().to(http::graphql::graphiql))
            .route("/healthz", web::get().to(http::ops::healthz))
            .route("/readyz", web::get().to(http::ops::readyz))
            .route("/metrics", web::get().to(http::ops::metrics))
            .route(
                "/invitations/accept",
                web::get().to(http::account_pages::invitation_form),
            )
            .route(
                "/invitations/accept",
                web::post().to(http::account_pages::invitation_accept),
            )
            .route(
                "/password-reset",
                web::get().to(http::account_pages::reset_form),
            )
            .route(
                "/password-reset",
                web::post().to(http::account_pages::reset_submit),
            )
            .route(
                "/open-data/services.csv",
                web::get().to(http::open_data::services_csv),
            )
            .route(
                "/open-data/services.json",
                web::get().to(http::open_data::services_json),
            )
            .route(
                "/open-data/cnaps.csv",
                web::get().to(http::open_data::cnaps_csv),
            )
            .route(
                "/open-data/cnaps.json",
                web::get().to(http::open_data::cnaps_json),
            )
            .route(
                "/hooks/sms-delivery",
                web::post().to(http::hooks::sms_delivery),
            )
            .route(
                "/open-data/applications.csv",
                web::get().to(http::open_data::applications_csv),
            )
            .route(
                "/applications/{id}/documents/{doc}",
                web::get().to(http::case_files::document),
            )
            .route(
                "/applications/{id}/export",
                web::get().to(http::case_files::export),
            )
            .route(
                "/open-data/services/{file}",
                web::get().to(http::open_data::service_jsonld),
            )
            .route("/a11y", web::get().to(http::site::a11y))
            .service(
                web::scope("/en")
                    .configure(http::apply::routes)
                    .configure(http::booking::routes),
            )
            .configure(http::apply::routes)
            .configure(http::booking::routes)
            .route("/auth/oidc/start", web::get().to(http::apply::oidc_start))
            .route(
                "/auth/oidc/callback",
                web::get().to(http::apply::oidc_callback),
            )
            .route("/media/{id}/{name}", web::get().to(http::site::media_file))
            .route(
                "/media/{id}/{width}/{name}",
                web::get().to(http::site::media_variant),
            )
            .default_service(web::to(http::site::page))
    })
    .shutdown_timeout(30)
    .bind(&listen)
    .map_err(|e| StartError::Bind(listen.clone(), e))?;
    let addr = server
        .addrs()
        .first()
        .copied()
        .ok_or_else(|| StartError::Config(format!("listen: nothing bound on {listen}")))?;
    let server = server.run();
    let handle = server.handle();
    tracing::info!(%addr, "serving");
    Ok(Running {
        addr,
        handle,
        server: tokio::spawn(server),
        worker,
        upkeep,
        listener,
        queue_listener,
        shutdown,
    })
}
