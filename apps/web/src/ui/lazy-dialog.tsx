import { type ComponentType, lazy } from 'react';

/**
 * A dialog whose code arrives when it is first shown: a page does not wait for the forms, pickers and
 * date panels it may never open. Render it only while it is open (or once it has been), inside a
 * `<Suspense fallback={null}>`, so that nothing else waits for it either.
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() => load().then((component) => ({ default: component })));
}
