import type { TFunction } from 'i18next';
import { isApiError } from './client';

/** What to tell the user about a failed call: the server's own `detail` when it gave one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.problem.detail) return error.problem.detail;
    if (error.status === 0) return t('error.network');
    if (error.status === 404) return t('error.notFound');
    if (error.status >= 500) return t('error.server');
    return error.problem.title;
  }
  return error instanceof Error ? error.message : t('error.unknown');
}

/** Per-field messages of a validation problem, keyed as AntD form names (`phones.0.number` → ['phones', 0, 'number']). */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!isApiError(error) || !error.problem.errors) return [];
  return error.problem.errors.map((e) => {
    const parts = e.path.split(/[./]/).filter(Boolean);
    // some validators prefix the request part: `body.name`, `/body/name`
    if (parts[0] === 'body' && parts.length > 1) parts.shift();
    return { name: parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [e.message] };
  });
}
