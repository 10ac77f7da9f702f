import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import './resources';
import { appEn } from './strings.en';
import { appZh } from './strings.zh';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'yz_lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function markDocument(lang: Lang): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = (lang === 'zh' ? appZh : appEn).app.documentTitle;
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: appZh }, en: { translation: appEn } },
  lng: storedLang(),
  fallbackLng: 'zh',
  initAsync: false,
  interpolation: { escapeValue: false },
});
markDocument(storedLang());

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh';
}

export async function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  markDocument(lang);
  await i18n.changeLanguage(lang);
}

/**
 * Feature modules call this at import time with their own nested strings, e.g.
 * registerStrings({ employers: {...} }, { employers: {...} }); keys then read t('employers.x').
 */
export function registerStrings(zhStrings: object, enStrings: object): void {
  i18n.addResourceBundle('zh', 'translation', zhStrings, true, true);
  i18n.addResourceBundle('en', 'translation', enStrings, true, true);
}

/**
 * The text of a key built from data (a code the server sent: an industry, an event's action).
 * The typed `t` checks every key written in the code; such keys cannot be checked, so one
 * without a text shows `fallback` (the code itself by default) instead of the key.
 */
export function textOf(key: string, fallback = key): string {
  return i18n.t(key, { defaultValue: fallback });
}

export default i18n;
