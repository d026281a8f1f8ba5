import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * A first page drawn on the server by the web build's `entry-server.js`: the content of `#root` and what
 * goes before it (its styles and the state the browser takes the page over from).
 */
export type DrawnPage = { html: string; head: string };

type Renderer = (request: {
  url: string;
  user: unknown;
  language: string;
  send: typeof fetch;
  wait: number;
}) => Promise<DrawnPage | null>;

/** The cookie the web app keeps the user's language in (`app/i18n` in the web). */
export const LANGUAGE_COOKIE = 'kamap-language';

/**
 * How long a drawing waits for its page's reads: the page is sent with what is in by then, the browser
 * reads the rest. Long enough for the map's reads at 100,000 accounts (p50 under 100 ms each).
 */
const READS_WAIT_MS = 250;

/**
 * Loads the web build's drawing of the first pages, if the build has one (`vite build --ssr`; a server
 * started without a web build, or the tests', has none), and answers a function that draws the page at a
 * request's address for its signed-in user, or null where the browser is to draw it (not a first page,
 * a read failed, the drawing failed: never an error to the user).
 */
export async function firstPageDrawing(app: FastifyInstance, webDist: string) {
  const entry = join(webDist, '..', 'dist-ssr', 'entry-server.js');
  if (!existsSync(entry)) return undefined;
  const { renderFirstPage } = (await import(pathToFileURL(entry).href)) as { renderFirstPage: Renderer };
  return async (req: FastifyRequest, user: unknown, language: string): Promise<DrawnPage | null> => {
    // the page's reads go through the API as the same user, with the same checks as the browser's
    const send: typeof fetch = async (input, init) => {
      if (init?.method && init.method !== 'GET') throw new Error('a first page only reads');
      const response = await app.inject({
        method: 'GET',
        url: String(input),
        headers: { cookie: req.headers.cookie ?? '', 'accept-language': req.headers['accept-language'] ?? 'zh-CN' },
      });
      return new Response(response.statusCode === 204 ? null : response.rawPayload, {
        status: response.statusCode,
        headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') },
      });
    };
    try {
      return await renderFirstPage({
        url: req.url,
        user,
        language,
        send,
        wait: READS_WAIT_MS,
      });
    } catch (error) {
      req.log.error({ err: error }, 'drawing the first page failed; the browser draws it');
      return null;
    }
  };
}
