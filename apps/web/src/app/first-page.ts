import type { DehydratedState } from '@tanstack/react-query';
import type { HydrationState } from 'react-router';
import type { Language } from './i18n';

/** The element of a page drawn on the server that carries what it was drawn from to the browser. */
export const FIRST_PAGE_ELEMENT_ID = 'kamap-first-page';

/**
 * What the server drew a first page from: the language, the reads (the browser's cache starts with
 * them) and the router's state. The browser takes the drawn page over only if it would draw the same.
 */
export type FirstPageState = { language: Language; queries: DehydratedState; router: HydrationState };

/** Reads the state the server wrote into the page, once; null for a page the browser draws itself. */
export function takeFirstPageState(): FirstPageState | null {
  const element = document.getElementById(FIRST_PAGE_ELEMENT_ID);
  if (!element?.textContent) return null;
  element.remove();
  try {
    return JSON.parse(element.textContent) as FirstPageState;
  } catch {
    return null;
  }
}
