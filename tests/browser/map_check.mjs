// Opens a page in headless Chromium, waits until its map is idle, and prints what it drew:
// the number of rendered features and distinct feature ids, requests to other origins, and
// every console error, page error and failed request.
// Usage: WEB_DIR=backend/web node map_check.mjs <url>  (WEB_DIR holds node_modules/playwright-core)
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.WEB_DIR || '.') + '/');
const { chromium } = require('playwright-core');

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--no-first-run', '--disable-quic'],
});
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('pageerror', (e) => errors.push('page: ' + String(e)));
  page.on('requestfailed', (r) => errors.push('request failed: ' + r.url()));
  page.on('response', (r) => { if (r.status() >= 400) errors.push('HTTP ' + r.status() + ': ' + r.url()); });
  const response = await page.goto(url);
  await page.waitForFunction(() => window.hromadaMapIdle === true, null, { timeout: 60000 });
  const drawn = await page.evaluate(() => {
    const map = window.hromadaMap;
    const features = map.queryRenderedFeatures({ layers: window.hromadaFeatureLayers });
    return {
      rendered: features.length,
      ids: new Set(features.map((f) => f.properties.id)).size,
      external: performance.getEntriesByType('resource').map((e) => e.name)
        .filter((n) => !n.startsWith(location.origin)),
      title: document.title,
    };
  });
  console.log(JSON.stringify({ status: response.status(), ...drawn, errors }));
} finally {
  await browser.close();
}
