import type { CurrentUser, Role } from '../../app/api/types';

/** Every internal role reads the analytics within its scope; agents (external partners) do not. */
export const analyticsReaders: readonly Role[] = ['admin', 'director', 'kam', 'service', 'analyst'];

export const seesAnalytics = (user: CurrentUser) => analyticsReaders.includes(user.role);

/** Changing the model, starting a run and overriding a tier are for admins and directors. */
export const managesAnalytics = (user: CurrentUser) => user.role === 'admin' || user.role === 'director';
