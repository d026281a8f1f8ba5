import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyLanguage, type Language, languages } from './index';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      value={languages.find((l) => l === i18n.language) ?? 'zh-CN'}
      options={[
        { value: 'zh-CN', label: t('language.zh') },
        { value: 'en', label: t('language.en') },
      ]}
      onChange={(value) => void applyLanguage(value)}
      aria-label={t('language.label')}
    />
  );
}
