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

/**
 * The cookie that tells the server which language to draw a first page in (`LANGUAGE_COOKIE` on the
 * server); the browser's own storage stays the record, the cookie follows it.
 */
const cookieName = 'kamap-language';

export const asLanguage = (value: unknown): Language => languages.find((l) => l === value) ?? 'zh-CN';

function rememberForServer(language: Language) {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is asynchronous and not in every browser kamap serves
  document.cookie = `${cookieName}=${language}; path=/; max-age=31536000; samesite=lax`;
}

function storedLanguage(): Language {
  try {
    return asLanguage(localStorage.getItem(storageKey));
  } catch {
    return 'zh-CN';
  }
}

/** The dates' language (dayjs) and, in a browser, the page's. */
function localise(language: Language) {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Sets the language of everything drawn from now on: texts, dates and, in a browser, the page. */
export function setLanguage(language: Language) {
  localise(language);
  return i18n.changeLanguage(language);
}

export function applyLanguage(language: Language) {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
  rememberForServer(language);
  return setLanguage(language);
}

const initial = typeof window === 'undefined' ? 'zh-CN' : storedLanguage();
if (typeof document !== 'undefined' && !document.cookie.includes(`${cookieName}=${initial}`))
  rememberForServer(initial);
localise(initial);

i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCatalogue }, en: { translation: enCatalogue } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  // no promotional message in the user's browser console
  showSupportNotice: false,
});

export { i18n };
