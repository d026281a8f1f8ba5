import { Industry } from '@kamap/contracts';
import type { TFunction } from 'i18next';
import { oneOf } from '../../app/use-url-params';

/** `C` → `C 制造业`; an unknown code is shown as it came. */
export function industryLabel(t: TFunction, value: string | null): string {
  if (!value) return '—';
  const section = oneOf(Industry.options, value);
  return section ? `${section} ${t(`enum.industry.${section}`)}` : value;
}
