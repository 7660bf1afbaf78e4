// The base class of every egov-vn custom element.
import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { defaultLocale, languageOf, translate } from './locale.js';
import type { Catalogue, Lang, MessageArgs, MessageKey } from './locale.js';
import { installTokens } from './styles/tokens.js';
import { baseLanguage, onTranslationsChange } from './translations.js';

/** The names of the egov-vn events declared in `GlobalEventHandlersEventMap` (each element's event files add them). */
export type EgovEventName = Extract<keyof GlobalEventHandlersEventMap, `egov-${string}`>;

/** The `detail` type of an egov-vn event (`never` when it is not a `CustomEvent`). */
export type EgovEventDetail<T extends EgovEventName> =
  GlobalEventHandlersEventMap[T] extends CustomEvent<infer D> ? D : never;

type NoDetail = undefined | null;

/** Options of {@link EgovElement.emit}: `detail` is required exactly when the event type has one. */
export type EgovEventInit<T extends EgovEventName> = Omit<CustomEventInit, 'detail'> &
  ([EgovEventDetail<T>] extends [NoDetail] ? { detail?: EgovEventDetail<T> } : { detail: EgovEventDetail<T> });

/**
 * How {@link EgovElement.emit} fires an event: `deprecatedAlias` is the event's former name, fired too (same detail,
 * right after the new name) for one minor version after a rename (docs/elements.md lists them).
 */
export interface EgovEmitOptions {
  deprecatedAlias?: EgovEventName;
}

/** The rest parameters of {@link EgovElement.emit}: optional options for events without detail. */
export type EgovEmitArgs<T extends EgovEventName> = [EgovEventDetail<T>] extends [NoDetail]
  ? [init?: EgovEventInit<T>, options?: EgovEmitOptions]
  : [init: EgovEventInit<T>, options?: EgovEmitOptions];

/** The deprecated event names already announced on the console on this page (each once). */
const warnedAliases = new Set<string>();

const connected = new Set<EgovElement>();
let langObserver: MutationObserver | undefined;
let stopTranslations: (() => void) | undefined;

/** The catalogue of every element class registered with `define`, by tag (for catalogue tests). */
const catalogues = new Map<string, Catalogue>();

/** The message catalogues of the elements defined so far, by tag name: `catalogueProblems` checks each. */
export function definedCatalogues(): ReadonlyMap<string, Catalogue> {
  return catalogues;
}

function watchLanguages(doc: Document): void {
  if (langObserver) return;
  langObserver = new MutationObserver(() => {
    for (const element of connected) element.refreshLocale();
  });
  langObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * The base of every egov-vn element: typed `egov-` events, the language (`vi` or `en`) resolved from the page, a
 * typed message catalogue, the design tokens, and a registration that tolerates duplicates.
 *
 * Subclasses declare their catalogue as a type argument and a static field:
 *
 * ```ts
 * const messages = defineMessages({ vi: { close: 'Đóng' }, en: { close: 'Close' } });
 * export class EgovThing extends EgovElement<typeof messages> {
 *   static override messages = messages;
 *   override render() { return html`<button>${this.msg('close')}</button>`; }
 * }
 * ```
 */
export class EgovElement<C extends Catalogue = Catalogue> extends LitElement {
  static override properties: PropertyDeclarations = {
    locale: { state: true },
    language: { state: true },
  };

  /** The element's messages in every language; read by {@link EgovElement.msg}. */
  static messages: Catalogue | undefined;

  /**
   * Register this class as `tag`, once. A tag that is already defined by another class (two copies of a package on
   * one page) is left alone with a warning instead of throwing; the same class under a second tag is registered as a
   * subclass (a constructor can back only one tag).
   */
  static define(tag: string): void {
    if (this.messages) catalogues.set(tag, this.messages);
    const existing = customElements.get(tag);
    if (existing) {
      if (existing !== this) {
        console.warn(
          `[egov-vn] <${tag}> đã được đăng ký bởi một lớp khác (có thể trang tải hai bản của cùng một gói); giữ bản đầu tiên. ` +
            `<${tag}> is already defined by another class (two copies of its package?); keeping the first.`,
        );
      }
      return;
    }
    try {
      customElements.define(tag, this);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
      customElements.define(tag, class extends (this as CustomElementConstructor) {});
    }
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /**
   * The built-in language the element speaks now: `vi` or `en`, resolved from `lang` attributes (see
   * `resolveLocale`); for a language added with `registerTranslation`, the language it falls back to. Dates, numbers
   * and the model's bilingual texts follow it.
   */
  declare locale: Lang;

  /**
   * The language of the element's messages: `locale`, or a language added with `registerTranslation` (`hmn`, …)
   * when the element's `lang` (or an ancestor's, or `<html lang>`) names it.
   */
  declare language: string;

  constructor() {
    super();
    this.locale = defaultLocale;
    this.language = defaultLocale;
  }

  override connectedCallback(): void {
    // Server-rendered (@lit-labs/ssr: a declarative shadow root before the first update): the server saw no `lang`
    // around it and rendered the default language, and hydration adopts that DOM as rendered; the page's language
    // applies right after, in an update of its own.
    const hydrating = !this.hasUpdated && this.shadowRoot !== null;
    super.connectedCallback();
    installTokens(this.ownerDocument);
    connected.add(this);
    watchLanguages(this.ownerDocument);
    stopTranslations ??= onTranslationsChange(() => {
      for (const element of connected) {
        element.refreshLocale();
        element.requestUpdate();
      }
    });
    if (hydrating) void this.updateComplete.then(() => this.refreshLocale());
    else this.refreshLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    if (connected.size === 0) {
      langObserver?.disconnect();
      langObserver = undefined;
      stopTranslations?.();
      stopTranslations = undefined;
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.refreshLocale();
  }

  /** Resolve the language again (called when a `lang` attribute changes on the element or an ancestor). */
  refreshLocale(): void {
    const tag = languageOf(this);
    const locale = baseLanguage(tag) ?? defaultLocale;
    const language = baseLanguage(tag) ? tag : locale;
    if (locale !== this.locale) this.locale = locale;
    if (language !== this.language) this.language = language;
  }

  /**
   * The text of message `key` in the element's language: a message an integrator registered for this tag or for
   * every element (`registerTranslation`), else the class's static `messages`.
   */
  msg<K extends MessageKey<C>>(key: K, ...args: MessageArgs<C, K>): string {
    const catalogue = (this.constructor as typeof EgovElement).messages;
    if (!catalogue) throw new Error(`${this.localName}: static messages is not declared.`);
    return translate(catalogue as C, { locale: this.locale, language: this.language, tag: this.localName }, key, ...args);
  }

  /**
   * Dispatch a typed `egov-` event from the element: `bubbles` and `composed` (it crosses shadow roots), not
   * cancelable unless asked. Returns the event, so a caller can read `defaultPrevented`.
   *
   * With `{ deprecatedAlias: 'egov-old-name' }` (a renamed event, kept one minor version), the same event is then
   * dispatched under its former name too, with the same options and detail; `preventDefault()` on either counts. The
   * first time a page gets a former name, the console says (once) which name replaces it.
   */
  emit<T extends EgovEventName>(name: T, ...args: EgovEmitArgs<T>): GlobalEventHandlersEventMap[T] {
    const [init, options] = args;
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, ...init });
    this.dispatchEvent(event);
    const alias = options?.deprecatedAlias;
    if (alias) {
      if (!warnedAliases.has(alias)) {
        warnedAliases.add(alias);
        console.warn(
          `[egov-vn] Sự kiện "${alias}" đã lỗi thời, hãy nghe "${name}" (tên cũ bị bỏ ở bản minor sau). ` +
            `The "${alias}" event is deprecated: listen to "${name}" (the old name goes in the next minor release).`,
        );
      }
      const old = new CustomEvent(alias, { bubbles: true, composed: true, cancelable: false, ...init });
      if (event.defaultPrevented) old.preventDefault();
      this.dispatchEvent(old);
      if (old.defaultPrevented) event.preventDefault();
    }
    return event as unknown as GlobalEventHandlersEventMap[T];
  }
}
