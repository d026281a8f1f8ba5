import { useTranslation } from 'react-i18next';

/** A 1–5 rating as five small bars, compact enough for a table cell; — when not rated. */
export function Rating({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <span>—</span>;
  return (
    <span
      role="img"
      aria-label={t('common.ratingValue', { value })}
      title={t('common.ratingValue', { value })}
      style={{ display: 'inline-flex', gap: 2, alignItems: 'center' }}
    >
      {[1, 2, 3, 4, 5].map((i) => (
        <span
          key={i}
          style={{ width: 8, height: 12, borderRadius: 2, background: i <= value ? '#1d4ed8' : '#dbe3f4' }}
        />
      ))}
      <span className="kamap-num" style={{ marginInlineStart: 6, color: '#64748b', fontSize: 12 }}>
        {value}
      </span>
    </span>
  );
}
