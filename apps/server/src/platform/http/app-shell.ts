/** The element of the app shell that carries the signed-in user (or null) to the web app. */
export const SESSION_ELEMENT_ID = 'kamap-session';

/**
 * What the web build's `first-pages.json` says: for an address pattern (`/accounts/:id`) of a page
 * opened most often, the script and style files its code needs beyond the app's entry.
 */
export type FirstPages = Record<string, { scripts: string[]; styles: string[] }>;

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The web app's `index.html` with the signed-in user written into it as a JSON data block, which the
 * app reads instead of asking `/auth/me` first. A data block is not run, so the content security policy
 * stays as it is; `<` is escaped so no value can close the element. For a signed-in user at the address
 * of one of the first pages, the shell also names that page's code, so the browser fetches it beside
 * the app's own code instead of after the app has started and routed.
 */
export function appShell(html: string, firstPages: FirstPages = {}) {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('The web build has no </head> in index.html');
  const before = html.slice(0, at);
  const after = html.slice(at);
  const pages = Object.entries(firstPages).map(([pattern, files]) => ({
    address: new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
    links: [
      ...files.styles.map((href) => `<link rel="stylesheet" crossorigin href="${attribute(href)}">`),
      ...files.scripts.map((href) => `<link rel="modulepreload" crossorigin href="${attribute(href)}">`),
    ].join(''),
  }));
  return (user: unknown, path = '/') => {
    const json = JSON.stringify(user).replace(/</g, '\\u003c');
    const links = user ? (pages.find((p) => p.address.test(path))?.links ?? '') : '';
    return `${before}${links}<script type="application/json" id="${SESSION_ELEMENT_ID}">${json}</script>${after}`;
  };
}
