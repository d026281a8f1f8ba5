// Walks both catalogues and the code that reads them: the same keys in both languages, nothing empty,
// the same interpolation variables, Chinese where Chinese is expected, no Chinese in the English UI,
// and every literal key the code asks for present.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = '', into = new Map<string, string>()) {
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}

const zh = flatten(zhCN);
const english = flatten(en);

/** `{{name}}` and `{{name, format}}` interpolations, and `$t(key)` nestings. */
export function placeholders(text: string): string[] {
  const found = [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => `{{${m[1]}}}`);
  const nested = [...text.matchAll(/\$t\(([\w.]+)/g)].map((m) => `$t(${m[1]})`);
  return [...new Set([...found, ...nested])].sort();
}

const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/**
 * Latin words a Chinese UI keeps as they are: the product, units, standard abbreviations and names of
 * methods, formats and products that Chinese business users read in Latin letters.
 */
const latinInChinese = new Set(
  [
    'kamap',
    'KPI',
    'KPIs',
    'KAM',
    'CLV',
    'RFM',
    'ABC',
    'ABCD',
    'DSO',
    'SLA',
    'NPS',
    'CSAT',
    'SWOT',
    'BG',
    'NBD',
    'LL',
    'ID',
    'API',
    'URL',
    'ICS',
    'CSV',
    'XLSX',
    'xlsx',
    'csv',
    'JSON',
    'PDF',
    'UTF',
    'BOM',
    'GBK',
    'GB',
    'Excel',
    'WeChat',
    'English',
    'OK',
    'TOP',
    'Top',
    'CNY',
    'VIP',
    'IT',
    'PIPL',
    'pg_trgm',
    'trgm',
    'pg',
    'min',
    'max',
    'Gamma',
    'Pareto',
    'McDonald',
    'Profiling',
    'Persistency',
    'Profitability',
    'Performance',
    'Prospecting',
    'Product',
    'Promotion',
    'P1',
    'P2',
    'P3',
    'E164',
    'ms',
    's',
    'h',
    'd',
    'km',
    'vs',
    'v',
    'alive',
    'SEC',
    'Webhook',
    'Outlook',
    'PNG',
    'SQL',
    'P75',
    'GB18030',
    'vCard',
    'vcf',
  ].map((w) => w.toLowerCase()),
);

/** Latin words of a Chinese value that are not on the allow-list, after interpolations and tags are removed. */
export function foreignWords(text: string): string[] {
  const bare = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ')
    .replace(/<\/?[\w]+\s*\/?>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ');
  const words = bare.match(/[A-Za-z][A-Za-z_]*\d*/g) ?? [];
  return words.filter((w) => !latinInChinese.has(w.toLowerCase()) && !/^[A-Z]$/.test(w));
}

/** Keys whose English value is Chinese on purpose: a language's own name, shown so its readers find it. */
const chineseInEnglish = new Set(['language.zh']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every `t('literal')` (and `i18n.t`) key in the web sources; template keys with `${…}` are skipped. */
function literalKeys(): Map<string, string> {
  const root = join(import.meta.dirname, '..', '..');
  const keys = new Map<string, string>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*(['"`])([\w.-]+)\1/g)) {
      if (!keys.has(m[2]!)) keys.set(m[2]!, file.slice(root.length + 1));
    }
  }
  return keys;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

describe('the i18n catalogues', () => {
  it('have the same keys in both languages', () => {
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect(zh.size).toBeGreaterThan(500);
  });

  it('have no empty values', () => {
    const empty = [...zh, ...english].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const differing = [...zh]
      .filter(([k, v]) => english.has(k) && placeholders(v).join() !== placeholders(english.get(k)!).join())
      .map(([k, v]) => `${k}: ${placeholders(v).join(' ')} ≠ ${placeholders(english.get(k)!).join(' ')}`);
    expect(differing).toEqual([]);
  });

  it('write Chinese where Chinese is expected', () => {
    const untranslated = [...zh]
      .filter(([k, v]) => k !== 'language.en' && foreignWords(v).length > 0)
      .map(([k, v]) => `${k}: ${v} [${foreignWords(v).join(' ')}]`);
    expect(untranslated).toEqual([]);
  });

  it('have no Chinese in the English catalogue', () => {
    const chinese = [...english]
      .filter(([k, v]) => cjk.test(v) && !chineseInEnglish.has(k))
      .map(([k, v]) => `${k}: ${v}`);
    expect(chinese).toEqual([]);
  });

  it('hold every key the code asks for by its literal name', () => {
    const used = literalKeys();
    expect(used.size).toBeGreaterThan(500);
    const missing = [...used]
      .filter(([key]) => {
        const present = (c: Map<string, string>) =>
          c.has(key) || [...c.keys()].some((k) => k.replace(pluralSuffix, '') === key);
        return !present(zh) || !present(english);
      })
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find interpolations and nestings', () => {
    expect(placeholders('共 {{count}} 个，{{amount, money}} 元 $t(common.unit)')).toEqual([
      '$t(common.unit)',
      '{{amount}}',
      '{{count}}',
    ]);
  });

  it('tell English left in a Chinese value from allowed abbreviations', () => {
    expect(foreignWords('Save changes')).toEqual(['Save', 'changes']);
    expect(foreignWords('KPI 达成率 {{rate}}')).toEqual([]);
    expect(foreignWords('kamap · RFM / CLV')).toEqual([]);
    expect(foreignWords('前 {{n}}%<br/>模型 v{{version}}')).toEqual([]);
    expect(foreignWords('模拟结果（What-if）')).toEqual(['What', 'if']);
  });
});
