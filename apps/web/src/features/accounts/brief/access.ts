import type { CurrentUser } from '../../../app/api/types';
import { analyticsReaders } from '../../identification/access';
import { performanceReaders } from '../../performance/access';
import { planReaders } from '../../plans/access';

type Role = CurrentUser['role'];

/**
 * What a role's brief shows, as the server grants it: a section the role may not read is neither asked
 * for nor drawn. Tasks, needs, relationships, competitors and the timeline follow the account scope alone.
 */
export function briefSections(user: { role: Role }) {
  return {
    analytics: analyticsReaders.includes(user.role),
    plans: planReaders.includes(user.role),
    kpis: performanceReaders.includes(user.role),
    // service.read: every internal role
    complaints: performanceReaders.includes(user.role),
    // interaction.write: not the read-only analyst, not an external agent
    logVisit: user.role !== 'agent' && user.role !== 'analyst',
  };
}
