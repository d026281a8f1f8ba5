import { type ComponentType, lazy } from 'react';

/**
 * A component whose code arrives when it is first rendered: `name` is the module's export. For pages,
 * tabs, charts and the dialogs a page may never open (render those inside a `<Suspense>`, only while
 * open or once they have been, so that nothing else waits for them).
 */
// biome-ignore lint/suspicious/noExplicitAny: any props, as React's own `lazy` takes; the export keeps its own
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
