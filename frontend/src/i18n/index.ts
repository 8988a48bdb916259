import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zh from './zh';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'aftercare.lang';

/** A remembered choice wins; otherwise follow the browser (any zh-* → Chinese, else English). */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (stored === 'zh' || stored === 'en') return stored;
  for (const lang of browserLanguages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'zh' || base === 'en') return base;
  }
  return 'en';
}

/**
 * The Accept-Language value for API calls: the server writes case timelines, messages and exports in the
 * language of the page (zh → zh-CN, anything else English).
 */
export function acceptLanguage(language: string = i18n.language): 'zh-CN' | 'en' {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function changeLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return i18n.changeLanguage(lang);
}

const initial = detectLanguage(
  typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null,
  typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [],
);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: initial,
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = initial === 'zh' ? 'zh-CN' : 'en';

export default i18n;
