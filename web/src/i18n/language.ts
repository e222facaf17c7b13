import { en } from './en.js';
import { type Messages, vi } from './vi.js';

export type { Messages };

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DICTIONARIES: Record<Language, Messages> = { vi, en };

export const LANGUAGE_STORAGE_KEY = 'tuphap.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language saved by the user; Vietnamese when none (or storage is unavailable). */
export function readStoredLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(saved) ? saved : 'vi';
  } catch {
    return 'vi';
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private browsing or storage disabled: the choice lasts for this page only.
  }
}

/** Fills `{name}` placeholders: fill('Xin chào, {name}', { name: 'An' }). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
