import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/**
 * Every screen text lives in one resource per language. To add a language, add
 * `<code>.json` beside en.json (same keys) and list it here; English fills any gap.
 */
export const resources = {
  en: { translation: en },
} as const;

export type UiLanguage = keyof typeof resources;
export const uiLanguages = Object.keys(resources) as UiLanguage[];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
  }
}

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: uiLanguages,
  defaultNS: 'translation',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes.
  react: { useSuspense: false },
});

function syncDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
}
i18n.on('languageChanged', syncDocumentLanguage);
syncDocumentLanguage();

/** Shows the screens in a member's language when Kindred has it; English otherwise. */
export function applyLanguage(language: string | undefined): void {
  const target = uiLanguages.find((l) => l === language) ?? 'en';
  if (i18n.resolvedLanguage !== target) void i18n.changeLanguage(target);
}

/** Formats a date for the current language, e.g. 25 November 2026. ISO dates are read as UTC days. */
export function formatDate(value: string | number, style: 'long' | 'medium' = 'long'): string {
  const date = typeof value === 'number' ? new Date(value) : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', {
    dateStyle: style,
    ...(typeof value === 'string' ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

export default i18n;
