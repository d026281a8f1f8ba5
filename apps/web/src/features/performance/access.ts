import type { CurrentUser, Role } from '../../app/api/types';

/** Every internal role reads events, KPIs and reviews within its scope; agents do not. */
export const performanceReaders: readonly Role[] = ['admin', 'director', 'kam', 'service', 'analyst'];
export const writesEvents = (user: CurrentUser) => ['admin', 'director', 'kam'].includes(user.role);
export const configuresKpis = (user: CurrentUser) => user.role === 'admin' || user.role === 'director';
export const writesReviews = (user: CurrentUser) => ['admin', 'director', 'kam'].includes(user.role);
