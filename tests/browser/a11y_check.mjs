// Opens pages in headless Chromium and runs axe-core on each for WCAG 2.1 A and AA rules.
// Prints, per page, the HTTP status, the violations (rule, impact, first nodes) and any
// console or page error.
// Usage: WEB_DIR=backend/web node a11y_check.mjs <url> [<url> …] [--cookie name=value@url]
// (WEB_DIR holds node_modules/playwright-core and node_modules/axe-core)
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.WEB_DIR || '.') + '/');
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const args = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
const results = [];
try {
  // axe-core is injected as a script the page's Content-Security-Policy would refuse.
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    bypassCSP: true,
  });
  for (const arg of args) {
    // `url|cookie=value` visits url with that cookie set for its host.
    const [url, cookie] = arg.split('|');
    if (cookie) {
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url }]);
    } else {
      await context.clearCookies();
    }
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    page.on('pageerror', (e) => errors.push('page: ' + String(e)));
    const response = await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
      return {
        violations: r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary),
        })),
        passes: r.passes.length,
      };
    });
    results.push({ url, cookie: cookie || null, status: response ? response.status() : null, ...axe, errors });
    await page.close();
  }
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
}
