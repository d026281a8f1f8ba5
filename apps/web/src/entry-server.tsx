/**
 * The server's way in (built by `vite build --ssr`, loaded by the server's app shell): draws one of the
 * pages opened most often, for a signed-in user, as HTML the browser paints before any script has run.
 * The browser then takes the drawn page over (`main.tsx`) from the same reads, which ride in the page.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { text } from 'node:stream/consumers';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { dehydrate, hydrate, QueryClient } from '@tanstack/react-query';
import { prerenderToNodeStream } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, matchRoutes, StaticRouterProvider } from 'react-router';
import { setTransport } from './app/api/client';
import { meQueryKey } from './app/api/query-client';
import type { CurrentUser } from './app/api/types';
import { AppFrame } from './app/app';
import { FIRST_PAGE_ELEMENT_ID, type FirstPageState } from './app/first-page';
import { asLanguage, setLanguage } from './app/i18n';
import { type Reads, routes } from './app/router';

export type FirstPageRequest = {
  /** the address asked for, path and query */
  url: string;
  user: CurrentUser;
  language: string;
  /** makes an API request as the signed-in user */
  send: typeof fetch;
  /** how long the drawing waits for the page's reads (ms): what is not in by then the browser reads */
  wait: number;
};

/** The page's HTML (the content of `#root`) and what goes before it: its styles and its state. */
export type FirstPage = { html: string; head: string };

// each drawing's requests go out as its own user
const senders = new AsyncLocalStorage<typeof fetch>();
setTransport((input, init) => {
  const send = senders.getStore();
  if (!send) return Promise.reject(new Error('a request outside a first page drawing'));
  return send(input, init);
});

const handler = createStaticHandler(routes);

/** The longest a drawing may take once its reads are in. */
const DRAW_LIMIT_MS = 2000;

const serverClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } } });

/** How React marks a boundary whose content was not ready when the page around it was written. */
const PENDING = '<!--$?-->';

// drawings take turns: the language and the date library's locale are the module's, and drawing is
// CPU work that gains nothing from interleaving
let turn: Promise<unknown> = Promise.resolve();

/**
 * Draws the page at `url`, or answers null for an address that is not a first page, a redirect, or a
 * page whose reads failed (the browser then draws it as any other page, and shows the error its way).
 */
export async function renderFirstPage(request: FirstPageRequest): Promise<FirstPage | null> {
  const url = new URL(request.url, 'http://kamap.invalid');
  const matches = matchRoutes(routes, url.pathname);
  const reads = matches?.map((m) => (m.route.handle as { reads?: Reads } | undefined)?.reads).findLast(Boolean);
  if (!matches || !reads) return null;

  const reading = serverClient();
  reading.setQueryData(meQueryKey, request.user);
  await senders.run(request.send, async () => {
    reads(reading, request.user, url, matches.at(-1)!.params, Promise.resolve());
    await settled(reading, request.wait);
  });
  if (
    reading
      .getQueryCache()
      .getAll()
      .some((query) => query.state.status === 'error')
  )
    return null;
  // The page is drawn from the answers in by now, and the browser is sent exactly those: a read still
  // out (past the wait) lands in `reading`, not in what is drawn, and the browser reads it itself.
  const queries = dehydrate(reading);
  const client = serverClient();
  hydrate(client, queries);

  const context = await handler.query(new Request(url));
  if (context instanceof Response || context.errors) return null;
  const router = createStaticRouter(handler.dataRoutes, context);
  const language = asLanguage(request.language);

  const once = async () => {
    await setLanguage(language);
    const cache = createCache();
    let failure: unknown;
    const { prelude } = await prerenderToNodeStream(
      <StyleProvider cache={cache}>
        <AppFrame client={client}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </AppFrame>
      </StyleProvider>,
      {
        // one piece: a boundary sent apart from the page is swapped in by inline scripts, which the
        // content security policy forbids
        progressiveChunkSize: Number.POSITIVE_INFINITY,
        // a drawing that does not end (a component waiting on something that never comes) must not hold
        // the drawings queued behind it: it ends as a failure, and the browser draws that page
        signal: AbortSignal.timeout(DRAW_LIMIT_MS),
        onError: (error) => {
          failure ??= error;
        },
      },
    );
    const html = await text(prelude);
    // the server logs it, and the browser draws the page
    if (failure) throw failure;
    // a boundary left pending would need an inline script to show
    return html.includes(PENDING) ? null : { html, styles: extractStyle(cache) };
  };
  const draw = turn.then(once);
  turn = draw.catch(() => undefined);
  const drawn = await draw;
  if (!drawn) return null;

  const state: FirstPageState = {
    language,
    queries,
    router: { loaderData: context.loaderData, actionData: context.actionData, errors: context.errors },
  };
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return {
    html: drawn.html,
    head: `${drawn.styles}<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${json}</script>`,
  };
}

/** Resolves when `client` has no read in flight, or after `wait` ms. */
async function settled(client: QueryClient, wait: number) {
  // a page's reads may start a turn later (those that wait for its code)
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, wait);
    const unsubscribe = client.getQueryCache().subscribe(() => {
      if (client.isFetching() === 0) done();
    });
    if (client.isFetching() === 0) done();
  });
}
