// Opens pages in headless Chromium 320 px wide (a small phone) and reports, per page: how far
// the page scrolls sideways, where its first heading starts, whether the main menu's button
// shows, and whether the first Tab reaches a skip link that is then on screen.
// Usage: WEB_DIR=backend/web node narrow_check.mjs <url> [<url> …]; `url|name=value` visits url
// with that cookie set for its host (a signed-in applicant).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.WEB_DIR || '.') + '/');
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
const results = [];
try {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  for (const arg of process.argv.slice(2)) {
    const [url, cookie] = arg.split('|');
    await context.clearCookies();
    if (cookie) {
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url }]);
    }
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'load' });
    const layout = await page.evaluate(() => {
      const h1 = document.querySelector('h1');
      const toggle = document.querySelector('.menu-toggle');
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        h1Top: h1 ? Math.round(h1.getBoundingClientRect().top + window.scrollY) : null,
        toggle: !!toggle && toggle.offsetParent !== null,
        // What sticks out past the right edge (the innermost few), to say what to fix.
        wide: Array.from(document.body.querySelectorAll('*'))
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
            && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
          .slice(0, 5)
          .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
            + ' ' + Math.round(e.getBoundingClientRect().right) + 'px: ' + (e.textContent || '').trim().slice(0, 40)),
      };
    });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a.tagName !== 'A' || !(a.getAttribute('href') || '').startsWith('#')) return null;
      const r = a.getBoundingClientRect();
      return { text: a.textContent.trim(), visible: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth };
    });
    results.push({ url, cookie: cookie || null, status: response ? response.status() : null, ...layout, skip });
    await page.close();
  }
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
}
