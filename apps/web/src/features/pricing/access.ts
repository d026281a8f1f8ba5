import type { Role } from '../../app/api/types';

export const priceReaders: readonly Role[] = ['admin', 'director', 'kam', 'analyst'];
export const discountRequesters: readonly Role[] = ['admin', 'director', 'kam'];
export const discountReporters: readonly Role[] = ['admin', 'director', 'analyst'];
