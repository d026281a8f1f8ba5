import { lazyDialog } from '../../ui/lazy-dialog';

/** The interaction form, loaded when a page first opens it (the account brief, the timeline, a task's "done"). */
export const InteractionDialog = lazyDialog(() =>
  import('./interaction-form-modal').then((module) => module.InteractionFormModal),
);
