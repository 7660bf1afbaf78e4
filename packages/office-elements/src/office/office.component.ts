import { buttonStyles, defineMessages, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { OfficeBackendError } from '../backend/types.js';
import type { EgovNavigateEvent, OfficeNavigationTarget } from '../events.js';
import { OfficeFeature } from '../feature.js';
import './office.events.js';

/** The features <egov-office> shows, each its own element loaded on first use. */
export type OfficeView = 'incoming' | 'outgoing' | 'compose' | 'register';
const VIEWS: OfficeView[] = ['incoming', 'outgoing', 'compose', 'register'];

/** How each feature's element is defined (a lazy chunk each; replace them to load from elsewhere, e.g. a CDN). */
export type OfficeFeatureLoaders = Record<OfficeView, () => Promise<unknown>>;

const defaultLoaders: OfficeFeatureLoaders = {
  incoming: () => import('../incoming/incoming.js'),
  outgoing: () => import('../outgoing/outgoing.js'),
  compose: () => import('../compose/compose.js'),
  register: () => import('../register/register.js'),
};

const messages = defineMessages({
  vi: {
    title: 'Văn phòng điện tử',
    menu: 'Chức năng',
    openMenu: 'Mở menu chức năng',
    incoming: 'Văn bản đến',
    outgoing: 'Văn bản đi',
    compose: 'Soạn thảo, trình ký',
    register: 'Sổ đăng ký',
    loading: 'Đang tải…',
    loadFailed: 'Không tải được chức năng này.',
    retry: 'Thử lại',
  },
  en: {
    title: 'E-office',
    menu: 'Features',
    openMenu: 'Open the features menu',
    incoming: 'Incoming',
    outgoing: 'Outgoing',
    compose: 'Drafts and signing',
    register: 'Registers',
    loading: 'Loading…',
    loadFailed: 'Could not load this feature.',
    retry: 'Retry',
  },
});

/**
 * @summary The whole e-office behind one tag: văn bản đến, văn bản đi, soạn thảo/trình ký and the registers, with its
 * own navigation (a menu that folds behind a button on a phone). Each feature is loaded on first use. Navigation
 * intents of the features are handled inside, after the host had the chance to take over (the same cancelable
 * `egov-navigate` reaches the host first). Deep links: `view` and `document-id`.
 * @tagname egov-office
 *
 * @fires {EgovNavigateEvent} egov-navigate - Where the user goes (a menu choice or a feature's intent), before the office goes there. Cancelable: `preventDefault()` and the host routes, then sets `view` / `document-id`.
 * @fires {EgovErrorEvent} egov-error - A feature failed to load (`operation: 'load-feature'`), or a feature's own error (bubbling from it).
 * @fires {EgovOfficeViewEvent} egov-office-view - The office shows another view (`detail.view`, `detail.id`).
 *
 * @csspart base - The wrapper.
 * @csspart menu-button - The button that opens the menu on narrow screens.
 * @csspart nav - The navigation.
 * @csspart nav-item - One navigation button.
 * @csspart main - The area of the feature shown.
 * @csspart error - A feature that failed to load (role="alert").
 * @csspart retry - Its retry button.
 *
 * @cssprop --egov-color-primary - The current item.
 * @cssprop --egov-color-border - The separation of menu and content.
 * @cssprop --egov-office-nav-width - The width of the menu on wide screens (default 13rem).
 */
export class EgovOffice extends OfficeFeature<typeof messages> {
  static override messages = messages;
  static override styles = [
    hostStyles,
    buttonStyles,
    visuallyHidden,
    css`
      :host {
        display: block;
        container-type: inline-size;
        color: var(--egov-color-text);
      }
      .base {
        display: grid;
        grid-template-columns: var(--egov-office-nav-width, 13rem) minmax(0, 1fr);
        gap: var(--egov-space);
        align-items: start;
      }
      [part='menu-button'] {
        display: none;
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 2px;
        border-right: 1px solid var(--egov-color-border);
        padding-right: var(--egov-space-sm);
      }
      [part='nav-item'] {
        width: 100%;
        text-align: left;
        background: none;
        border: 0;
        border-left: 3px solid transparent;
        padding: 8px 12px;
        font: inherit;
        color: inherit;
        cursor: pointer;
        min-height: 40px;
      }
      [part='nav-item'][aria-current='page'] {
        border-left-color: var(--egov-color-primary);
        font-weight: 700;
      }
      [part='nav-item']:focus-visible,
      [part='menu-button']:focus-visible {
        outline: 2px solid var(--egov-color-focus, var(--egov-color-primary));
      }
      [part='error'] {
        border: 1px solid var(--egov-color-danger);
        border-radius: var(--egov-radius);
        padding: var(--egov-space);
        display: grid;
        gap: var(--egov-space-sm);
        justify-items: start;
      }
      @container (max-width: 640px) {
        .base {
          grid-template-columns: minmax(0, 1fr);
        }
        [part='menu-button'] {
          display: inline-block;
          justify-self: start;
        }
        nav[data-open='false'] {
          display: none;
        }
        nav ul {
          border-right: 0;
          border-bottom: 1px solid var(--egov-color-border);
          padding: 0 0 var(--egov-space-sm);
        }
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    ...OfficeFeature.properties,
    view: { reflect: true },
    documentId: { attribute: 'document-id', reflect: true },
    registerKind: { attribute: 'register-kind' },
    menuOpen: { state: true },
    loaded: { state: true },
    failed: { state: true },
    replaces: { state: true },
  };

  /** How the features are loaded (replace to load from a CDN; each is called once, on first use). */
  static loaders: OfficeFeatureLoaders = defaultLoaders;

  /** The feature shown (deep link; attribute `view`): incoming (default), outgoing, compose, register. */
  declare view: OfficeView;
  /** The document open in the feature (deep link; attribute `document-id`; a draft id in compose). */
  declare documentId: string | undefined;
  /** The register shown by the register view (`incoming` or `outgoing`). */
  declare registerKind: 'incoming' | 'outgoing' | undefined;
  declare private menuOpen: boolean;
  declare private loaded: ReadonlySet<OfficeView>;
  declare private failed: OfficeView | undefined;
  /** Thay thế asked by the outgoing view: the sent document the compose view starts a replacing draft for. */
  declare private replaces: string | undefined;

  #loading = new Map<OfficeView, Promise<void>>();

  constructor() {
    super();
    this.view = 'incoming';
    this.menuOpen = false;
    this.loaded = new Set();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A feature's intent: the host hears the same event first (it bubbles out of our shadow root, composed). When
    // the host did not take over, the office goes there itself and tells the feature not to.
    this.renderRoot.addEventListener('egov-navigate', this.#onFeatureNavigate as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('egov-navigate', this.#onFeatureNavigate as EventListener);
  }

  readonly #onFeatureNavigate = (e: EgovNavigateEvent): void => {
    // A feature's intent stops here; the host hears it from the office (the same cancelable event), then the office
    // goes there unless the host took over. The feature opens a document of its own view itself; any other view is
    // the office's to show.
    e.stopPropagation();
    const target = e.detail;
    if (!this.navigate(target)) {
      e.preventDefault();
      return;
    }
    if (!VIEWS.includes(target.view as OfficeView)) return;
    if (target.view === this.view) {
      this.documentId = target.id;
      this.replaces = undefined;
      if (target.kind) this.registerKind = target.kind;
      return;
    }
    e.preventDefault();
    this.#go(target);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view')) void this.#ensure(this.view);
  }

  #ensure(view: OfficeView): Promise<void> {
    if (!VIEWS.includes(view)) return Promise.resolve();
    const pending = this.#loading.get(view);
    if (pending) return pending;
    const loader = (this.constructor as typeof EgovOffice).loaders[view];
    const p = (async () => {
      try {
        await loader();
        this.loaded = new Set([...this.loaded, view]);
        if (this.failed === view) this.failed = undefined;
      } catch (e) {
        this.#loading.delete(view);
        this.failed = view;
        this.announce(
          new OfficeBackendError({ code: 'UNAVAILABLE', status: 0, messages: { vi: messages.vi.loadFailed, en: messages.en.loadFailed } }, { cause: e }),
          'load-feature',
        );
      }
    })();
    this.#loading.set(view, p);
    return p;
  }

  #go(target: OfficeNavigationTarget): void {
    const view = target.view as OfficeView;
    if (target.kind) this.registerKind = target.kind;
    this.view = view;
    // Thay thế: the compose view opens a new draft replacing the sent document.
    this.replaces = view === 'compose' ? target.replaces : undefined;
    this.documentId = this.replaces ? 'new' : target.id;
    this.menuOpen = false;
    this.emit('egov-office-view', { detail: { view, ...(target.id ? { id: target.id } : {}) } });
  }

  #choose(view: OfficeView): void {
    // The menu: the host may take over too.
    if (!this.navigate({ view })) return;
    this.#go({ view });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=main]')?.focus());
  }

  #renderFeature(): TemplateResult {
    const view = this.view;
    if (this.failed === view) {
      return html`<div part="error" role="alert">
        <strong>${this.msg('loadFailed')}</strong>
        <button part="retry" type="button" @click=${() => void this.#ensure(view)}>${this.msg('retry')}</button>
      </div>`;
    }
    if (!this.loaded.has(view)) return html`<p role="status">${this.msg('loading')}</p>`;
    const office = this.office;
    switch (view) {
      case 'incoming':
        return html`<egov-incoming .office=${office} document-id=${this.documentId ?? nothing}></egov-incoming>`;
      case 'outgoing':
        return html`<egov-outgoing .office=${office} document-id=${this.documentId ?? nothing}></egov-outgoing>`;
      case 'compose':
        return html`<egov-compose .office=${office} draft-id=${this.documentId ?? nothing} replaces=${this.replaces ?? nothing}></egov-compose>`;
      case 'register':
        return html`<egov-register .office=${office} kind=${this.registerKind ?? 'incoming'}></egov-register>`;
    }
  }

  override render() {
    const views = VIEWS.filter((v) => this.host?.features?.[v] !== false);
    return html`<div part="base" class="base">
      <button
        part="menu-button"
        type="button"
        aria-expanded=${this.menuOpen ? 'true' : 'false'}
        aria-controls="nav"
        @click=${() => (this.menuOpen = !this.menuOpen)}
      >
        ☰ ${this.msg('menu')}: ${this.msg(this.view)}
      </button>
      <nav id="nav" part="nav" aria-label=${this.msg('title')} data-open=${this.menuOpen ? 'true' : 'false'}>
        <ul>
          ${views.map(
            (v) => html`<li>
              <button part="nav-item" type="button" data-view=${v} aria-current=${v === this.view ? 'page' : 'false'} @click=${() => this.#choose(v)}>
                ${this.msg(v)}
              </button>
            </li>`,
          )}
        </ul>
      </nav>
      <section part="main" tabindex="-1" aria-label=${this.msg(this.view)}>${this.#renderFeature()}</section>
    </div>`;
  }
}
