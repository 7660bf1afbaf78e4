/**
 * Language of the messages this package produces. Vietnamese is the default; English is available.
 *
 * The one way to switch: pass `{ lang: 'en' }` to a call, or call `setLanguage('en')` once to change the default
 * for every later call that does not name a language.
 */
export type Language = 'vi' | 'en';

/** A message in both languages. */
export interface LocalizedText {
  vi: string;
  en: string;
}

let defaultLanguage: Language = 'vi';

/** Sets the language used when a call does not pass `lang`. */
export function setLanguage(lang: Language): void {
  defaultLanguage = lang;
}

/** The language used when a call does not pass `lang`. */
export function getLanguage(): Language {
  return defaultLanguage;
}

/** Resolves an optional language choice against the default. */
export function resolveLanguage(lang?: Language): Language {
  return lang ?? defaultLanguage;
}
