import { i18n } from '../i18n';
import type { Problem } from './types';

const base = '/api/v1';

/** A failed API call, carrying the server's RFC 9457 problem (or one made up for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

/**
 * A 409 from an optimistic-lock check (problem type `…/stale-version`); a unique-value clash is also
 * a 409 but of type `…/conflict`, naming the field.
 */
export const isStaleVersion = (error: unknown): error is ApiError =>
  isApiError(error, 409) && error.problem.type.endsWith('/stale-version');

/**
 * How requests go out: the browser's `fetch`; on the server, drawing a first page, a call into the same
 * server as the signed-in user (`entry-server.tsx`).
 */
let transport: typeof fetch = (input, init) => fetch(input, init);

export function setTransport(send: typeof fetch) {
  transport = send;
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent back on every write; set from the current user after login or /auth/me. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** For requests made without `api` (file uploads with a raw body). */
export const getCsrfToken = () => csrfToken;

export type QueryValue = string | number | boolean | null | undefined;

export function toSearch(params: Record<string, QueryValue> | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return {
        type: body.type ?? 'about:blank',
        title: body.title ?? response.statusText,
        status: body.status ?? response.status,
        detail: body.detail,
        errors: body.errors,
      };
    } catch {
      // fall through to the status line: a proxy or crash answered with something that is not JSON
    }
  }
  return { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  // the UI language, so a server that localises its problem details can answer in it
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await transport(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ type: 'network', title: 'Network error', status: 0 });
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, params?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', `${path}${toSearch(params)}`, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string, params?: Record<string, QueryValue>) => request<T>('DELETE', `${path}${toSearch(params)}`),
};
