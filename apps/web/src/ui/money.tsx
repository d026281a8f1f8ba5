import { formatMoney } from './format';

/** Money from integer fen, tabular digits; `signed` colours losses red. */
export function Money({ value, signed = false }: { value: number | null | undefined; signed?: boolean }) {
  const color = signed && value !== null && value !== undefined && value < 0 ? '#cf1322' : undefined;
  return (
    <span className="kamap-num" style={color ? { color } : undefined}>
      {formatMoney(value)}
    </span>
  );
}
