// The platform's base map under a map's own layers, shared by the community map and the
// portal. `basemap` is what the server configured: none, `{tiles: [template], attribution}`
// (raster tiles, drawn right above the background) or `{style: url}` (a MapLibre style; the
// map's own sources and layers are added on top once it has loaded).
(function () {
  'use strict';

  // The style to start the map with.
  function start(basemap, own) {
    if (!basemap) return own;
    if (basemap.style) return basemap.style;
    own.sources.basemap = {
      type: 'raster', tiles: basemap.tiles, tileSize: 256, maxzoom: 19,
      attribution: basemap.attribution
    };
    own.layers.splice(1, 0, { id: 'basemap', type: 'raster', source: 'basemap' });
    return own;
  }

  // With a style base map, adds the map's own sources and layers (all but its background).
  start.overlay = function (map, basemap, own) {
    if (!basemap || !basemap.style) return;
    map.once('style.load', function () {
      Object.keys(own.sources).forEach(function (id) { map.addSource(id, own.sources[id]); });
      own.layers.forEach(function (layer) {
        if (layer.type !== 'background') map.addLayer(layer);
      });
    });
  };

  window.hromadaBasemap = start;
})();
