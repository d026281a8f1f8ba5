/** The element of the app shell that carries the signed-in user (or null) to the web app. */
export const SESSION_ELEMENT_ID = 'kamap-session';

/**
 * The web app's `index.html` with the signed-in user written into it as a JSON data block, which the
 * app reads instead of asking `/auth/me` first. A data block is not run, so the content security policy
 * stays as it is; `<` is escaped so no value can close the element.
 */
export function appShell(html: string) {
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('The web build has no </head> in index.html');
  const before = html.slice(0, at);
  const after = html.slice(at);
  return (user: unknown) => {
    const json = JSON.stringify(user).replace(/</g, '\\u003c');
    return `${before}<script type="application/json" id="${SESSION_ELEMENT_ID}">${json}</script>${after}`;
  };
}
