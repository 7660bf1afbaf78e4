// Languages and message catalogues. Vietnamese first (the default), English available. Pure functions: they run in
// Node too, so the catalogue logic is unit-tested without a browser.

import type { Lang } from '@egov-vn/schemas/time';

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
 * The locale of an element, as HTML defines its language: its own `lang` attribute, else that of the closest
 * ancestor that has one (crossing shadow-root boundaries), else the document's. An empty `lang` is skipped; a
 * language the elements do not speak gives {@link defaultLocale}.
 */
export function resolveLocale(element: Element): Lang {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return normalizeLocale(lang) ?? defaultLocale;
    const root: Node = node.getRootNode();
    node = node.parentElement ?? ('host' in root ? (root as ShadowRoot).host : null);
  }
  // Detached elements: the language of the document they belong to.
  return normalizeLocale(element.ownerDocument.documentElement.getAttribute('lang')) ?? defaultLocale;
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

/** The text of message `key` in `locale` (falling back to Vietnamese), with its parameters applied. */
export function translate<C extends Catalogue, K extends MessageKey<C>>(
  catalogue: C,
  locale: Lang,
  key: K,
  ...args: MessageArgs<C, K>
): string {
  const entry: Message | undefined = catalogue[locale][key] ?? catalogue.vi[key];
  if (entry === undefined) return key;
  return typeof entry === 'function' ? (entry as (...a: unknown[]) => string)(...args) : entry;
}
