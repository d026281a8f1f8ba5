import { lazyNamed } from '../../ui/lazy-named';

/** The interaction form, loaded when a page first opens it (the account brief, the timeline, a task's "done"). */
export const InteractionDialog = lazyNamed(() => import('./interaction-form-modal'), 'InteractionFormModal');
