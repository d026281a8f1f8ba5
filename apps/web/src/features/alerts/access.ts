import type { CurrentUser, Role } from '../../app/api/types';

/** Alerts reach the people who act on accounts; analysts and channel agents have no inbox. */
export const alertReaders: readonly Role[] = ['admin', 'director', 'kam', 'service'];
export const readsAlerts = (user: CurrentUser) => alertReaders.includes(user.role);
export const configuresAlerts = (user: CurrentUser) => user.role === 'admin';
