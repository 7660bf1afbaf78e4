import { EgovElement, hostStyles, defineMessages } from '@egov-vn/elements-core';
import { ContextProvider } from '@lit/context';
import { css, html } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { httpOfficeBackend } from '../backend/http.js';
import type { OfficeBackend } from '../backend/types.js';
import { officeContext, type OfficeHost, type OfficeUser } from './context.js';

const messages = defineMessages({ vi: {}, en: {} });

/**
 * @summary Gives every office feature inside it the host's context: back end (or base URL and `getToken`), user,
 * locale, theme and feature flags. A change re-renders the features without a page reload.
 * @tagname egov-office-context
 *
 * @slot - The office features (and anything else of the host).
 */
export class EgovOfficeContext extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, css`:host { display: contents; }`];
  static override properties: PropertyDeclarations = {
    backend: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    getToken: { attribute: false },
    user: { attribute: false },
    officeLocale: { attribute: 'locale' },
    theme: { reflect: false },
    features: { attribute: false },
    today: {},
    agency: { attribute: false },
    signers: { attribute: false },
    trustAnchors: { attribute: false },
    timestamp: { attribute: false },
    signatureImage: { attribute: false },
    sealImage: { attribute: false },
  };

  /** The data access; when unset, an HTTP backend is made from `baseUrl` and `getToken`. */
  declare backend: OfficeBackend | undefined;
  /** The agency back end's base URL (used when `backend` is unset). */
  declare baseUrl: string | undefined;
  /** The host's token source, called before each request and again after a 401. */
  declare getToken: (() => Promise<string> | string) | undefined;
  declare user: OfficeUser | undefined;
  /** `vi` or `en` (attribute `locale`); set as this element's `lang`, which the features follow. */
  declare officeLocale: 'vi' | 'en' | undefined;
  /** `light` or `dark`; set as this element's `data-theme`. */
  declare theme: 'light' | 'dark' | undefined;
  declare features: Record<string, boolean> | undefined;
  declare today: string | undefined;
  /** The agency as its documents name it (issuer of drafts). */
  declare agency: OfficeHost['agency'];
  /** The signing providers offered to the user (or a function of the use). */
  declare signers: OfficeHost['signers'];
  declare trustAnchors: OfficeHost['trustAnchors'];
  declare timestamp: OfficeHost['timestamp'];
  declare signatureImage: OfficeHost['signatureImage'];
  declare sealImage: OfficeHost['sealImage'];

  readonly #provider = new ContextProvider(this, { context: officeContext, initialValue: undefined });
  #http: { key: string; backend: OfficeBackend; getToken: unknown } | undefined;

  /** The context given now (read-only). */
  get value(): OfficeHost | undefined {
    return this.#provider.value;
  }

  #backend(): OfficeBackend | undefined {
    if (this.backend) return this.backend;
    if (!this.baseUrl) return undefined;
    if (this.#http?.key !== this.baseUrl || this.#http.getToken !== this.getToken) {
      const getToken = this.getToken;
      this.#http = {
        key: this.baseUrl,
        getToken,
        backend: httpOfficeBackend({ baseUrl: this.baseUrl, ...(getToken ? { getToken } : {}) }),
      };
    }
    return this.#http.backend;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.officeLocale) this.setAttribute('lang', this.officeLocale);
    if (this.theme) this.setAttribute('data-theme', this.theme);
    else this.removeAttribute('data-theme');
    const backend = this.#backend();
    const value: OfficeHost | undefined = backend
      ? {
          backend,
          ...(this.user ? { user: this.user } : {}),
          ...(this.officeLocale ? { locale: this.officeLocale } : {}),
          ...(this.theme ? { theme: this.theme } : {}),
          ...(this.features ? { features: this.features } : {}),
          ...(this.today ? { today: this.today } : {}),
          ...(this.agency ? { agency: this.agency } : {}),
          ...(this.signers ? { signers: this.signers } : {}),
          ...(this.trustAnchors ? { trustAnchors: this.trustAnchors } : {}),
          ...(this.timestamp ? { timestamp: this.timestamp } : {}),
          ...(this.signatureImage ? { signatureImage: this.signatureImage } : {}),
          ...(this.sealImage ? { sealImage: this.sealImage } : {}),
        }
      : undefined;
    // A new object on every change: consumers that subscribe re-render.
    this.#provider.setValue(value, true);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
