import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readRows, type SourceRow } from './read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'kamap-read-file-'));
let files = 0;
function file(content: Buffer | string): string {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, content);
  return path;
}

async function read(path: string, chunkBytes?: number): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of readRows(path, 'csv', undefined, chunkBytes).rows) out.push(row);
  return out;
}

// Chinese text (3 bytes a character in UTF-8), a quoted field over two lines, an empty field, a BOM
const text =
  '\uFEFF订单号,客户名称,备注\r\nSO1,南通精工机械有限公司,"第一行\n第二行"\r\nSO2,,"引号""内"\r\nSO3,上海𠀋贸易,\r\n';
const expected = [
  { row: 1, cells: ['订单号', '客户名称', '备注'] },
  { row: 2, cells: ['SO1', '南通精工机械有限公司', '第一行\n第二行'] },
  { row: 4, cells: ['SO2', null, '引号"内'] },
  { row: 5, cells: ['SO3', '上海𠀋贸易', null] },
];

describe('reading a CSV file as rows', () => {
  it('gives the same rows and row numbers whatever the read size, characters cut between reads or not', async () => {
    const path = file(Buffer.from(text));
    for (const chunkBytes of [1, 2, 3, 5, 7, 64, 64 * 1024]) {
      expect(await read(path, chunkBytes), `reads of ${chunkBytes} bytes`).toEqual(expected);
    }
  });

  it('reads GB18030 text the same, in small reads too', async () => {
    const path = file(iconv.encode(text.slice(1), 'gb18030'));
    for (const chunkBytes of [1, 3, 64 * 1024]) expect(await read(path, chunkBytes)).toEqual(expected);
  });

  it('refuses a byte that is not UTF-8 wherever the reads cut, and a character cut off at the end', async () => {
    const good = Buffer.from('编号,名称\nA1,精工\n'.repeat(5000));
    const gbk = iconv.encode('A2,机械\n', 'gb18030');
    // past the first 64 KB, which the encoding is guessed from (120,000 bytes of UTF-8, then GBK);
    // reads of 30,001, 24,001 and 20,001 bytes end at bytes 120,004, 120,005 and 120,006, inside
    // the two GBK characters and between them
    const path = file(Buffer.concat([good, gbk, good]));
    for (const chunkBytes of [30_001, 24_001, 20_001, 64 * 1024]) {
      await expect(read(path, chunkBytes)).rejects.toThrow(/not valid UTF-8/);
    }
    const cut = Buffer.from('编号,名称\nA1,精工');
    await expect(read(file(cut.subarray(0, cut.length - 1)), 2)).rejects.toThrow(/not valid UTF-8/);
  }, 20_000);
});
