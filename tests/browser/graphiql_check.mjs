// Opens GraphiQL in headless Chromium, opens its documentation explorer and reports whether
// the schema loaded (the root types are listed), whether the server refused the schema's
// query as too deep, and any console error.
// Usage: WEB_DIR=backend/web node graphiql_check.mjs <url of /graphiql>
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.WEB_DIR || '.') + '/');
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--disable-quic'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const response = await page.goto(process.argv[2], { waitUntil: 'networkidle' });
  const docs = page.locator('button[aria-label*="ocumentation"]').first();
  if (await docs.count()) {
    await docs.click();
  }
  await page.getByText('QueryRoot').first().waitFor({ timeout: 10000 }).catch(() => {});
  const text = await page.locator('body').innerText();
  console.log(JSON.stringify({
    status: response ? response.status() : null,
    schema: text.includes('QueryRoot') && text.includes('MutationRoot'),
    tooDeep: text.toLowerCase().includes('too deep'),
    errors,
  }));
} finally {
  await browser.close();
}
