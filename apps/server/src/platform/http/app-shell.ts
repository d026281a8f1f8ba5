import { can, type Principal } from '../access/index.js';

/** The element of the app shell that carries the signed-in user (or null) to the web app. */
export const SESSION_ELEMENT_ID = 'kamap-session';

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
 * stays as it is; `<` is escaped so no value can close the element. For a signed-in user at the address
 * of one of the first pages, the shell also names that page's first reads and its code, so the browser
 * fetches them beside the app's own code instead of after the app has started and routed.
 */
export function appShell(html: string, firstPages: FirstPages = {}) {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('The web build has no </head> in index.html');
  const before = html.slice(0, at);
  const after = html.slice(at);
  const pages = Object.entries(firstPages).map(([pattern, files]) => ({
    names: [...pattern.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!),
    address: new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '([^/]+)')}/?$`),
    reads: firstReads[pattern],
    code: [
      ...files.styles.map((href) => `<link rel="stylesheet" crossorigin href="${attribute(href)}">`),
      ...files.scripts.map((href) => `<link rel="modulepreload" crossorigin href="${attribute(href)}">`),
    ].join(''),
  }));
  return (user: unknown, url = '/', principal?: Principal) => {
    const json = JSON.stringify(user).replace(/</g, '\\u003c');
    let links = '';
    if (user && principal) {
      const [path = '/', query = ''] = url.split('?', 2);
      for (const page of pages) {
        const match = page.address.exec(path);
        if (!match) continue;
        // a parameter stays as the address has it, percent-encoded, as the page's own request sends it
        const params = Object.fromEntries(page.names.map((name, i) => [name, match[i + 1]!]));
        // the reads first: they wait on the database, the code only on the disk
        const reads = page.reads?.(params, new URLSearchParams(query), principal) ?? [];
        links = `${reads.map((href) => `<link rel="preload" as="fetch" crossorigin href="${attribute(href)}">`).join('')}${page.code}`;
        break;
      }
    }
    return `${before}${links}<script type="application/json" id="${SESSION_ELEMENT_ID}">${json}</script>${after}`;
  };
}
