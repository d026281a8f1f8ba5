import type { Role } from '../../app/api/types';

/** Who sees what of channels (the server decides; the menu only hides what would be refused). */
export const agentReaders: readonly Role[] = ['admin', 'director', 'kam', 'analyst'];
export const registrants: readonly Role[] = ['admin', 'director', 'agent'];
/** The channel manager (渠道经理) is a director or an admin. */
export const channelManagers: readonly Role[] = ['admin', 'director'];
