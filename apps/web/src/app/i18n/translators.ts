import i18next, { type TFunction } from 'i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

/** A `t` for each language, each from an i18next instance of its own: for tests that check both. */
export async function translators(): Promise<Record<'en' | 'zh-CN', TFunction>> {
  const make = async (lng: 'en' | 'zh-CN') => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng,
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    return i18n.t;
  };
  return { en: await make('en'), 'zh-CN': await make('zh-CN') };
}
