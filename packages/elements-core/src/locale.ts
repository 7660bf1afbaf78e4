// Languages and message catalogues. Vietnamese first (the default), English available. Pure functions: they run in
// Node too, so the catalogue logic is unit-tested without a browser.

import type { Lang } from '@egov-vn/schemas/time';
import { baseLanguage, primaryLanguage, registeredMessage } from './translations.js';

/** The language every egov-vn element speaks: the kit's one language type, `vi` (default) or `en`. */
export type { Lang };

/** The languages every egov-vn element speaks. */
export const locales = ['vi', 'en'] as const satisfies readonly Lang[];

/**
 * The former name of {@link Lang} (the same type).
 * @deprecated Use `Lang` (from `@egov-vn/elements-core` or `@egov-vn/schemas`).
 */
export type Locale = Lang;

/** The language used when nothing else is said, or when the page's language is not supported. */
export const defaultLocale: Lang = 'vi';

/**
 * The supported locale of a BCP 47 language tag (`vi`, `vi-VN`, `en-GB` …), or `undefined` when the tag is empty or
 * names a language the elements do not speak.
 */
export function normalizeLocale(tag: string | null | undefined): Lang | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'vi' || primary === 'en' ? primary : undefined;
}

/**
 * The language tag that applies to an element, as HTML defines it: its own `lang` attribute, else that of the closest
 * ancestor that has one (crossing shadow-root boundaries), else the document's; the primary subtag in lower case
 * (`vi-VN` → `vi`), `''` when none is set.
 */
export function languageOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return primaryLanguage(lang);
    const root: Node = node.getRootNode();
    node = node.parentElement ?? ('host' in root ? (root as ShadowRoot).host : null);
  }
  // Detached elements: the language of the document they belong to.
  return primaryLanguage(element.ownerDocument.documentElement.getAttribute('lang'));
}

/**
 * The locale of an element (see {@link languageOf}): `vi` or `en`; for a language added with `registerTranslation`,
 * the built-in language it falls back to; {@link defaultLocale} for an empty `lang` or a language nobody registered.
 */
export function resolveLocale(element: Element): Lang {
  return baseLanguage(languageOf(element)) ?? defaultLocale;
}

/** One message: a text, or a function of typed parameters that returns the text. */
export type Message = string | ((...args: never[]) => string);

/** The messages of one language, keyed by message name. */
export type Messages = Record<string, Message>;

/** One element's messages in every supported language: the same keys and parameters in `vi` and `en`. */
export interface Catalogue<M extends Messages = Messages> {
  readonly vi: M;
  readonly en: M;
}

/** The message names of a catalogue. */
export type MessageKey<C extends Catalogue> = keyof C['vi'] & string;

/** The parameters a message takes (none for a plain text). */
export type MessageArgs<C extends Catalogue, K extends MessageKey<C>> = C['vi'][K] extends (
  ...args: infer A
) => string
  ? A
  : [];

/**
 * Declare an element's catalogue. The Vietnamese messages set the keys and parameter types; the English ones must
 * have exactly the same (a missing or extra key is a type error).
 *
 * @example
 * const messages = defineMessages({
 *   vi: { close: 'Đóng', pages: (n: number) => `${n} trang` },
 *   en: { close: 'Close', pages: (n: number) => `${n} pages` },
 * });
 */
export function defineMessages<M extends Messages>(catalogue: { vi: M; en: NoInfer<M> }): Catalogue<M> {
  return catalogue;
}

/**
 * The text of message `key` in `locale` (falling back to Vietnamese), with its parameters applied. With `tag` (the
 * element's tag name) and `language` (its language, possibly one added by an integrator), a message registered with
 * `registerTranslation` wins: first for that language, then for its built-in fallback.
 */
export function translate<C extends Catalogue, K extends MessageKey<C>>(
  catalogue: C,
  locale: Lang | { locale: Lang; language: string; tag: string },
  key: K,
  ...args: MessageArgs<C, K>
): string {
  const base = typeof locale === 'string' ? locale : locale.locale;
  const registered =
    typeof locale === 'string'
      ? undefined
      : (registeredMessage(locale.language, locale.tag, key) ?? registeredMessage(base, locale.tag, key));
  const entry: Message | undefined = registered ?? catalogue[base][key] ?? catalogue.vi[key];
  if (entry === undefined) return key;
  return typeof entry === 'function' ? (entry as (...a: unknown[]) => string)(...args) : entry;
}
