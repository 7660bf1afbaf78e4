// The base of every office feature: the host context, integrator texts, and calls that never throw into the host.
import { EgovElement, type Catalogue, type Lang, type MessageArgs, type MessageKey } from '@egov-vn/elements-core';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { OfficeBackendError, toOfficeBackendError } from './backend/types.js';
import type { OfficeCallOptions, OfficeInput, OfficeOperation, OfficeOutput } from './backend/types.js';
import { officeContext, type OfficeHost } from './context/context.js';
import type { OfficeNavigationTarget } from './events.js';
import './events.js';

/** Integrator overrides of a feature's texts, per language (a text, or a function of the same parameters). */
export type OfficeTexts = Partial<Record<Lang, Record<string, string | ((...args: never[]) => string)>>>;

// A feature defined before <egov-office-context> (a host that imports the feature's module first) asks for the context
// before any provider exists. A ContextRoot on the document keeps such requests and answers them when the provider
// appears (the Context Protocol's late-provider support). One per document, whichever copy or version comes first.
const contextRootKey = Symbol.for('@egov-vn/office-elements:context-root');
if (typeof document !== 'undefined' && !(contextRootKey in document)) {
  new ContextRoot().attach(document.documentElement);
  Object.defineProperty(document, contextRootKey, { value: true });
}

/** The outcome of a guarded call: the value, or the error already shown and announced. */
export type Guarded<T> = { ok: true; value: T } | { ok: false; error: OfficeBackendError };

export class OfficeFeature<C extends Catalogue = Catalogue> extends EgovElement<C> {
  static override properties: PropertyDeclarations = {
    ...EgovElement.properties,
    office: { attribute: false },
    texts: { attribute: false },
  };

  /** The host context for this feature alone (wins over an enclosing `<egov-office-context>`). */
  declare office: OfficeHost | undefined;
  /** Integrator overrides of texts, e.g. `{ vi: { title: 'Văn bản đến của Sở' } }`; keys as in the manifest. */
  declare texts: OfficeTexts | undefined;

  readonly #consumer = new ContextConsumer(this, {
    context: officeContext,
    subscribe: true,
    callback: () => this.hostChanged(),
  });
  #aborter = new AbortController();

  /** The host context in effect: the `office` property, else the enclosing `<egov-office-context>`. */
  get host(): OfficeHost | undefined {
    return this.office ?? this.#consumer.value;
  }

  override msg<K extends MessageKey<C>>(key: K, ...args: MessageArgs<C, K>): string {
    const own = this.texts?.[this.locale]?.[key];
    if (own !== undefined) return typeof own === 'function' ? (own as (...a: unknown[]) => string)(...args) : own;
    return super.msg(key, ...args);
  }

  /** Called when the host context changes (a new backend, user, language…): reload what the feature shows. */
  protected hostChanged(): void {
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#aborter = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#aborter.abort();
  }

  /**
   * Call the back end without ever throwing: a failure (rejection, garbage, a backend that throws synchronously) comes
   * back as `{ ok: false }` and is announced with `egov-error`.
   */
  protected async guard<Op extends OfficeOperation>(
    op: Op,
    input: OfficeInput<Op>,
    options: OfficeCallOptions = {},
  ): Promise<Guarded<OfficeOutput<Op>>> {
    const backend = this.host?.backend;
    if (!backend) return { ok: false, error: new OfficeBackendError({ code: 'UNAVAILABLE', status: 0 }) };
    try {
      const value = await backend.call(op, input, { signal: options.signal ?? this.#aborter.signal });
      return { ok: true, value };
    } catch (e) {
      const error = toOfficeBackendError(e);
      if (error.code !== 'ABORTED') this.announce(error, op);
      return { ok: false, error };
    }
  }

  /**
   * Ask the host to go somewhere: a cancelable, bubbling, composed `egov-navigate`. Answers true when nobody prevented
   * it (the feature then opens the target itself).
   */
  protected navigate(target: OfficeNavigationTarget): boolean {
    const event = new CustomEvent('egov-navigate', { detail: target, bubbles: true, composed: true, cancelable: true });
    try {
      return this.dispatchEvent(event);
    } catch (e) {
      console.error(e);
      return !event.defaultPrevented;
    }
  }

  /**
   * Draws `body()`; if drawing fails — on garbage a custom back end let through without the contract check — draws
   * `fallback(error)` (the feature's error block) instead of throwing into the host page's rendering.
   */
  protected renderSafely(body: () => TemplateResult, fallback: (error: OfficeBackendError) => TemplateResult): TemplateResult {
    try {
      return body();
    } catch (e) {
      return fallback(toOfficeBackendError(e));
    }
  }

  /** Emit `egov-error` (never throws: a host listener that throws is reported, not propagated). */
  protected announce(error: OfficeBackendError, operation: string): void {
    try {
      this.emit('egov-error', {
        detail: { code: error.code, message: error.localized, operation, status: error.status },
      });
    } catch (e) {
      console.error(e);
    }
  }
}

/** A feature's error block: what failed, in the reader's language with its code, and a button to try again. */
export function renderErrorBlock(
  error: OfficeBackendError,
  locale: Lang,
  texts: { title: string; retry: string },
  retry: () => void,
): TemplateResult {
  return html`<div part="error" role="alert">
    <strong>${texts.title}</strong>
    <span>${error.localized[locale]} (${error.code})</span>
    <button part="retry" type="button" @click=${retry}>${texts.retry}</button>
  </div>`;
}
