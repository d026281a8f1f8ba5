import { describe, expect, it } from 'vitest';
import { blankToNull, changedFields } from './form-values';

describe('blankToNull', () => {
  it('trims text and turns blank or unset fields into null', () => {
    expect(blankToNull('  华东 ')).toBe('华东');
    expect(blankToNull('   ')).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
    expect(blankToNull(0)).toBe(0);
    expect(blankToNull(false)).toBe(false);
  });
});

describe('changedFields', () => {
  it('keeps only what changed, comparing arrays by content', () => {
    const before = { name: 'A', tags: ['x'], city: null };
    expect(changedFields(before, { name: 'A', tags: ['x'], city: '上海' })).toEqual({ city: '上海' });
    expect(changedFields(before, { name: 'A', tags: ['x', 'y'], city: null })).toEqual({ tags: ['x', 'y'] });
    expect(changedFields(before, { ...before })).toEqual({});
  });

  it('sends only the changed entries of a partially patched object', () => {
    const before = { dossier: { hobbies: '围棋', birthday: '1975-08-15' } };
    const after = { dossier: { hobbies: '钓鱼', birthday: '1975-08-15' } };
    expect(changedFields(before, after, ['dossier'])).toEqual({ dossier: { hobbies: '钓鱼' } });
    expect(changedFields(before, before, ['dossier'])).toEqual({});
  });
});
