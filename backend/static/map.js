// The public map of a community: its public layers as vector tiles, styled as the land
// officers styled them, with a popup of a feature's attributes. Everything comes from this
// server, except the base map when the platform configures one (`config.basemap`).
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('map-config').textContent);

  // "#RRGGBB" or "#RRGGBBAA" → a colour and an opacity.
  function colour(hex) {
    var h = (hex || '#3388ff').replace('#', '');
    var alpha = h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1;
    return { rgb: '#' + h.slice(0, 6), alpha: alpha };
  }

  var style = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }]
  };
  var featureLayers = [];

  if (config.boundaryTiles) {
    style.sources.boundary = { type: 'vector', url: config.boundaryTiles };
    style.layers.push({
      id: 'boundary', type: 'line', source: 'boundary', 'source-layer': 'boundaries',
      filter: ['==', ['get', 'slug'], config.slug],
      paint: { 'line-color': '#0b3d91', 'line-width': 2, 'line-dasharray': [3, 2] }
    });
  }

  config.layers.forEach(function (layer) {
    var src = 'layer-' + layer.id;
    style.sources[src] = { type: 'vector', url: layer.tilejson };
    var fill = colour(layer.style.fill);
    var stroke = colour(layer.style.stroke);
    var width = layer.style.strokeWidth || 1;
    var base = { source: src, 'source-layer': layer.id, minzoom: layer.minzoom };
    var kinds = layer.geometryType === 'any' ? ['polygon', 'line', 'point'] : [layer.geometryType];
    kinds.forEach(function (kind) {
      var filter = { polygon: 'Polygon', line: 'LineString', point: 'Point' }[kind];
      var common = Object.assign({ filter: ['==', ['geometry-type'], filter] }, base);
      if (kind === 'polygon') {
        style.layers.push(Object.assign({ id: src + '-fill', type: 'fill',
          paint: { 'fill-color': fill.rgb, 'fill-opacity': fill.alpha } }, common));
        style.layers.push(Object.assign({ id: src + '-outline', type: 'line',
          paint: { 'line-color': stroke.rgb, 'line-opacity': stroke.alpha, 'line-width': width } }, common));
        featureLayers.push(src + '-fill');
      } else if (kind === 'line') {
        style.layers.push(Object.assign({ id: src + '-line', type: 'line',
          paint: { 'line-color': stroke.rgb, 'line-opacity': stroke.alpha, 'line-width': Math.max(width, 2) } }, common));
        featureLayers.push(src + '-line');
      } else {
        style.layers.push(Object.assign({ id: src + '-point', type: 'circle',
          paint: { 'circle-color': fill.rgb, 'circle-opacity': Math.max(fill.alpha, 0.8), 'circle-radius': 6,
                   'circle-stroke-color': stroke.rgb, 'circle-stroke-width': width } }, common));
        featureLayers.push(src + '-point');
      }
    });
  });

  var b = config.bounds || [22, 44, 40.3, 52.4];
  var map = new maplibregl.Map({
    container: 'map',
    style: window.hromadaBasemap(config.basemap, style),
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: true, customAttribution: config.community }
  });
  window.hromadaBasemap.overlay(map, config.basemap, style);
  map.addControl(new maplibregl.NavigationControl(), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }));

  // A popup of the clicked feature's attributes, built as DOM nodes (never as HTML text).
  map.on('click', function (e) {
    var found = map.queryRenderedFeatures(e.point, { layers: featureLayers });
    if (!found.length) return;
    var props = found[0].properties;
    var table = document.createElement('table');
    table.className = 'popup-table';
    Object.keys(props).forEach(function (key) {
      if (key === 'id' || key === 'version') return;
      var row = table.insertRow();
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = key;
      row.appendChild(th);
      row.insertCell().textContent = String(props[key]);
    });
    new maplibregl.Popup().setLngLat(e.lngLat).setDOMContent(table).addTo(map);
  });
  featureLayers.forEach(function (id) {
    map.on('mouseenter', id, function () { map.getCanvas().style.cursor = 'pointer'; });
    map.on('mouseleave', id, function () { map.getCanvas().style.cursor = ''; });
  });
  map.once('idle', function () { window.hromadaMapIdle = true; });

  window.hromadaMap = map;
  window.hromadaFeatureLayers = featureLayers;
})();
