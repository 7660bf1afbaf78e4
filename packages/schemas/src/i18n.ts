/**
 * Language of the messages the kit produces. Vietnamese is the default; English is available. This is the one
 * language type of every `@egov-vn` package (they re-export it).
 *
 * The one way to switch in this package: pass `{ lang: 'en' }` to a call, or call `setLanguage('en')` once to change
 * the default for every later call that does not name a language.
 */
export type Lang = 'vi' | 'en';

/** The former name of {@link Lang} (the same type). Prefer `Lang`. */
export type Language = Lang;

/** The languages, Vietnamese first. */
export const LANGS = ['vi', 'en'] as const satisfies readonly Lang[];

/** A text in both languages: the one shape of bilingual text in the kit (labels, messages, descriptions). */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

let defaultLanguage: Lang = 'vi';

/** Sets the language used when a call does not pass `lang`. */
export function setLanguage(lang: Lang): void {
  defaultLanguage = lang;
}

/** The language used when a call does not pass `lang`. */
export function getLanguage(): Lang {
  return defaultLanguage;
}

/** Resolves an optional language choice against the default. */
export function resolveLanguage(lang?: Lang): Lang {
  return lang ?? defaultLanguage;
}

/** True for `'vi'` or `'en'`. */
export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** The text of a {@link LocalizedText} in one language (the default language when none is given). */
export function localize(text: LocalizedText, lang?: Lang): string {
  return text[resolveLanguage(lang)];
}
