import type { Role } from '../../app/api/types';

/** Plans, deals and contracts are the company's own strategy: every internal role reads them, agents do not. */
export const planReaders: readonly Role[] = ['admin', 'director', 'kam', 'service', 'analyst'];
export const planWriters: readonly Role[] = ['admin', 'director', 'kam'];
/** A strategic plan is decided by a director of the account's org unit or an admin (the server checks the unit). */
export const planApprovers: readonly Role[] = ['admin', 'director'];
