// Drives the console (/admin/) in headless Chromium as its users would, against a running
// server with the demo data, and runs axe-core (WCAG 2.1 A and AA) on every screen it opens.
// Prints one JSON object: the steps done, what each screen showed, axe violations per
// screen, console and page errors, and timings. A step whose expectation fails stops the
// run with a non-zero exit and names the step.
//
// Usage: WEB_DIR=backend/web node console_check.mjs <port> <domain> <password> <scenario>
//   scenario: community | oblast | session | desk | queue | bench
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(path.resolve(process.env.WEB_DIR || '.') + '/');
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const [port, domain, password, scenario] = process.argv.slice(2);
const host = (slug) => `http://${slug}.${domain}:${port}`;
const out = { scenario, steps: [], screens: {}, axe: {}, errors: [], timings: {} };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});

function step(name) {
  out.steps.push(name);
}

function expect(cond, what) {
  if (!cond) throw new Error(`expectation failed: ${what}`);
}

async function axe(page, screen) {
  // axe-core is injected as a script; the context bypasses CSP only for that.
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary),
    }));
  });
  out.axe[screen] = violations;
}

let lastPage = null;

async function newPage(context) {
  const page = await context.newPage();
  lastPage = page;
  page.on('console', (m) => { if (m.type() === 'error') out.errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => out.errors.push(`page: ${String(e)}`));
  return page;
}

async function signIn(page, base, email) {
  await page.goto(`${base}/admin/`);
  await page.getByLabel('Електронна пошта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Увійти' }).click();
}

/** Navigates by clicking the side navigation and waits for the screen's heading. */
async function open(page, link, heading, screen) {
  const started = Date.now();
  await page.getByRole('navigation').getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  out.timings[screen] = Date.now() - started;
  await axe(page, screen);
}

/** A fresh EDRPOU code with its check digit (the algorithm the server checks). */
function edrpou() {
  for (;;) {
    const body = String(20000000 + Math.floor(Math.random() * 9999999)).slice(0, 7);
    const d = [...body].map(Number);
    const n = Number(body + '0');
    const base = n >= 30000000 && n < 60000000 ? [7, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
    const sum = (shift) => base.reduce((s, w, i) => s + d[i] * (w + shift), 0) % 11;
    let check = sum(0);
    if (check === 10) check = sum(2) % 10;
    if (check < 10) return body + check;
  }
}

/** A 2×2 PNG, for an upload. */
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.from([0, 200, 30, 30, 30, 200, 30, 0, 30, 30, 200, 200, 200, 30]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function community() {
  const base = host('tsarychanska');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await newPage(context);

  step('sign-in screen');
  await page.goto(`${base}/admin/`);
  await page.getByRole('heading', { name: 'Вхід до консолі' }).waitFor();
  await axe(page, 'sign-in');
  const cookiesBefore = await context.cookies();
  expect(!cookiesBefore.some((c) => c.name === 'hromada_session'), 'no session before sign-in');

  step('wrong password is refused at the form');
  await page.getByLabel('Електронна пошта').fill('admin@tsarychanska.hromada.localhost');
  await page.getByLabel('Пароль').fill('not-the-password');
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByRole('alert').filter({ hasText: 'Неправильна пошта або пароль' }).waitFor();

  step('sign in as the community admin');
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByRole('heading', { name: 'Чи готові ми до запуску?' }).waitFor();
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'hromada_session');
  expect(session && session.httpOnly && session.sameSite === 'Strict', 'HttpOnly SameSite=Strict session cookie');
  expect(!(await page.evaluate(() => document.cookie)).includes('hromada_session'), 'scripts cannot read the session');
  out.screens.checklist = await page.locator('.checklist').innerText();
  out.screens.nav = await page.getByRole('navigation').innerText();
  await axe(page, 'checklist');

  step('the checklist leads to the catalog: adopt a standard service');
  await page.getByRole('link', { name: 'Перейти до каталогу' }).click();
  await page.getByRole('heading', { level: 1, name: 'Каталог послуг' }).waitFor();
  await axe(page, 'catalog');
  const adopt = page.getByRole('button', { name: /^Прийняти послугу/ }).first();
  const adoptName = (await adopt.getAttribute('aria-label')).replace(/^Прийняти послугу «|»$/g, '');
  await adopt.click();
  await page.getByRole('status').filter({ hasText: 'прийнято' }).waitFor();
  out.screens.adopted = adoptName;

  step('the site editor');
  await open(page, 'Сайт', 'Сторінки сайту', 'pages');

  step('open the "about" page and add a text block');
  await page.getByRole('row').nth(1).locator('.tree-title').click();
  await page.getByRole('heading', { level: 2, name: 'Блоки сторінки' }).waitFor();
  await page.locator('.preview-frame[data-rendered]').waitFor();
  await axe(page, 'editor');
  await page.getByRole('button', { name: /Тип блоку/ }).click();
  await page.getByRole('option', { name: 'Текст', exact: true }).click();
  await page.getByRole('button', { name: 'Додати блок' }).click();
  const stamp = `Консольний тест ${Date.now()}`;
  const before = await page.locator('.preview-frame').getAttribute('data-rendered');
  const typed = Date.now();
  await page.getByLabel('Текст (укр.)').last().fill(stamp);
  await page.waitForFunction(
    (b) => document.querySelector('.preview-frame')?.getAttribute('data-rendered') !== b,
    before,
  );
  out.timings.previewAfterTyping = Date.now() - typed;
  const frame = page.frameLocator('.preview-frame');
  await frame.getByText(stamp).waitFor();
  out.screens.previewShows = stamp;

  step('a bad block field is named by the server at the field');
  await page.getByRole('button', { name: /Тип блоку/ }).click();
  await page.getByRole('option', { name: 'Відео' }).click();
  await page.getByRole('button', { name: 'Додати блок' }).click();
  await page.getByLabel('Адреса відео (YouTube, Vimeo)').last().fill('https://evil.example/video');
  await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await page.locator('.block-card.invalid .field-error').first().waitFor();
  out.screens.blockError = await page.locator('.block-card.invalid .field-error').first().innerText();
  await page.locator('.block-card.invalid').getByRole('button', { name: 'Видалити блок' }).click();

  step('save and publish the page');
  await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await page.getByRole('status').filter({ hasText: 'Чернетку збережено' }).waitFor();
  await page.getByRole('button', { name: 'Опублікувати', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Опубліковано' }).waitFor();
  const published = await page.evaluate(async (u) => (await fetch(u)).text(), `${base}/about`);
  expect(published.includes(stamp), 'the published page shows the new block');

  step('a second editor saves first: nothing typed is lost');
  const title = page.getByRole('textbox', { name: 'Назва', exact: true });
  const csrf = (await context.cookies()).find((c) => c.name === 'hromada_csrf').value;
  const id = page.url().split('/').pop();
  // Another editor's save, from the same browser (a second session would do the same).
  const gql = (query, variables) => page.evaluate(async ([q, v, token]) => {
    const r = await fetch('/graphql', {
      method: 'POST',
      headers: { 'X-CSRF-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: q, variables: v }),
    });
    return r.json();
  }, [query, variables, csrf]);
  const current = await gql('query($id: ID!) { page(id: $id) { version } }', { id });
  const other = await gql(
    'mutation($i: UpdatePageInput!) { updatePage(input: $i) { page { version } } }',
    { i: { id, version: current.data.page.version, titleUk: 'Про громаду (інший редактор)' } },
  );
  expect(other.data, `the other editor saved: ${JSON.stringify(other)}`);
  const mine = `Про нашу громаду (${Date.now() % 100000})`;
  await title.fill(mine);
  await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await page.getByRole('heading', { name: 'Сторінку щойно змінив хтось інший' }).waitFor();
  out.screens.conflict = await page.locator('.diff').innerText();
  await page.locator('.diff .text-diff ins').first().waitFor();
  await axe(page, 'conflict');
  await page.getByRole('button', { name: 'Залишити мій текст' }).click();
  expect((await title.inputValue()) === mine, 'my title is still there');
  out.screens.keptTitle = mine;
  await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await page.getByRole('status').filter({ hasText: 'Чернетку збережено' }).waitFor();

  step('revisions: compare and see the words that changed');
  await page.getByRole('button', { name: 'Історія змін' }).click();
  await page.getByRole('button', { name: 'Порівняти' }).first().click();
  await page.locator('.revisions .diff').first().waitFor();
  await axe(page, 'revisions');
  await page.getByRole('button', { name: 'Сховати історію' }).click();

  step('news with an uploaded image');
  await open(page, 'Новини', 'Новини', 'news');
  await page.locator('table tbody tr').first().getByRole('link').click();
  await page.getByRole('button', { name: 'Зберегти чернетку' }).waitFor();
  await axe(page, 'news-editor');
  await page.getByRole('link', { name: /Новини/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Новини' }).waitFor();
  const headline = `Відкрито новий ЦНАП у Царичанці ${Date.now() % 100000}`;
  await page.getByLabel('Заголовок').fill(headline);
  await page.getByLabel('Адреса (латиницею)').fill(`novyi-tsnap-${Date.now() % 100000}`);
  await page.getByLabel('Вступ').fill('Віддалене робоче місце почало приймати відвідувачів.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Вибрати зображення' }).click();
  await (await chooser).setFiles({ name: 'tsnap.png', mimeType: 'image/png', buffer: png() });
  await page.getByRole('button', { name: 'Опублікувати', exact: true }).click();
  await page.getByText('Опишіть зображення').waitFor();
  await page.getByLabel('Опис обкладинки для незрячих').fill('Будівля ЦНАП з синьою вивіскою');
  await page.getByRole('button', { name: 'Опублікувати', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Новину опубліковано' }).waitFor();
  await page.getByRole('link', { name: headline }).waitFor();
  out.screens.headline = headline;

  step('set CNAP hours: Saturday 09:00–13:00');
  await open(page, 'ЦНАП і графік', 'ЦНАП і віддалені робочі місця', 'cnap');
  await page.getByRole('button', { name: 'Змінити графік' }).first().click();
  const saturdayClosed = page.getByRole('checkbox', { name: 'Субота — вихідний' });
  if (await saturdayClosed.isChecked()) await saturdayClosed.click({ force: true });
  await page.getByLabel('Субота: відкриття').fill('09:00');
  await page.getByLabel('Субота: закриття').fill('25:00');
  await page.getByText('Час у форматі ГГ:ХХ').first().waitFor();
  await page.getByLabel('Субота: закриття').fill('13:00');
  await axe(page, 'cnap-hours');
  await page.getByRole('button', { name: 'Зберегти графік' }).click();
  await page.getByRole('status').filter({ hasText: 'Графік збережено' }).waitFor();

  step('media library, look and menus, a card and a provider');
  await open(page, 'Медіатека', 'Медіатека', 'media');
  out.screens.mediaCount = await page.locator('.media-grid > li').count();
  await open(page, 'Вигляд і меню', 'Вигляд сайту й меню', 'site-settings');
  await page.getByText('Контраст білого тексту').first().waitFor();
  await page.getByRole('button', { name: 'Зберегти меню' }).first().click();
  await page.getByRole('status').filter({ hasText: 'Меню збережено' }).waitFor();
  await open(page, 'Каталог послуг', 'Каталог послуг', 'catalog-again');
  await page.getByRole('link', { name: /^Редагувати картку/ }).first().click();
  await page.getByRole('heading', { level: 2 }).first().waitFor({ state: 'attached' }).catch(() => {});
  await page.getByRole('button', { name: 'Зберегти картку' }).waitFor();
  await axe(page, 'card-editor');
  const keywords = page.getByLabel('Ключові слова');
  await keywords.fill(`${await keywords.inputValue()}, тестове слово`);
  await page.getByRole('button', { name: 'Зберегти картку' }).click();
  await page.getByRole('status').filter({ hasText: 'Картку збережено' }).waitFor();
  await page.getByRole('link', { name: /До каталогу/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Надавачі послуг' }).waitFor();
  await page.getByLabel('ЄДРПОУ').fill('14360571');
  await page.getByText('Контрольна цифра не збігається').waitFor();
  await page.getByLabel('ЄДРПОУ').fill(edrpou());
  await page.getByLabel('Назва надавача').fill('Управління соціального захисту населення');
  await page.getByRole('button', { name: 'Додати надавача' }).click();
  await page.getByRole('status').filter({ hasText: 'Управління соціального захисту населення' }).waitFor();

  step('people and audit');
  await open(page, 'Люди й ролі', 'Люди й ролі', 'people');
  out.screens.people = await page.locator('table tbody tr td:first-child').allInnerTexts();
  const inviteForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Надіслати запрошення' }) });
  await inviteForm.getByLabel('Електронна пошта').fill('new.editor@example.com');
  await inviteForm.locator('.select-button').click();
  await page.getByRole('option', { name: 'Редактор сайту' }).click();
  await page.getByRole('button', { name: 'Надіслати запрошення' }).click();
  await page.getByRole('status').filter({ hasText: 'new.editor@example.com' }).waitFor();
  await open(page, 'Журнал дій', 'Журнал дій', 'audit');
  out.screens.audit = await page.locator('table').innerText();

  step('English');
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await page.getByText('Українська', { exact: true }).click();

  step('nest a page by dragging it onto another');
  await open(page, 'Сайт', 'Сторінки сайту', 'pages-tree');
  const rows = page.getByRole('row');
  const rowTitle = async (i) => (await rows.nth(i).locator('.tree-title').innerText()).trim();
  const [under, moved] = [await rowTitle(2), await rowTitle(3)];
  const handle = await rows.nth(3).getByRole('button', { name: /^Перетягнути/ }).boundingBox();
  const onto = await rows.nth(2).boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 20, handle.y - 10, { steps: 5 });
  await page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 10 });
  await page.waitForTimeout(300);
  await page.mouse.up();
  await page.waitForFunction(
    ([a, b]) => {
      const titles = [...document.querySelectorAll('[role=row]')].map((r) => [r.getAttribute('aria-level'), r.querySelector('.tree-title')?.textContent]);
      const parent = titles.find(([, t]) => t === a);
      const child = titles.find(([, t]) => t === b);
      return parent && child && Number(child[0]) === Number(parent[0]) + 1;
    },
    [under, moved],
  );
  out.screens.nested = { under, moved };

  await context.close();
}

async function session() {
  const base = host('petrykivska');
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, bypassCSP: true });
  const page = await newPage(context);
  await signIn(page, base, `editor@petrykivska.hromada.localhost`);
  await page.getByRole('heading', { name: 'Чи готові ми до запуску?' }).waitFor();
  out.screens.editorNav = await page.getByRole('navigation').innerText();

  step('the session ends while editing: the text stays');
  await open(page, 'Сайт', 'Сторінки сайту', 'pages-editor-role');
  await page.getByRole('row').nth(1).locator('.tree-title').click();
  const title = page.getByRole('textbox', { name: 'Назва', exact: true });
  await title.waitFor();
  const keep = `Текст, який не можна втратити (${Date.now() % 100000})`;
  out.screens.keptAfterSignIn = keep;
  await title.fill(keep);
  await context.clearCookies({ name: 'hromada_session' });
  await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await page.getByRole('heading', { name: 'Сеанс завершився' }).waitFor();
  await axe(page, 'session-expired');
  await page.getByRole('dialog').getByLabel('Пароль').fill(password);
  await page.getByRole('dialog').getByRole('button', { name: 'Увійти' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  expect((await title.inputValue()) === keep, 'the typed title survived');
  await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await page.getByRole('status').filter({ hasText: 'Чернетку збережено' }).waitFor();

  step('readable on a phone');
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, 'Головна', 'Чи готові ми до запуску?', 'phone-checklist');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `the checklist fits a phone's width (${overflow} px too wide)`);
  await open(page, 'Новини', 'Новини', 'phone-news');
  await page.setViewportSize({ width: 1024, height: 800 });

  step('password reset and invitation screens');
  const anon = await newPage(await browser.newContext({ bypassCSP: true }));
  await anon.goto(`${base}/admin/reset-password`);
  await anon.getByRole('heading', { name: 'Відновлення пароля' }).waitFor();
  await axe(anon, 'reset-password');
  await anon.getByLabel('Електронна пошта').fill('editor@petrykivska.hromada.localhost');
  await anon.getByRole('button', { name: 'Надіслати посилання' }).click();
  await anon.getByRole('status').waitFor();
  await anon.goto(`${base}/admin/accept-invitation?token=unknown-token`);
  await anon.getByRole('heading', { name: 'Запрошення до громади' }).waitFor();
  await axe(anon, 'accept-invitation');
  await anon.getByLabel('Пароль').fill('short');
  await anon.getByText('щонайменше 10 символів').first().waitFor();
  await anon.getByLabel('Пароль').fill('a-long-enough-password');
  await anon.getByRole('button', { name: 'Прийняти запрошення' }).click();
  await anon.getByRole('alert').waitFor();
  out.screens.badInvitation = await anon.getByRole('alert').innerText();
  await context.close();
}

async function oblast() {
  const base = host('dnipropetrovska');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await newPage(context);
  await signIn(page, base, 'oblast.admin@hromada.localhost');
  await page.getByRole('heading', { name: 'Громади області' }).waitFor();
  out.screens.communities = await page.locator('table').innerText();
  await axe(page, 'communities');

  step('the standard catalog and a standard card');
  await open(page, 'Стандартний каталог', 'Стандартний каталог області', 'standard');
  await page.locator('table tbody tr').first().getByRole('link').click();
  await page.getByRole('button', { name: 'Зберегти картку' }).waitFor();
  await axe(page, 'standard-card');
  const term = page.getByLabel('Строк (днів)');
  out.screens.standardTerm = await term.inputValue();

  step('site templates');
  await open(page, 'Шаблони сайтів', 'Шаблони сайтів громад', 'templates');
  await page.getByRole('button', { name: /На основі шаблону/ }).click();
  await page.getByRole('option').first().click();
  await page.getByLabel('Ключ (латиницею)').fill('silskyi');
  await page.getByLabel('Назва шаблону').fill('Сільська громада');
  await page.getByLabel('Сторінка 2: назва').fill('Про нашу громаду');
  await axe(page, 'templates-form');
  await page.getByRole('button', { name: 'Створити шаблон' }).click();
  await page.getByRole('status').filter({ hasText: 'Сільська громада' }).waitFor();

  step('a life situation of the portal');
  await open(page, 'Життєві ситуації', 'Життєві ситуації на порталі області', 'situations');
  const fresh = page.getByRole('form', { name: 'Нова ситуація' });
  await fresh.getByLabel('Назва українською').fill('Втрата документів');
  await fresh.getByLabel('Назва англійською').fill('Lost documents');
  await fresh.getByLabel('Адреса').fill('lost-documents');
  await fresh.getByRole('button', { name: 'Додати ситуацію' }).click();
  await fresh.locator('.field-error').first().waitFor();
  out.screens.situationError = await fresh.locator('.field-error').first().innerText();
  await axe(page, 'situations-error');
  await fresh.getByLabel('Знайти послугу').fill('втраченої');
  await fresh.getByRole('checkbox', { name: /замість втраченої/ }).click({ force: true });
  out.screens.situationChosen = await fresh.getByText(/^Обрано/).innerText();
  await fresh.getByRole('button', { name: 'Додати ситуацію' }).click();
  await page.getByRole('status').filter({ hasText: 'Втрата документів' }).waitFor();
  out.screens.situationSaved = await page.getByRole('status').filter({ hasText: 'Втрата документів' }).innerText();
  await page.getByRole('form', { name: 'Втрата документів' }).waitFor();
  await page.goto(`${base}/situations/lost-documents`);
  out.screens.situationOnPortal = await page.locator('main').innerText();
  await page.goto(`${base}/admin/`);
  await page.getByRole('heading', { name: 'Громади області' }).waitFor();

  step('onboard a community from the codifier');
  await open(page, 'Нова громада', 'Підключення громади', 'onboard');
  await page.getByLabel('Назва або код громади').fill('Магдалинівськ');
  const choose = page.getByRole('button', { name: /^Вибрати Магдалинівська/ }).first();
  await choose.waitFor();
  await choose.click();
  const slug = page.getByLabel('Адреса (латиницею)');
  out.screens.suggestedSlug = await slug.inputValue();
  out.screens.suggestedNameEn = await page.getByLabel('Назва англійською').inputValue();
  await page.getByLabel('Пошта першого адміністратора').fill('head@mahdalynivska.example.com');
  await axe(page, 'onboard-form');
  await page.getByRole('button', { name: 'Далі' }).click();
  await page.getByRole('button', { name: 'Створити громаду' }).click();
  await page.getByRole('status').filter({ hasText: 'створено' }).waitFor();
  out.screens.onboarded = await page.getByRole('status').innerText();
  await page.getByRole('link', { name: 'До громад області' }).click();
  await page.getByRole('cell', { name: /Магдалинівська/ }).waitFor();
  await context.close();
}

/** Waits until the inbox shows cases and every one is in `status`. */
async function rowsIn(page, status) {
  await page.waitForFunction((s) => {
    const cells = [...document.querySelectorAll('tbody tr td:nth-child(3)')];
    return cells.length > 0 && cells.every((c) => c.textContent === s);
  }, status);
}

/** The e-queue at the counter: a kiosk ticket, then the operator calls, starts and finishes. */
async function queue() {
  const base = host('petrykivska');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await newPage(context);
  step('the CNAP officer opens the queue');
  await signIn(page, base, 'cnap@petrykivska.hromada.localhost');
  await page.getByRole('navigation').getByRole('link', { name: 'Черга' }).waitFor();
  await open(page, 'Черга', 'Електронна черга', 'queue-counter');
  await page.getByRole('heading', { level: 2, name: 'Термінал' }).waitFor();

  step('the kiosk issues a walk-in ticket');
  await page.getByRole('button', { name: /Послуга/ }).click();
  await page.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Видати талон' }).click();
  const issued = page.getByRole('status').filter({ hasText: /^Талон/ });
  await issued.waitFor();
  out.screens.issued = await issued.innerText();

  step('the operator calls the next person, starts and finishes the visit');
  // Windows 1–3 serve every group between them (the demo's window 4 is busy).
  const now = page.locator('.ticket-now');
  for (const window of ['Вікно 1', 'Вікно 2', 'Вікно 3']) {
    await page.getByRole('button', { name: /Робоче місце/ }).click();
    await page.getByRole('option', { name: window, exact: true }).click();
    await page.getByRole('button', { name: 'Викликати наступного' }).click();
    await Promise.race([
      now.waitFor(),
      page.getByRole('status').filter({ hasText: 'Ніхто не чекає' }).waitFor(),
    ]);
    if (await now.count()) break;
  }
  await now.waitFor();
  out.screens.called = await now.innerText();
  await page.getByRole('button', { name: 'Почати прийом' }).click();
  await page.getByRole('button', { name: 'Завершити прийом' }).click();
  const finished = page.getByRole('status').filter({ hasText: 'завершено' });
  await finished.waitFor();
  out.screens.finished = await finished.innerText();
  await axe(page, 'queue-finished');
  await context.close();
}

/** The CNAP head sets up the queue (a bad value named at its field, a new window) and reads
 * its statistics. */
async function queueSetup() {
  const base = host('petrykivska');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await newPage(context);
  step('the CNAP head opens the queue settings');
  await signIn(page, base, 'head@petrykivska.hromada.localhost');
  await page.getByRole('navigation').getByRole('link', { name: 'Налаштування черги' }).waitFor();
  out.screens.headNav = await page.getByRole('navigation').innerText();
  await open(page, 'Налаштування черги', 'Налаштування електронної черги', 'queue-setup');
  await page.getByRole('heading', { level: 2, name: 'Робочі місця (вікна)' }).waitFor();

  step('a horizon of 200 days is refused at its field');
  const horizon = page.getByLabel('Запис наперед, днів');
  await horizon.fill('200');
  await page.getByRole('button', { name: 'Зберегти налаштування' }).click();
  await page.locator('.field-error').filter({ hasText: /90/ }).first().waitFor();
  out.screens.horizonError = await page.locator('.field-error').filter({ hasText: /90/ }).first().innerText();
  await axe(page, 'queue-setup-error');

  step('a new window for group A, and a shorter horizon');
  await horizon.fill('21');
  const windows = await page.getByLabel(/^Назва робочого місця \d+ українською$/).count();
  await page.getByRole('button', { name: 'Додати робоче місце' }).click();
  const n = windows + 1;
  await page.getByLabel(`Назва робочого місця ${n} українською`).fill('Вікно 5');
  await page.getByLabel(`Назва робочого місця ${n} англійською`).fill('Window 5');
  await page
    .getByRole('group', { name: 'Групи, які обслуговує Вікно 5' })
    .getByRole('checkbox', { name: 'Група A' })
    .click({ force: true });
  await page.getByRole('button', { name: 'Зберегти налаштування' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Налаштування збережено' });
  await saved.waitFor();
  out.screens.saved = await saved.innerText();
  await page.getByLabel(`Назва робочого місця ${n} українською`).waitFor();
  out.screens.windowAfterSave = await page.getByLabel(`Назва робочого місця ${n} українською`).inputValue();

  step('the statistics of the last seven days');
  await open(page, 'Статистика черги', 'Статистика електронної черги', 'queue-stats');
  const total = page.getByRole('row', { name: /^Разом/ });
  await total.waitFor();
  out.screens.statsTotal = (await total.innerText()).replace(/\s+/g, ' ');
  out.screens.statsRows = await page.locator('tbody tr').count();
  await page.getByRole('button', { name: /Розрізи/ }).click();
  await page.getByRole('option', { name: 'За робочими місцями' }).click();
  await page.getByRole('columnheader', { name: 'За робочими місцями' }).waitFor();
  await page.getByRole('row', { name: /^Вікно 1/ }).waitFor();
  out.screens.statsByWindow = (await page.locator('tbody').innerText()).replace(/\s+/g, ' ');
  await axe(page, 'queue-stats-windows');
  await context.close();
}

/** The CNAP desk and the provider's decision, and a card's online form. */
async function desk() {
  const base = host('petrykivska');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await newPage(context);

  step('the CNAP officer opens the inbox');
  await signIn(page, base, 'cnap@petrykivska.hromada.localhost');
  await page.getByRole('navigation').getByRole('link', { name: 'Звернення' }).waitFor();
  out.screens.cnapNav = await page.getByRole('navigation').innerText();
  await open(page, 'Звернення', 'Звернення громадян', 'desk-inbox');
  await page.getByRole('table').waitFor();

  step('the submitted tab shows its count and only submitted cases');
  const tab = page.getByRole('button', { name: /^Подано/ });
  out.screens.submittedTab = (await tab.innerText()).replace(/\s+/g, ' ');
  await tab.click();
  await rowsIn(page, 'Подано');

  step('take the submitted case, register it and forward it to the provider');
  const first = page.locator('tbody tr').first().getByRole('link');
  out.screens.forwarded = await first.innerText();
  await first.click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`Звернення ${out.screens.forwarded}`) }).waitFor();
  await axe(page, 'desk-case');
  await page.getByRole('button', { name: 'Взяти собі' }).click();
  await page.getByRole('status').filter({ hasText: 'тепер ваше' }).waitFor();
  await page.getByRole('button', { name: 'Зареєструвати' }).click();
  await page.getByRole('status').filter({ hasText: 'зареєстровано' }).waitFor();
  await page.getByRole('button', { name: 'Передати суб’єкту надання' }).click();
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  await page.getByRole('status').filter({ hasText: 'передано суб’єкту надання' }).waitFor();

  step('leave a registered case without movement with a remark on a named field');
  await page.getByRole('link', { name: '← До всіх звернень' }).click();
  await page.getByRole('heading', { level: 1, name: 'Звернення громадян' }).waitFor();
  await page.getByRole('button', { name: /^Зареєстровано/ }).click();
  await rowsIn(page, 'Зареєстровано');
  const second = page.locator('tbody tr').first().getByRole('link');
  out.screens.returned = await second.innerText();
  await second.click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`Звернення ${out.screens.returned}`) }).waitFor();
  await page.getByRole('button', { name: 'Взяти собі' }).click();
  await page.getByRole('status').filter({ hasText: 'тепер ваше' }).waitFor();
  await page.getByRole('button', { name: 'Залишити без руху' }).click();
  const remark = `Прізвище не збігається з паспортом ${Date.now()}`;
  out.screens.remark = remark;
  await page.getByLabel('Зауваження 1: що виправити').fill(remark);
  await axe(page, 'desk-return');
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  await page.getByRole('status').filter({ hasText: 'залишено без руху' }).waitFor();
  out.screens.remarkShown = await page.locator('h2:has-text("Зауваження до заяви") + ul').innerText();

  step('the overdue filter shows only overdue cases');
  await page.getByRole('link', { name: '← До всіх звернень' }).click();
  await page.getByRole('heading', { level: 1, name: 'Звернення громадян' }).waitFor();
  await page.getByText(/^Лише прострочені/).click();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('tbody tr')];
    return rows.length > 0 && rows.every((r) => r.classList.contains('row-overdue'));
  });
  out.screens.overdueRows = await page.locator('tbody tr').count();
  await axe(page, 'desk-overdue');

  step('take a paper application received by post, with scans of its documents');
  await page.getByRole('link', { name: 'Прийняти паперову заяву' }).click();
  await page.getByRole('heading', { level: 1, name: 'Паперова заява' }).waitFor();
  await page.getByRole('button', { name: /Послуга/ }).click();
  await page.getByRole('option', { name: /^PTR-E01/ }).click();
  await page.getByLabel('Для чого потрібна довідка').waitFor();
  await page.getByRole('button', { name: /Канал/ }).click();
  await page.getByRole('option', { name: 'Поштою (Укрпошта)' }).click();
  await page.getByRole('textbox', { name: 'Прізвище, ім’я, по батькові', exact: true }).fill('Богдан Коваленко');
  await page.getByRole('textbox', { name: 'Телефон', exact: true }).fill('+380671112233');
  await page.getByRole('textbox', { name: 'РНОКПП', exact: true }).fill('3012345670');
  await page.getByRole('textbox', { name: 'Адреса житла', exact: true }).fill('вул. Миру, 12, смт Петриківка');
  await page.getByRole('button', { name: /Для чого потрібна довідка/ }).click();
  await page.getByRole('option', { name: 'для нотаріуса' }).click();
  const scans = page.locator('input[type=file]');
  const slots = await scans.count();
  for (let i = 0; i < slots; i++) {
    await scans.nth(i).setInputFiles({ name: `scan-${i}.png`, mimeType: 'image/png', buffer: png() });
  }
  out.screens.intakeSlots = slots;
  await axe(page, 'desk-intake');
  await page.getByRole('button', { name: 'Зареєструвати поштове відправлення' }).click();
  await page.getByRole('heading', { level: 1, name: /^Заяву прийнято/ }).waitFor();
  out.screens.intake = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Заяву прийнято: ', '');
  await axe(page, 'desk-intake-receipt');
  await context.close();

  step('the provider refuses a case with grounds and the legal basis');
  const providerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const provider = await newPage(providerContext);
  await signIn(provider, base, 'provider@petrykivska.hromada.localhost');
  await provider.getByRole('navigation').getByRole('link', { name: 'Звернення' }).waitFor();
  out.screens.providerNav = await provider.getByRole('navigation').innerText();
  await provider.getByRole('navigation').getByRole('link', { name: 'Звернення' }).click();
  await provider.getByRole('heading', { level: 1, name: 'Звернення громадян' }).waitFor();
  await provider.getByRole('button', { name: /^У суб’єкта надання/ }).click();
  await rowsIn(provider, 'Передано суб’єкту надання');
  const atProvider = provider.locator('tbody tr').first().getByRole('link');
  out.screens.refused = await atProvider.innerText();
  await atProvider.click();
  await provider.getByRole('heading', { level: 1, name: new RegExp(`Звернення ${out.screens.refused}`) }).waitFor();
  await provider.getByRole('button', { name: 'Прийняти рішення' }).click();
  await provider.getByRole('button', { name: /^Надати послугу/ }).click();
  await provider.getByRole('option', { name: 'Відмовити' }).click();
  await provider.getByRole('button', { name: 'Підтвердити' }).click();
  await provider.locator('.field-error').filter({ hasText: /\S/ }).first().waitFor();
  out.screens.refusalWithoutGrounds = await provider.locator('.field-error').filter({ hasText: /\S/ }).first().innerText();
  await provider.getByLabel('Підстави відмови').fill('Заявник не є власником ділянки');
  await provider.getByLabel('Правова підстава (норма закону)').fill('ст. 123 Земельного кодексу України');
  await provider.getByRole('button', { name: 'Підтвердити' }).click();
  await provider.getByRole('status').filter({ hasText: 'Рішення за зверненням' }).waitFor();
  await axe(provider, 'desk-decided');
  await providerContext.close();

  step('the community admin adds a field to a card\'s online form');
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const admin = await newPage(adminContext);
  await signIn(admin, base, 'admin@petrykivska.hromada.localhost');
  await admin.getByRole('navigation').getByRole('link', { name: 'Каталог послуг' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Каталог послуг' }).waitFor();
  const edit = admin.getByRole('link', { name: /^Редагувати картку/ }).first();
  out.screens.cardEdited = (await edit.getAttribute('aria-label')).replace(/^Редагувати картку «|»$/g, '');
  await edit.click();
  await admin.getByRole('button', { name: 'Додати поле' }).click();
  const n = await admin.getByLabel(/^Поле \d+: ключ/).count();
  await admin.getByLabel(`Поле ${n}: ключ`).fill('Bad key');
  await admin.getByText('Ключ — латинські літери').first().waitFor();
  await admin.getByLabel(`Поле ${n}: ключ`).fill('purpose');
  await admin.getByLabel(`Поле ${n}: назва українською`).fill('Мета отримання довідки');
  await admin.getByLabel(`Поле ${n}: назва англійською`).fill('Purpose of the certificate');
  await axe(admin, 'card-form-fields');
  await admin.getByRole('button', { name: 'Зберегти картку' }).click();
  await admin.getByRole('status').filter({ hasText: 'Картку збережено' }).waitFor();
  await adminContext.close();
}

/** Medians of 10 navigations to each screen, the preview after a change, the shell's size. */
async function bench() {
  const base = host('petrykivska');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await newPage(context);
  let shellBytes = 0;
  page.on('response', async (r) => {
    const url = r.url();
    if (/\/admin\/assets\/index-.*\.js$/.test(url)) shellBytes = Number(r.headers()['content-length'] || 0);
  });
  await signIn(page, base, 'admin@petrykivska.hromada.localhost');
  await page.getByRole('heading', { name: 'Чи готові ми до запуску?' }).waitFor();
  const screens = [
    ['Сайт', 'Сторінки сайту'], ['Новини', 'Новини'], ['ЦНАП і графік', 'ЦНАП і віддалені робочі місця'],
    ['Каталог послуг', 'Каталог послуг'], ['Люди й ролі', 'Люди й ролі'], ['Журнал дій', 'Журнал дій'],
    ['Головна', 'Чи готові ми до запуску?'],
  ];
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [link, heading] of screens) {
    const times = [];
    for (let i = 0; i < 10; i++) {
      await page.goto(`${base}/admin/t/petrykivska/audit`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const started = Date.now();
      await page.getByRole('navigation').getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      times.push(Date.now() - started);
    }
    out.timings[link] = median(times);
  }
  await page.goto(`${base}/admin/t/petrykivska/site`);
  await page.getByRole('row').nth(1).locator('.tree-title').click();
  await page.locator('.preview-frame[data-rendered]').waitFor();
  const previews = [];
  for (let i = 0; i < 10; i++) {
    const before = await page.locator('.preview-frame').getAttribute('data-rendered');
    const started = Date.now();
    await page.getByRole('textbox', { name: 'Назва', exact: true }).fill(`Про громаду ${i}`);
    await page.waitForFunction(
      (b) => document.querySelector('.preview-frame')?.getAttribute('data-rendered') !== b,
      before,
    );
    previews.push(Date.now() - started);
  }
  out.timings.preview = median(previews);
  out.timings.shellGzipBytes = shellBytes;
  await context.close();
}

try {
  if (scenario === 'community') await community();
  else if (scenario === 'session') await session();
  else if (scenario === 'oblast') await oblast();
  else if (scenario === 'desk') await desk();
  else if (scenario === 'queue') await queue();
  else if (scenario === 'queueSetup') await queueSetup();
  else if (scenario === 'bench') await bench();
  else throw new Error(`unknown scenario ${scenario}`);
  console.log(JSON.stringify(out));
} catch (e) {
  out.failed = String(e && e.message ? e.message : e);
  if (process.env.FAIL_SHOT && lastPage) await lastPage.screenshot({ path: process.env.FAIL_SHOT, fullPage: true }).catch(() => {});
  console.log(JSON.stringify(out));
  process.exitCode = 1;
} finally {
  await browser.close();
}
