"""Opens a layer of a Hromada OGC API endpoint in QGIS (the OAPIF provider), optionally with
HTTP Basic through a QGIS authentication configuration, reads it whole and inside a box, and
prints what it saw as JSON."""
import json, os, sys, tempfile
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_AUTH_DB_DIR_PATH", tempfile.mkdtemp())
from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri,
                       QgsFeatureRequest, QgsRectangle, QgsVectorLayer)
app = QgsApplication([], False)
app.initQgis()
base, layer_id = sys.argv[1], sys.argv[2]
user, password = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else (None, None)
uri = QgsDataSourceUri()
uri.setParam("url", base)
uri.setParam("typename", layer_id)
if user:
    auth = QgsApplication.authManager()
    auth.setMasterPassword("hromada-test", True)
    cfg = QgsAuthMethodConfig()
    cfg.setMethod("Basic")
    cfg.setName("hromada")
    cfg.setConfig("username", user)
    cfg.setConfig("password", password)
    auth.storeAuthenticationConfig(cfg)
    uri.setAuthConfigId(cfg.id())
layer = QgsVectorLayer(uri.uri(False), "layer", "OAPIF")
out = {"valid": layer.isValid()}
if layer.isValid():
    features = list(layer.getFeatures())
    out["read"] = len(features)
    out["fields"] = [f.name() for f in layer.fields()]
    if features:
        box = features[0].geometry().boundingBox()
        box.grow(1e-6)
        inside = list(layer.getFeatures(QgsFeatureRequest().setFilterRect(box)))
        out["inBox"] = len(inside)
        out["firstId"] = features[0]["id"]
else:
    out["error"] = "invalid"
print("RESULT " + json.dumps(out, ensure_ascii=False), flush=True)
app.exitQgis()
