// The oblast portal's one script. The pages work without it: it adds the "my location"
// button to the search form (the browser's position goes to the server as lat/lon) and
// draws the CNAP map over the list that already holds every place: the communities'
// boundaries served by this server, over the platform's base map when one is configured.
(function () {
  'use strict';

  var button = document.getElementById('portal-locate');
  if (button && navigator.geolocation) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var status = document.getElementById('portal-locate-status');
      var form = button.form;
      status.textContent = button.dataset.locating;
      navigator.geolocation.getCurrentPosition(function (pos) {
        [['lat', pos.coords.latitude], ['lon', pos.coords.longitude]].forEach(function (pair) {
          var old = form.querySelector('input[type=hidden][name=' + pair[0] + ']');
          var input = old || document.createElement('input');
          input.type = 'hidden';
          input.name = pair[0];
          input.value = pair[1].toFixed(5);
          if (!old) form.appendChild(input);
        });
        document.getElementById('portal-near').value = '';
        status.textContent = '';
        if (document.getElementById('portal-q').value) form.submit();
      }, function () {
        status.textContent = button.dataset.failed;
      }, { timeout: 10000, maximumAge: 600000 });
    });
  }

  var data = document.getElementById('portal-map-data');
  var container = document.getElementById('portal-map');
  if (!data || !container || !window.maplibregl) return;
  var config = JSON.parse(data.textContent);
  var colours = { center: '#0b3d91', remote: '#1b7f5a', mobile: '#b35900' };
  var features = config.points.map(function (p) {
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { name: p.name, kind: p.kind, detail: p.detail }
    };
  });
  var style = {
    version: 8,
    sources: { places: { type: 'geojson', data: { type: 'FeatureCollection', features: features } } },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }]
  };
  if (config.boundaryTiles) {
    style.sources.boundary = { type: 'vector', url: config.boundaryTiles };
    style.layers.push({
      id: 'boundary', type: 'line', source: 'boundary', 'source-layer': 'boundaries',
      paint: { 'line-color': '#5a6b85', 'line-width': 1, 'line-dasharray': [3, 2] }
    });
  }
  style.layers.push({
    id: 'places', type: 'circle', source: 'places',
    paint: {
      'circle-radius': ['match', ['get', 'kind'], 'center', 8, 6],
      'circle-color': ['match', ['get', 'kind'], 'center', colours.center, 'remote', colours.remote, colours.mobile],
      'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2
    }
  });
  var bounds = new maplibregl.LngLatBounds();
  features.forEach(function (f) { bounds.extend(f.geometry.coordinates); });
  var map = new maplibregl.Map({
    container: container, style: window.hromadaBasemap(config.basemap, style), bounds: bounds,
    fitBoundsOptions: { padding: 40, maxZoom: 13 },
    attributionControl: config.basemap ? { compact: true } : false
  });
  window.hromadaBasemap.overlay(map, config.basemap, style);
  map.once('idle', function () { window.hromadaMapIdle = true; });
  window.hromadaMap = map;
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  map.on('click', 'places', function (e) {
    var p = e.features[0].properties;
    var box = document.createElement('div');
    var title = document.createElement('strong');
    title.textContent = p.name;
    var kind = document.createElement('div');
    kind.textContent = config.kinds[p.kind] || '';
    var detail = document.createElement('div');
    detail.textContent = p.detail;
    box.appendChild(title);
    box.appendChild(kind);
    box.appendChild(detail);
    new maplibregl.Popup().setLngLat(e.lngLat).setDOMContent(box).addTo(map);
  });
  map.on('mouseenter', 'places', function () { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', 'places', function () { map.getCanvas().style.cursor = ''; });
})();
