import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

// Both catalogues must have exactly the same keys: each is checked against the other's shape.
const enCatalogue: typeof zhCN = en;
const zhCatalogue: typeof en = zhCN;

const storageKey = 'kamap.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return languages.find((l) => l === value) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function applyLanguage(language: Language) {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
  return i18n.changeLanguage(language);
}

const initial = storedLanguage();
dayjs.locale(initial === 'zh-CN' ? 'zh-cn' : 'en');
document.documentElement.lang = initial;

i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCatalogue }, en: { translation: enCatalogue } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  // no promotional message in the user's browser console
  showSupportNotice: false,
});

export { i18n };
