import { Tier } from '@kamap/contracts';
import type { TFunction } from 'i18next';
import type { TaskData } from '../../app/api/types';
import { oneOf } from '../../app/use-url-params';

type Params = Record<string, unknown>;

/** The parameters of a generated task, with the parts that need translating already translated. */
function localParams(key: string, params: Params, t: TFunction): Params {
  const out: Params = { ...params };
  const tier = oneOf(Tier.options, typeof params.tier === 'string' ? params.tier : undefined);
  if (tier) out.tier = t(`enum.tier.${tier}`);
  if (typeof params.festival === 'string')
    out.festival = t(`task.festival.${params.festival}`, { defaultValue: String(params.festivalName ?? '') });
  if (key === 'birthday_lunar')
    out.lunar = t('task.lunarDate', {
      month: params.lunarMonth,
      day: params.lunarDay,
      defaultValue: String(params.lunarLabel ?? ''),
    });
  if (typeof params.years === 'number') out.count = params.years;
  return out;
}

/** A task's title in the reader's language: generated (care) tasks carry a template, others what was typed. */
export function taskTitle(task: Pick<TaskData, 'title' | 'template'>, t: TFunction): string {
  const tpl = task.template;
  if (!tpl) return task.title;
  return t(`task.template.${tpl.key}.title`, { ...localParams(tpl.key, tpl.params, t), defaultValue: task.title });
}

/** The suggested action in the reader's language. */
export function taskSuggestion(task: Pick<TaskData, 'suggestedAction' | 'template'>, t: TFunction): string | null {
  const tpl = task.template;
  if (!tpl) return task.suggestedAction;
  return t(`task.template.${tpl.key}.action`, {
    ...localParams(tpl.key, tpl.params, t),
    defaultValue: task.suggestedAction ?? '',
  });
}
