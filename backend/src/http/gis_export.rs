//! `GET /gis/layers/{id}/features.geojson` and `.csv` (`?bbox=west,south,east,north`): a
//! layer exported as GeoJSON or as CSV with WKT, streamed page by page. Public layers are
//! open to anyone on the community's host; internal ones need a bearer token of someone
//! holding a role in the community.

use actix_web::{HttpRequest, HttpResponse, web};
use bytes_stream::chunks;
use hromada_gis::export::{self, Format};
use hromada_gis::layer;
use hromada_gis::query::BBox;
use hromada_tenants::{DomainError, TenantTx};
use serde::Deserialize;

use super::{AppState, json_error as error, resolve_tenant};

/// The query string of an export.
#[derive(Deserialize)]
pub struct ExportQuery {
    /// `west,south,east,north` in WGS 84 degrees.
    pub bbox: Option<String>,
}

/// Parses `west,south,east,north` in WGS 84 degrees.
fn parse_bbox(text: &str) -> Result<BBox, DomainError> {
    let parts: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| DomainError::invalid("bbox", "must be four numbers west,south,east,north"))?;
    let [west, south, east, north] = parts[..] else {
        return Err(DomainError::invalid(
            "bbox",
            "must be four numbers west,south,east,north",
        ));
    };
    BBox {
        west,
        south,
        east,
        north,
    }
    .checked("bbox")
}

/// Exports a layer.
pub async fn export(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<ExportQuery>,
) -> HttpResponse {
    let (id, format) = path.into_inner();
    let format = match format.as_str() {
        "geojson" => Format::GeoJson,
        "csv" => Format::CsvWkt,
        _ => return error(DomainError::NotFound(format!("export format '{format}'"))),
    };
    let Ok(id) = id.parse::<uuid::Uuid>() else {
        return error(DomainError::NotFound(format!("layer {id}")));
    };
    let bbox = match query.bbox.as_deref().map(parse_bbox).transpose() {
        Ok(b) => b,
        Err(e) => return error(e),
    };
    let begun = async {
        let tenant = resolve_tenant(&state, &req).await?;
        let user = super::map_client(&state, &req).await?;
        let tx = TenantTx::begin(&state.db, tenant, user, None).await?;
        let layer = layer::get(&tx, id).await?;
        let head = export::head(format, &layer)?;
        Ok::<_, DomainError>((tx, layer, head))
    }
    .await;
    let (tx, layer, head) = match begun {
        Ok(v) => v,
        Err(e) => return error(e),
    };
    let (sender, receiver) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    tokio::spawn(async move {
        if sender.send(head).await.is_err() {
            return;
        }
        let mut after = None;
        loop {
            match export::page(&tx, &layer, format, bbox, after).await {
                Ok(Some((bytes, last))) => {
                    after = Some(last);
                    if sender.send(bytes).await.is_err() {
                        break;
                    }
                }
                Ok(None) => {
                    let _ = sender.send(export::tail(format).to_vec()).await;
                    break;
                }
                Err(e) => {
                    // The response has started: all that can be done is to end it short.
                    tracing::error!(error = %e, "export page failed");
                    break;
                }
            }
        }
        let _ = tx.rollback().await;
    });
    let name = match format {
        Format::GeoJson => format!("{id}.geojson"),
        Format::CsvWkt => format!("{id}.csv"),
    };
    HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .streaming(chunks(receiver))
}

mod bytes_stream {
    //! A channel of byte chunks as a response body stream.

    use actix_web::web::Bytes;
    use futures_util::Stream;
    use tokio::sync::mpsc::Receiver;

    pub fn chunks(
        receiver: Receiver<Vec<u8>>,
    ) -> impl Stream<Item = Result<Bytes, actix_web::Error>> {
        futures_util::stream::unfold(receiver, |mut r| async move {
            r.recv().await.map(|chunk| (Ok(Bytes::from(chunk)), r))
        })
    }
}
