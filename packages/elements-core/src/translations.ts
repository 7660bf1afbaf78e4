// Integrators' translations: override any message of any element, or add a language. Pure module state (no DOM),
// so it is unit-tested in Node; EgovElement re-renders its connected elements when a translation is registered.
import type { Lang } from '@egov-vn/schemas/time';
import type { Catalogue, Message } from './locale.js';

/**
 * Messages an integrator registers for one language. A key at the top level applies to every element that has that
 * key; a map under an element's tag name (`'egov-incoming': { … }`) to that element only, and wins over the former.
 */
export type TranslationMessages = Readonly<Record<string, Message | Readonly<Record<string, Message>>>>;

export interface TranslationOptions {
  /**
   * For an added language: the built-in language its missing messages (and dates, numbers and model texts) fall
   * back to. Default `vi`.
   */
  fallback?: Lang;
}

interface Registered {
  all: Record<string, Message>;
  byTag: Map<string, Record<string, Message>>;
  fallback: Lang;
}

const isLang = (code: string): code is Lang => code === 'vi' || code === 'en';

const registry = new Map<string, Registered>();
const listeners = new Set<() => void>();

/** The primary subtag of a BCP 47 language tag, lower case (`vi-VN` → `vi`, `HMN` → `hmn`), or '' when empty. */
export function primaryLanguage(tag: string | null | undefined): string {
  return tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Register messages for a language: override any text of the elements (a province writes "Văn thư" where the kit
 * says "Văn thư cơ quan") or add a language (a commune portal in an ethnic-minority language). Later registrations
 * for the same language add to (and override) earlier ones. Every connected element re-renders.
 *
 * ```ts
 * registerTranslation('vi', { 'egov-incoming': { receive: 'Vào sổ' } });    // one element
 * registerTranslation('vi', { retry: 'Tải lại' });                           // every element with the key
 * registerTranslation('hmn', { retry: 'Rov ua dua' }, { fallback: 'vi' });   // a new language, Vietnamese for the rest
 * ```
 * An element speaks the added language when its `lang` (or an ancestor's, or `<html lang>`) says so.
 */
export function registerTranslation(lang: string, messages: TranslationMessages, options: TranslationOptions = {}): void {
  const code = primaryLanguage(lang);
  if (!code) throw new TypeError('registerTranslation: thẻ ngôn ngữ để trống (the language tag is empty).');
  const entry: Registered = registry.get(code) ?? { all: {}, byTag: new Map(), fallback: isLang(code) ? code : 'vi' };
  if (options.fallback && !isLang(code)) entry.fallback = options.fallback;
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string' || typeof value === 'function') {
      entry.all[key] = value;
    } else {
      const tag = key.toLowerCase();
      entry.byTag.set(tag, { ...entry.byTag.get(tag), ...(value as Record<string, Message>) });
    }
  }
  registry.set(code, entry);
  for (const listener of listeners) listener();
}

/** Forget every registered translation (for tests and for hosts that switch tenants). Elements re-render. */
export function clearTranslations(): void {
  registry.clear();
  for (const listener of listeners) listener();
}

/** Called whenever a translation is registered or cleared. Returns a function that stops listening. */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The built-in language an element speaks for a language tag: `vi` or `en` itself, the fallback of an added
 * language, else `undefined` (a language nobody registered).
 */
export function baseLanguage(code: string): Lang | undefined {
  if (isLang(code)) return code;
  return registry.get(code)?.fallback;
}

/** The integrator's message for `key` in language `code` for the element `tag`, if one was registered. */
export function registeredMessage(code: string, tag: string, key: string): Message | undefined {
  const entry = registry.get(code);
  return entry?.byTag.get(tag)?.[key] ?? entry?.all[key];
}

/**
 * The problems of a catalogue, for tests of element packages: a key that one language has and the other has not, a
 * text that is empty or equal to its key (an untranslated placeholder), a function whose text is its key.
 */
export function catalogueProblems(catalogue: Catalogue, name = 'messages'): string[] {
  const problems: string[] = [];
  const langs = ['vi', 'en'] as const;
  const keys = new Set([...Object.keys(catalogue.vi), ...Object.keys(catalogue.en)]);
  for (const key of keys) {
    for (const lang of langs) {
      const entry = catalogue[lang][key];
      if (entry === undefined) {
        problems.push(`${name}.${key}: no ${lang} text`);
        continue;
      }
      let text: unknown;
      try {
        text = typeof entry === 'function' ? (entry as (...a: unknown[]) => unknown)(2, 2, 2) : entry;
      } catch {
        continue; // a function that needs its own kind of parameters: the element's tests render it
      }
      // A function is called with placeholder numbers: only a text equal to its key is sure to be wrong (one that
      // takes a state or a kind may rightly give nothing for a number).
      if (typeof entry === 'string' && entry.trim() === '') problems.push(`${name}.${key}: empty ${lang} text`);
      else if (text === key) problems.push(`${name}.${key}: the ${lang} text is its key`);
    }
  }
  return problems;
}
