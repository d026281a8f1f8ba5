import { beforeAll, describe, expect, it } from 'vitest';
import { translators } from '../../app/i18n/translators';
import { taskSuggestion, taskTitle } from './task-text';

let t: Awaited<ReturnType<typeof translators>>;

beforeAll(async () => {
  t = await translators();
});

const care = (key: string, params: Record<string, unknown>, title: string, suggestedAction: string | null = null) => ({
  title,
  suggestedAction,
  template: { key, params },
});

describe('care task text in the reader’s language', () => {
  it('a lunar birthday', () => {
    const task = care(
      'birthday_lunar',
      { contact: '王建国', day: '2026-09-25', lunarMonth: 8, lunarDay: 15, lunarLabel: '八月十五' },
      '王建国生日（农历八月十五）',
    );
    expect(taskTitle(task, t.en)).toBe('王建国’s birthday (lunar 8/15)');
    expect(taskTitle(task, t['zh-CN'])).toBe('王建国生日（农历8月15日）');
    expect(taskSuggestion(task, t.en)).toBe(
      '2026-09-25 is 王建国’s birthday: send wishes and a small gift they would like',
    );
  });

  it('festivals by key, custom ones by their stored name; revisits with the tier; anniversaries counted', () => {
    const festival = care(
      'festival',
      { festival: 'mid_autumn', festivalName: '中秋节', contact: '李明' },
      '中秋节问候',
    );
    expect(taskTitle(festival, t.en)).toBe('Mid-Autumn Festival greetings');
    expect(taskTitle(festival, t['zh-CN'])).toBe('中秋节问候');
    const custom = care('festival', { festival: 'company_day', festivalName: '厂庆日', contact: '李明' }, '厂庆日问候');
    expect(taskTitle(custom, t.en)).toBe('厂庆日 greetings');
    const revisit = care('revisit', { tier: 'strategic', cadence: 14, lastTouch: '2026-11-01' }, '定期回访');
    expect(taskTitle(revisit, t.en)).toBe('Regular revisit');
    expect(taskSuggestion(revisit, t.en)).toContain(
      'Strategic accounts are visited every 14 days; last contact 2026-11-01',
    );
    expect(taskSuggestion(revisit, t['zh-CN'])).toBe(
      '按战略客户14天的回访节奏，上次联系是 2026-11-01；安排拜访或电话，了解近况与新需求',
    );
    expect(taskTitle(care('anniversary', { years: 1, firstOrder: '2025-03-01' }, '合作 1 周年'), t.en)).toBe(
      '1 year of working together',
    );
    expect(taskTitle(care('anniversary', { years: 3, firstOrder: '2023-03-01' }, '合作 3 周年'), t.en)).toBe(
      '3 years of working together',
    );
  });

  it('a typed task keeps what was typed; an unknown template falls back to the stored text', () => {
    expect(taskTitle({ title: '提交报价', template: null }, t.en)).toBe('提交报价');
    expect(taskTitle(care('from_the_future', {}, '未来的任务'), t.en)).toBe('未来的任务');
  });
});
