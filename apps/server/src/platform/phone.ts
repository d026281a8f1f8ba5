import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Normalises any common spelling of a Chinese mobile or landline (138 0013 8000, +86-138-0013-8000,
 * (021) 5888 1234, 021-58881234) to E.164; undefined when it is not a possible number.
 */
export function toE164(input: string): string | undefined {
  const cleaned = input
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[－—–]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const parsed = parsePhoneNumberFromString(cleaned, 'CN');
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** Masks the middle of a number for roles that may not see it: +8613800138000 → 138****8000. */
export function maskPhone(e164: string): string {
  const national = e164.startsWith('+86') ? e164.slice(3) : e164;
  if (national.length <= 7) return `${national.slice(0, 2)}****`;
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

/** Human-readable national form: 138 0013 8000, 021 5888 1234. */
export function displayPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational() : e164;
}
