import { can, type Principal } from '../access/index.js';
import type { DrawnPage } from './first-page.js';

/** The element of the app shell that carries the signed-in user (or null) to the web app. */
export const SESSION_ELEMENT_ID = 'kamap-session';

/** The element of a drawn page that names the app's code for the web build's `boot.js`. */
const CODE_ELEMENT_ID = 'kamap-code';

/**
 * What the web build's `first-pages.json` says: for an address pattern (`/accounts/:id`) of a page
 * opened most often, the script and style files its code needs beyond the app's entry.
 */
export type FirstPages = Record<string, { scripts: string[]; styles: string[] }>;

type FirstReads = (params: Record<string, string>, search: URLSearchParams, user: Principal) => string[];

/**
 * The reads a first page's first paint waits for, by its address pattern: the shell names them as
 * preloads, so the browser fetches them beside the page's code, and the page's own request for the same
 * address (the route's loader, `prefetchAccountPage`) takes the preloaded answer over. Only the reads
 * the caller may make; the same addresses as the web asks, or the browser asks twice (the director's
 * journey checks it does not).
 */
const firstReads: Record<string, FirstReads> = {
  // the account brief's headline: the account, its value and churn reasons, the churn threshold
  '/accounts/:id': ({ id }, search, user) => {
    const account = `/api/v1/accounts/${id}`;
    const brief = (search.get('tab') ?? 'brief') === 'brief';
    return brief && can(user, 'analytics.read') ? [account, `${account}/value`, '/api/v1/analytics/config'] : [account];
  },
};

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The web app's `index.html` with the signed-in user written into it as a JSON data block, which the
 * app reads instead of asking `/auth/me` first. A data block is not run, so the content security policy
 * stays as it is; `<` is escaped so no value can close the element. At the address of one of the first
 * pages, for a signed-in user, the shell names that page's styles and code too; where the server can
 * draw the page (`first-page.ts`) it comes drawn, and the app's code is fetched once it has painted,
 * otherwise the shell names the page's first reads, so the browser fetches them beside the app's code.
 */
export function appShell(html: string, firstPages: FirstPages = {}) {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('The web build has no </head> in index.html');
  const before = html.slice(0, at);
  const after = html.slice(at);
  // the app's code as the build names it: a drawn page has the browser fetch it once it has painted
  const code =
    /<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>|<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>/g;
  const entry = { modules: [] as string[], preloads: [] as string[] };
  for (const [, module, preload] of before.matchAll(code)) {
    if (module) entry.modules.push(module);
    if (preload) entry.preloads.push(preload);
  }
  const beforeWithoutCode = before.replace(code, '');
  const pages = Object.entries(firstPages).map(([pattern, files]) => ({
    names: [...pattern.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!),
    address: new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '([^/]+)')}/?$`),
    reads: firstReads[pattern],
    styles: files.styles.map((href) => `<link rel="stylesheet" crossorigin href="${attribute(href)}">`).join(''),
    scripts: files.scripts,
  }));
  const preloads = (hrefs: string[]) =>
    hrefs.map((href) => `<link rel="modulepreload" crossorigin href="${attribute(href)}">`).join('');
  /** What `boot.js` (in the web build) loads once a drawn page has painted. */
  const boot = (scripts: string[]) => {
    const json = JSON.stringify({ modules: entry.modules, preloads: [...entry.preloads, ...scripts] });
    return `<script type="application/json" id="${CODE_ELEMENT_ID}">${json.replace(/</g, '\\u003c')}</script><script src="/boot.js" defer></script>`;
  };
  const root = '<div id="root"></div>';
  const rootAt = after.indexOf(root);
  if (rootAt < 0) throw new Error('The web build has no empty #root in index.html');
  const head = after.slice(0, rootAt);
  const tail = after.slice(rootAt + root.length);
  /**
   * The shell for a request. With `drawing` (the server can draw first pages) and a first page's address,
   * `drawn` says so and the page is sent in two parts: `start`, at once, so the browser fetches the page's
   * code and styles while the server draws it, then `finish(page)` with the drawn page (or none: the
   * browser draws it). A page drawn on the server carries its reads' answers, so it names no reads.
   */
  return (user: unknown, url = '/', principal?: Principal, drawing = false, language = 'zh-CN') => {
    const json = JSON.stringify(user).replace(/</g, '\\u003c');
    let links = '';
    let drawn = false;
    let start = before;
    if (user && principal) {
      const [path = '/', query = ''] = url.split('?', 2);
      for (const page of pages) {
        const match = page.address.exec(path);
        if (!match) continue;
        drawn = drawing;
        if (drawn) {
          // a page drawn on the server carries its reads' answers: it names only its styles and code
          start = beforeWithoutCode;
          links = `${page.styles}${boot(page.scripts)}`;
          break;
        }
        // a parameter stays as the address has it, percent-encoded, as the page's own request sends it
        const params = Object.fromEntries(page.names.map((name, i) => [name, match[i + 1]!]));
        // the reads first: they wait on the database, the code only on the disk
        const reads = page.reads?.(params, new URLSearchParams(query), principal) ?? [];
        links = `${reads.map((href) => `<link rel="preload" as="fetch" crossorigin href="${attribute(href)}">`).join('')}${page.styles}${preloads(page.scripts)}`;
        break;
      }
    }
    const session = `<script type="application/json" id="${SESSION_ELEMENT_ID}">${json}</script>`;
    return {
      drawn,
      // the page's language as the user chose it (the web app's cookie), before any script has run
      start: `${start.replace(/<html lang="[^"]*">/, `<html lang="${language === 'en' ? 'en' : 'zh-CN'}">`)}${links}${session}${head}`,
      finish: (page?: DrawnPage | null) =>
        page ? `${page.head}<div id="root">${page.html}</div>${tail}` : `${root}${tail}`,
    };
  };
}
