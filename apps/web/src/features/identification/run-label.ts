import type { TFunction } from 'i18next';
import type { AnalysisRunData } from '../../app/api/types';
import { formatDate } from '../../ui/format';

/** A run as a choice in a picker: its as-of day and the model version it used. */
export const runLabel = (run: AnalysisRunData, t: TFunction) =>
  t('identification.runOption', { asOf: formatDate(run.asOf), version: run.configVersion });
