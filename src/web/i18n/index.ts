import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';

/**
 * Every screen text lives in one resource per language. To add a language, add
 * `<code>.json` beside en.json (same keys) and list it here; English fills any gap.
 */
export const resources = {
  en: { translation: en },
  es: { translation: es },
} as const;

export type UiLanguage = keyof typeof resources;
export const uiLanguages = Object.keys(resources) as UiLanguage[];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
  }
}

/** The language Kindred has for a tag such as "es", "es-MX" or "en_GB" (by its primary subtag). */
function uiLanguageOf(tag: string | null | undefined): UiLanguage | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return uiLanguages.find((l) => l === primary);
}

/** For visitors: the first of the browser's languages that Kindred has; English otherwise. */
export function browserLanguage(): UiLanguage {
  if (typeof navigator === 'undefined') return 'en';
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of tags) {
    const language = uiLanguageOf(tag);
    if (language) return language;
  }
  return 'en';
}

// Start in the browser's language; the signed-in member's choice replaces it once the session loads.
void i18n.use(initReactI18next).init({
  resources,
  lng: browserLanguage(),
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

/**
 * Shows the screens in the signed-in member's language; for visitors (no language given),
 * in the browser's. Called whenever the session's member changes, e.g. after Settings saves.
 */
export function applyLanguage(language: string | null | undefined): void {
  const target = uiLanguageOf(language) ?? browserLanguage();
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

/** Formats a moment with its time of day, e.g. 25 Nov 2026, 21:40. */
export function formatDateTime(value: number): string {
  return new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "2 minutes ago", "yesterday"; a week or more back, the date itself. */
export function formatRelative(value: number, now = Date.now()): string {
  const rtf = new Intl.RelativeTimeFormat(i18n.resolvedLanguage ?? 'en', { numeric: 'auto' });
  let amount = Math.min(0, Math.round((value - now) / 1000));
  if (amount > -45) return rtf.format(0, 'second');
  for (const [unit, size] of RELATIVE_STEPS) {
    if (-amount < size) return rtf.format(amount, unit);
    amount = Math.round(amount / size);
  }
  return formatDate(value, 'medium');
}

/** Formats a "2026-11" month as "November 2026". */
export function formatMonth(value: string): string {
  const date = new Date(`${value}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
