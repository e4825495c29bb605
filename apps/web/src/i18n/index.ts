import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'qloop.locale';

/** The saved choice, or Simplified Chinese: the product's users are Chinese operators first. */
export function savedLocale(): Locale {
  const v = localStorage.getItem(STORAGE_KEY);
  return v === 'en-US' || v === 'zh-CN' ? v : 'zh-CN';
}

export function hasSavedLocale(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== null;
}

function applyDayjs(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

/** Switches every label at once: i18next, dayjs, <html lang>; ConfigProvider follows i18n.language. */
export async function setLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  applyDayjs(locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

const initial = savedLocale();
applyDayjs(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initial,
  fallbackLng: 'zh-CN',
  nsSeparator: false,
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

export default i18n;
