import { useTranslation } from 'react-i18next';
import type { RelationshipGapData, RelationshipMapData } from '../../app/api/types';

/** One relationship gap in words: a role nobody covers, a single thread, or a person gone quiet. */
export function GapText({ gap, map }: { gap: RelationshipGapData; map: RelationshipMapData }) {
  const { t } = useTranslation();
  if (gap.kind === 'uncovered_role')
    return <>{t('relationship.gap.uncoveredRole', { role: t(`enum.decisionRole.${gap.role}`) })}</>;
  if (gap.kind === 'single_threaded') return <>{t('relationship.gap.singleThreaded', { count: gap.covered })}</>;
  const person = map.people.find((p) => p.id === gap.contactId);
  return (
    <>
      {gap.days === null
        ? t('relationship.gap.neverContacted', { name: person?.name ?? '' })
        : t('relationship.gap.stale', { name: person?.name ?? '', days: gap.days, cadence: map.cadenceDays })}
    </>
  );
}
