import { withCreditCheck } from '@kamap/contracts';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import type { City } from './geography.js';
import { type Rng, scatter } from './random.js';

/** Identifiers that must look real and never collide: credit codes, phone numbers. */

const ORG_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code check character over 8 body characters (letters count A=10 … Z=35). */
function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i] as string, 36) * (ORG_CODE_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * 统一社会信用代码: 9 (registered with market regulation) 1 (enterprise), the division code of the
 * city, the organisation code (older companies: 8 digits; newer ones: MA + 6 characters) with its
 * GB 11714 check, and the GB 32100 check character. Unique for distinct counters.
 */
export function creditCode(counter: number, city: City, modern: boolean): string {
  let body: string;
  if (modern) {
    let x = scatter(counter, 8, 4099);
    let tail = '';
    for (let i = 0; i < 6; i++) {
      tail = ORG_CODE_CHARS[x % 31] + tail;
      x = Math.floor(x / 31);
    }
    body = `MA${tail}`;
  } else {
    body = String(scatter(counter, 8, 977)).padStart(8, '0');
  }
  return withCreditCheck(`91${city.division}${body}${orgCodeCheck(body)}`);
}

export type Phone = { e164: string; display: string };

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '175',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/**
 * Phone numbers are unique across the data set: the subscriber part is a bijection of a counter
 * (one counter for mobiles, one per area code for landlines). Landlines have 8 digits in big cities
 * and 7 in many prefecture cities; the full numbering plan says which, once per area code.
 */
export function createPhoneBook(seed: number) {
  let mobiles = 0;
  const perArea = new Map<string, { digits: number; next: number }>();
  return {
    mobile(rng: Rng): Phone {
      const prefix = rng.pick(MOBILE_PREFIXES);
      const rest = String(scatter(mobiles++, 8, seed % 99991)).padStart(8, '0');
      return { e164: `+86${prefix}${rest}`, display: `${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}` };
    },
    landline(rng: Rng, areaCode: string): Phone {
      let area = perArea.get(areaCode);
      if (!area) {
        area = { digits: isValidPhoneNumber(`+86${areaCode}61234567`) ? 8 : 7, next: 0 };
        perArea.set(areaCode, area);
      }
      const rest = String(scatter(area.next++, area.digits - 1, seed % 65521)).padStart(area.digits - 1, '0');
      // 80x… is the service-number block (800 toll-free), not a subscriber line.
      const first = rest.startsWith('0') ? rng.pick(['5', '6']) : rng.pick(['5', '6', '8']);
      const local = `${first}${rest}`;
      const head = local.length - 4;
      return { e164: `+86${areaCode}${local}`, display: `0${areaCode} ${local.slice(0, head)} ${local.slice(head)}` };
    },
  };
}

export type PhoneBook = ReturnType<typeof createPhoneBook>;
