// Layout check: the director and a KAM open every page their side menu offers at 1366×768, 1920×1080 and on
// a 390×844 phone. No page may scroll sideways, cover the header, land on the error boundary or get a 5xx
// from the API. One browser, one server; a few pages per viewport saved as docs/screenshots/layout-*.png.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shot, startKamap } from './harness.mjs';

const kamap = startKamap({ name: 'layout', startWithinMs: 240_000 });
const { base } = kamap;

const viewports = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844, isMobile: true },
];
/** the pages photographed at every viewport (director) */
const photographed = ['/identification', '/plans', '/alerts'];

/** What is wrong with the page as it stands: sideways scrolling, things over the header, the error page. */
async function breakages(page) {
  return page.evaluate(() => {
    const found = [];
    const width = window.innerWidth;
    const scrollWidth = document.scrollingElement.scrollWidth;
    if (scrollWidth > width + 1) {
      // name the widest offenders, so the fix is findable
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
        .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
      found.push(`scrolls sideways: ${scrollWidth} > ${width} (${wide.join(', ')})`);
    }
    const header = document.querySelector('.ant-layout-header');
    if (header) {
      const h = header.getBoundingClientRect();
      for (const el of header.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > width + 1 || r.bottom > h.bottom + 1))
          found.push(`header item outside the header: ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
      }
      // at the top of the page nothing of the content may lie over or under the header
      window.scrollTo(0, 0);
      const content = document.querySelector('.ant-layout-content');
      for (const el of content ? content.querySelectorAll('*') : []) {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
        if (r.top < h.bottom - 1 && r.bottom > h.top && r.left < h.right && r.right > h.left) {
          found.push(`over the header: ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
          break;
        }
      }
    }
    if (document.querySelector('.ant-result-error, .ant-result-500')) found.push('error page');
    return [...new Set(found)].slice(0, 6);
  });
}

/** The menu's links, read with the side menu expanded at desktop width. */
async function menuLinks(page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${base}/accounts`);
  await page.locator('.ant-layout-sider .ant-menu a[href]').first().waitFor();
  const hrefs = await page
    .locator('.ant-layout-sider .ant-menu a[href]')
    .evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  return [...new Set(hrefs)];
}

const drawn = '.ant-layout-content :is(h1, h2, h3, h4, .ant-card, .ant-result, .ant-table, .ant-empty)';

/**
 * Opens a page the way the menu does, inside the running app (a full reload per page would spend most of
 * the walk loading the app again): what the previous page drew is marked, and the page counts as opened
 * once something unmarked is drawn.
 */
async function open(page, path) {
  await page.evaluate(
    ({ path, drawn }) => {
      for (const el of document.querySelectorAll(drawn)) el.setAttribute('data-previous-page', '');
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    { path, drawn },
  );
  // settled: the page's own content drawn, no skeleton or spinner left (pages poll, so no network idle)
  await page.locator(`${drawn}:not([data-previous-page])`).first().waitFor({ timeout: 15_000 });
}

async function walk(username, { photos }) {
  const context = await kamap.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const serverErrors = [];
  page.on('response', (res) => {
    if (res.status() >= 500) serverErrors.push(`${res.status()} ${new URL(res.url()).pathname}`);
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await kamap.signIn(page, username);
  const links = await menuLinks(page);
  assert.ok(links.length >= 10, `${username} has a menu (${links.length} links)`);

  const problems = [];
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const path of links) {
      await open(page, path);
      await page
        .locator('.ant-layout-content :is(.ant-skeleton, .ant-spin-spinning)')
        .first()
        .waitFor({ state: 'detached', timeout: 8_000 })
        .catch(() => {});
      for (const problem of await breakages(page)) problems.push(`${viewport.name} ${path}: ${problem}`);
      if (photos && photographed.includes(path))
        await page.screenshot({ path: shot(`layout-${viewport.name}-${path.slice(1).replaceAll('/', '-')}.png`) });
    }
  }
  await context.close();
  return { problems, serverErrors, pageErrors, links };
}

// the two walks run side by side in one browser: most of a page's time is waiting for the server
describe('the layout at desktop and phone sizes', { concurrency: 2 }, () => {
  it('the director’s pages hold at 1366×768, 1920×1080 and 390×844', async () => {
    const { problems, serverErrors, pageErrors } = await walk('director', { photos: true });
    assert.deepEqual(problems, []);
    assert.deepEqual(serverErrors, []);
    assert.deepEqual(pageErrors, []);
  });

  it('the KAM’s pages hold at 1366×768, 1920×1080 and 390×844', async () => {
    const { problems, serverErrors, pageErrors } = await walk('kam', { photos: false });
    assert.deepEqual(problems, []);
    assert.deepEqual(serverErrors, []);
    assert.deepEqual(pageErrors, []);
  });
});
