/** The kamap mark: a small org chart (one account, its people) in a rounded square. */
export function BrandMark({ size = 28, inverted = false }: { size?: number; inverted?: boolean }) {
  const fill = inverted ? '#ffffff' : '#1d4ed8';
  const ink = inverted ? '#1d4ed8' : '#ffffff';
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill={fill} />
      <circle cx="16" cy="9" r="3.2" fill={ink} />
      <circle cx="8.5" cy="22" r="3.2" fill={ink} />
      <circle cx="23.5" cy="22" r="3.2" fill={ink} />
      <path d="M16 12v4M16 16l-6 4M16 16l6 4" stroke={ink} strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
