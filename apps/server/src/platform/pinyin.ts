import { pinyin } from 'pinyin-pro';

/**
 * The key that sorts Chinese names the way users expect (by pinyin, 安徽 before 北京): syllables
 * without tones, lower case, words kept for non-Chinese parts. Stored beside the name because the
 * embedded database has no ICU collation.
 */
export function nameSortKey(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .join(' ');
}
