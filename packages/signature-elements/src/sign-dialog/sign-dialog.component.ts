import { deepActiveElement, EgovElement, FocusTrapController, hostStyles } from '@egov-vn/elements-core';
import type { CopyKind, RemoteSigningState, Signer, TimestampOptions, TrustInput, VerificationReport } from '@egov-vn/pdf-signature';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { onProvidersChange, signerProviders } from '../internal/providers.js';
import type { RemoteCredentialChoice, SignerProvider } from '../internal/providers.js';
import { certificateProblem, explainError, kindReasons, signatureKinds } from '../internal/sign-flow.js';
import type { AppearanceInput, SignatureKind, SignProblem } from '../internal/sign-flow.js';
import type { EgovPdfViewerBoxEvent } from '../pdf-viewer/pdf-viewer.events.js';
import type { EgovSignDialogSignEvent, SignedDocumentDetail } from './sign-dialog.events.js';
import {
  asksPage,
  boxRect,
  canSign,
  dialogPhase,
  documentLine,
  hasFixedPlace,
  isVisible,
  placementOf,
  roundBox,
  signingPage,
  timeLeft,
} from './sign-dialog.logic.js';
import type { DocumentState, SignatureBox, SignDialogDocument } from './sign-dialog.logic.js';
import { messages } from './sign-dialog.messages.js';
import { signDocuments } from './sign-dialog.signing.js';
import type { DocumentToSign } from './sign-dialog.signing.js';
import styles from './sign-dialog.styles.js';

const copyKinds: readonly CopyKind[] = ['SAO Y', 'SAO LỤC', 'TRÍCH SAO'];

/** The dialog's last result: every signed document (the first one also as `pdf` / `report`). */
interface SignResult {
  readonly pdf: Uint8Array;
  readonly report: VerificationReport;
  readonly documents: readonly SignedDocumentDetail[];
}

/** `sign()` called without a way of signing: a clear bilingual error (NO_PROVIDER). */
function noProviderError(problem: SignProblem): Error {
  return Object.assign(new Error(`${problem.title.vi} / ${problem.title.en}`), { code: problem.code, vi: problem.title.vi, en: problem.title.en });
}

/**
 * @summary The signing flow in a modal `<dialog>`: open a PDF (or several: `documents`), choose the kind of
 * signature (Nghị định 30), the page, and a signer provider (WebCrypto key, PKCS#12 file, local token service, remote
 * signing through the portal's relay, or one a portal registered), sign by incremental update, and show the
 * validator's verdict on the result. Several documents with a remote provider are signed with one confirmation.
 * @tagname egov-sign-dialog
 *
 * @fires {EgovSignDialogSignEvent} egov-sign-dialog-sign - Signed: `detail.pdf` (the new bytes), `detail.report`, `kind`, `provider`, and `documents` (every signed document: `name`, `pdf`, `report`).
 * @fires {EgovSignDialogErrorEvent} egov-sign-dialog-error - Signing failed: `detail.problem` (code, title, action, detail).
 * @fires {EgovSignDialogCloseEvent} egov-sign-dialog-close - The dialog closed; `detail.signed` says if it signed.
 * @fires {EgovSignedEvent} egov-signed - Deprecated alias of egov-sign-dialog-sign, fired until the next minor release.
 * @fires {EgovSignErrorEvent} egov-sign-error - Deprecated alias of egov-sign-dialog-error, fired until the next minor release.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The heading.
 * @csspart form - The form.
 * @csspart documents - The documents to sign together (`documents`), each with its state while signing.
 * @csspart sign-button - The Sign button.
 * @csspart close-button - The Close button.
 * @csspart status - The live region (progress and result).
 * @csspart problem - The error block (title, what to do next).
 * @csspart viewer - The `<egov-pdf-viewer>` where the custom signature box is placed.
 * @csspart credentials - Remote signing: the list of the user's credentials (and PIN/OTP when asked).
 * @csspart countdown - Remote signing: the time left to confirm on the phone (role=timer, not announced every second).
 * @csspart cancel-remote-button - Remote signing: cancels the request waiting for the phone (focused while waiting).
 *
 * @cssprop --egov-color-backdrop - The backdrop behind the dialog.
 * @cssprop --egov-color-primary - The Sign button.
 */
export class EgovSignDialog extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, styles];
  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    pdf: { attribute: false },
    src: {},
    fileName: { attribute: 'file-name' },
    documents: { attribute: false },
    trustAnchors: { attribute: false },
    providers: { attribute: false },
    kind: {},
    page: { type: Number },
    provider: {},
    position: {},
    box: { attribute: false },
    signatureImage: { attribute: false },
    sealImage: { attribute: false },
    stampFont: { attribute: false },
    agency: {},
    docNumber: { attribute: 'doc-number' },
    copyKind: { attribute: 'copy-kind' },
    reason: {},
    location: {},
    contactInfo: { attribute: 'contact-info' },
    signerName: { attribute: 'signer-name' },
    timestamp: { attribute: false },
    busy: { state: true },
    problem: { state: true },
    result: { state: true },
    fetched: { state: true },
    progress: { state: true },
    remoteCredentials: { state: true },
    remoteCredential: { state: true },
    remoteLoading: { state: true },
    remoteWaiting: { state: true },
    remoteCancelled: { state: true },
    now: { state: true },
  };

  /** Whether the dialog is shown (modal). */
  declare open: boolean;
  /** The PDF to sign; when unset the dialog fetches `src` or offers a file picker. */
  declare pdf: Uint8Array | undefined;
  /** URL of the PDF to sign. */
  declare src: string | undefined;
  /** Name shown for the document. */
  declare fileName: string;
  /**
   * Several documents to sign at once (`{ name, bytes }` or `{ name, src }`), instead of `pdf` / `src`. With a remote
   * provider they are signed with one confirmation (one PIN/OTP or one approval on the phone); local providers (USB
   * token, VGCA plugin) sign them one after another, each maybe asking for its PIN.
   */
  declare documents: readonly SignDialogDocument[] | undefined;
  /** Trust anchors used to verify the signed result (nothing is trusted when empty). */
  declare trustAnchors: readonly TrustInput[];
  /** Providers to offer; default: every registered one (`registerSignerProvider`). */
  declare providers: readonly SignerProvider[] | undefined;
  /** The chosen kind of signature. */
  declare kind: SignatureKind;
  /** The chosen page, 1-based. */
  declare page: number;
  /** The chosen provider id (default: the first offered). */
  declare provider: string | undefined;
  /** `standard` (the Nghị định 30 place for the kind) or `custom` (`page` + `box`). */
  declare position: 'standard' | 'custom';
  /** The custom signature box in millimetres from the bottom-left corner of the page. */
  declare box: SignatureBox;
  /** The blue signature image (PNG) for an author signature; without it the signature is invisible. */
  declare signatureImage: Uint8Array | undefined;
  /** The red seal (PNG) for an agency signature; without it the signature is invisible. */
  declare sealImage: Uint8Array | undefined;
  /**
   * A TrueType font covering Vietnamese for the copy/appendix text stamp; when unset the font shipped with
   * `@egov-vn/pdf-signature` is fetched (`loadStampFont`).
   */
  declare stampFont: Uint8Array | undefined;
  /** The agency named in the copy stamp (required for it) and the appendix stamp. */
  declare agency: string;
  /** The number and symbol (số, ký hiệu) in the appendix stamp (required for it) and the copy stamp. */
  declare docNumber: string;
  /** The kind of electronic copy: `SAO Y` (default), `SAO LỤC`, `TRÍCH SAO`. */
  declare copyKind: CopyKind;
  /** /Reason of the signature; empty = the kind's standard reason. */
  declare reason: string;
  /** /Location of the signature (where it was signed). */
  declare location: string;
  /** /ContactInfo of the signature. */
  declare contactInfo: string;
  /** The signer's name as printed in the document: the standard position is above that line. */
  declare signerName: string;
  /** An RFC 3161 timestamp authority (`{ url, fetch?, headers? }`): signatures become PAdES B-T. */
  declare timestamp: TimestampOptions | undefined;

  /** True while signing. */
  declare private busy: boolean;
  /** The last problem shown. */
  declare private problem: SignProblem | undefined;
  /** The last result (signed bytes and reports). */
  declare private result: SignResult | undefined;
  /** The bytes fetched for each `src` (null: the fetch failed; absent: not fetched yet). */
  declare private fetched: ReadonlyMap<string, Uint8Array | null>;
  /** Each document's state while signing several (`documents`). */
  declare private progress: readonly DocumentState[] | undefined;
  /** Remote signing: the chosen provider's credentials (undefined until listed). */
  declare private remoteCredentials: readonly RemoteCredentialChoice[] | undefined;
  declare private remoteCredential: string | undefined;
  declare private remoteLoading: boolean;
  /** Remote signing: waiting for the phone, until this time (epoch ms). */
  declare private remoteWaiting: { expiresAt: number } | undefined;
  declare private remoteCancelled: boolean;
  declare private now: number;

  #password = '';
  #pin = '';
  #otp = '';
  #remoteFor: string | undefined;
  #abort: AbortController | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #keyFile: Uint8Array | undefined;
  #returnFocus: HTMLElement | undefined;
  /** Fetches of `src` documents in flight or done, by URL. */
  readonly #fetches = new Map<string, Promise<Uint8Array>>();
  // Tab and Shift+Tab cycle inside the dialog (a native modal still lets Tab leave to the browser's own UI).
  readonly #trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'), {
    initialFocus: false,
    returnFocusOnDeactivate: false,
  });
  #stopListening: (() => void) | undefined;

  constructor() {
    super();
    this.open = false;
    this.pdf = undefined;
    this.src = undefined;
    this.fileName = '';
    this.documents = undefined;
    this.trustAnchors = [];
    this.providers = undefined;
    this.kind = 'author';
    this.page = 1;
    this.provider = undefined;
    this.position = 'standard';
    this.box = { left: 120, bottom: 60, width: 60, height: 25 };
    this.signatureImage = undefined;
    this.sealImage = undefined;
    this.stampFont = undefined;
    this.agency = '';
    this.docNumber = '';
    this.copyKind = 'SAO Y';
    this.reason = '';
    this.location = '';
    this.contactInfo = '';
    this.signerName = '';
    this.timestamp = undefined;
    this.busy = false;
    this.problem = undefined;
    this.result = undefined;
    this.fetched = new Map();
    this.progress = undefined;
    this.remoteLoading = false;
    this.remoteCancelled = false;
    this.now = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopListening = onProvidersChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
    this.#abort?.abort();
    this.#stopWaiting();
  }

  /** Opens the dialog as a modal; focus moves into it and comes back on close. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (same as Escape). */
  close(): void {
    this.open = false;
  }

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  get #offered(): readonly SignerProvider[] {
    return this.providers ?? signerProviders();
  }

  get #chosen(): SignerProvider | undefined {
    const list = this.#offered;
    return list.find((p) => p.id === this.provider) ?? list[0];
  }

  /** Several documents are signed together (the `documents` property is set). */
  get #many(): boolean {
    return Boolean(this.documents?.length);
  }

  protected override willUpdate(): void {
    const chosen = this.#chosen;
    if (this.open && chosen?.remote && this.#remoteFor !== chosen.id) void this.#loadCredentials();
  }

  /** Lists the chosen remote provider's credentials (the relay answers for the signed-in user). */
  async #loadCredentials(): Promise<void> {
    const chosen = this.#chosen;
    if (!chosen?.remote) return;
    this.#remoteFor = chosen.id;
    this.remoteCredentials = undefined;
    this.remoteLoading = true;
    this.problem = undefined;
    try {
      const list = await chosen.remote.listCredentials();
      if (this.#remoteFor !== chosen.id) return;
      this.remoteCredentials = list;
      if (!list.some((c) => c.credentialID === this.remoteCredential)) this.remoteCredential = list[0]?.credentialID;
    } catch (error) {
      if (this.#remoteFor === chosen.id) this.#fail(explainError(error));
    } finally {
      this.remoteLoading = false;
    }
  }

  readonly #onRemoteState = (state: RemoteSigningState): void => {
    if (state.state === 'waiting') {
      this.now = Date.now();
      this.remoteWaiting = { expiresAt: state.expiresAt };
      clearInterval(this.#ticker);
      this.#ticker = setInterval(() => {
        this.now = Date.now();
      }, 1000);
      // Keyboard users land on the one thing they can do while waiting.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="cancel-remote-button"]')?.focus());
    } else if (state.state !== 'authorizing') {
      this.#stopWaiting();
    }
  };

  #stopWaiting(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.remoteWaiting = undefined;
  }

  /** Whether `error` is the cancellation the user asked for (shown as a notice, not as a problem). */
  #cancelledByUser(error: unknown): boolean {
    return this.remoteCancelled && (error as { code?: unknown } | undefined)?.code === 'REMOTE_CANCELLED';
  }

  /** Cancels a remote signing request that waits for the phone. */
  cancelRemote(): void {
    if (!this.#abort) return;
    this.remoteCancelled = true;
    this.#abort.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The size of a `src` document is shown once it is fetched ("đang tải…" until then, never "0 KB"); a failed
    // fetch is not repeated here (signing tries again and explains the failure).
    if (this.open) for (const src of this.#sources()) if (!this.fetched.has(src)) void this.#fetchSrc(src).catch(() => undefined);
    if (!changed.has('open')) return;
    const dialog = this.#dialog;
    if (this.open && !dialog.open) {
      const active = deepActiveElement(document);
      this.#returnFocus = active instanceof HTMLElement ? active : undefined;
      this.problem = undefined;
      this.result = undefined;
      dialog.showModal();
      this.#trap.activate();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  readonly #onDialogClose = (): void => {
    const signed = Boolean(this.result);
    this.#trap.deactivate();
    this.open = false;
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    target?.focus();
    this.emit('egov-sign-dialog-close', { detail: { signed } });
  };

  readonly #onCancel = (event: Event): void => {
    // Escape closes, except while a token may be waiting for its PIN; while the phone is asked, it cancels the request.
    if (this.busy) event.preventDefault();
    if (this.remoteWaiting) this.cancelRemote();
  };

  async #readFile(input: HTMLInputElement): Promise<{ bytes: Uint8Array; name: string } | undefined> {
    const file = input.files?.[0];
    if (!file) return undefined;
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  }

  readonly #onPdfFile = async (event: Event): Promise<void> => {
    const picked = await this.#readFile(event.target as HTMLInputElement);
    if (!picked) return;
    this.pdf = picked.bytes;
    this.fileName = picked.name;
    this.result = undefined;
  };

  readonly #onKeyFile = async (event: Event): Promise<void> => {
    this.#keyFile = (await this.#readFile(event.target as HTMLInputElement))?.bytes;
  };

  /** The URLs the dialog has to fetch: `src` without `pdf`, and each document given by `src` only. */
  #sources(): string[] {
    if (this.#many) return this.documents!.flatMap((d) => (!d.bytes && d.src ? [d.src] : []));
    return !this.pdf && this.src ? [this.src] : [];
  }

  /** Fetches a `src` document once (a failed fetch is tried again when signing). */
  #fetchSrc(src: string): Promise<Uint8Array> {
    let pending = this.#fetches.get(src);
    if (!pending) {
      pending = (async () => {
        const response = await fetch(src);
        if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status} ${src}`), { code: 'FETCH_FAILED' });
        return new Uint8Array(await response.arrayBuffer());
      })();
      this.#fetches.set(src, pending);
      pending.then(
        (bytes) => {
          this.fetched = new Map(this.fetched).set(src, bytes);
        },
        () => {
          this.#fetches.delete(src);
          this.fetched = new Map(this.fetched).set(src, null);
        },
      );
    }
    return pending;
  }

  /** The documents to sign with their bytes (fetched when given by URL); empty when there is none. */
  async #toSign(): Promise<DocumentToSign[]> {
    if (this.#many) {
      return Promise.all(this.documents!.map(async (d) => ({ name: d.name, pdf: d.bytes ?? (d.src ? await this.#fetchSrc(d.src) : new Uint8Array()) })));
    }
    const name = this.fileName || this.src || 'document.pdf';
    if (this.pdf) return [{ name, pdf: this.pdf }];
    return this.src ? [{ name, pdf: await this.#fetchSrc(this.src) }] : [];
  }

  async #appearanceInput(): Promise<AppearanceInput> {
    const visible = this.#visible;
    const textStamp = hasFixedPlace(this.kind) && visible;
    const stampFont = this.stampFont ?? (textStamp ? await (await import('../internal/stamp.js')).loadStampFont() : undefined);
    return {
      ...(this.signatureImage ? { signatureImage: this.signatureImage } : {}),
      ...(this.sealImage ? { sealImage: this.sealImage } : {}),
      ...(stampFont ? { stampFont } : {}),
      ...(this.agency ? { agency: this.agency } : {}),
      ...(this.docNumber ? { docNumber: this.docNumber } : {}),
      copyKind: this.copyKind,
      ...(this.position === 'standard' && this.signerName ? { signerName: this.signerName } : {}),
      ...(placementOf(this.kind, this.position) === 'custom' ? { rect: boxRect(this.box) } : {}),
    };
  }

  get #visible(): boolean {
    return isVisible(this.kind, { signatureImage: Boolean(this.signatureImage), sealImage: Boolean(this.sealImage), agency: this.agency, docNumber: this.docNumber });
  }

  readonly #onViewerBox = (event: EgovPdfViewerBoxEvent): void => {
    const { page, mm } = event.detail;
    this.page = page;
    this.box = roundBox(mm);
  };

  #fail(problem: SignProblem): void {
    this.problem = problem;
    this.emit('egov-sign-dialog-error', { detail: { problem } }, { deprecatedAlias: 'egov-sign-error' });
  }

  #setProgress(index: number, state: DocumentState): void {
    if (!this.progress) return;
    const next = [...this.progress];
    next[index] = state;
    this.progress = next;
  }

  /**
   * Signs with the current choices. Resolves `true` when every document was signed (`egov-sign-dialog-sign`),
   * `false` when signing failed (the problem is shown and `egov-sign-dialog-error` fired) or the user cancelled it.
   * Rejects (after showing it the same way) when there is no way of signing at all: an `Error` with `code`
   * `NO_PROVIDER` and its Vietnamese and English text (`vi`, `en`).
   */
  async sign(): Promise<boolean> {
    const outcome = await this.#run();
    if (typeof outcome === 'object') throw noProviderError(outcome);
    return outcome;
  }

  async #run(): Promise<boolean | SignProblem> {
    if (this.busy) return false;
    const provider = this.#chosen;
    this.problem = undefined;
    this.result = undefined;
    this.remoteCancelled = false;
    this.progress = undefined;
    this.busy = true;
    const abort = provider?.remote ? new AbortController() : undefined;
    this.#abort = abort;
    try {
      const docs = await this.#toSign();
      if (docs.length === 0) {
        this.#fail(explainError({ code: 'NO_DOCUMENT' }));
        return false;
      }
      if (!provider) {
        const missing = explainError({ code: 'NO_PROVIDER' });
        this.#fail(missing);
        return missing;
      }
      if (this.#many) this.progress = docs.map(() => 'pending');
      const page = signingPage(this.kind, this.position, this.signerName, this.page);
      const signed = await signDocuments(provider, docs, {
        kind: this.kind,
        trustAnchors: this.trustAnchors,
        ...(page === undefined ? {} : { page }),
        reason: this.reason,
        location: this.location,
        contactInfo: this.contactInfo,
        ...(this.timestamp ? { timestamp: this.timestamp } : {}),
        ...(this.docNumber ? { docNumber: this.docNumber } : {}),
        createSigner: () => this.#createSigner(provider, abort),
        appearance: () => this.#appearanceInput(),
        onProgress: (i, state) => this.#setProgress(i, state),
      });
      for (const s of signed) {
        const expired = certificateProblem(s.report);
        if (expired) {
          this.#fail(expired);
          return false;
        }
      }
      const documents = signed.map((s, i) => ({ name: docs[i]!.name, pdf: s.pdf, report: s.report }));
      const first = documents[0]!;
      this.result = { pdf: first.pdf, report: first.report, documents };
      const detail: EgovSignDialogSignEvent['detail'] = { pdf: first.pdf, report: first.report, kind: this.kind, provider: provider.id, documents };
      this.emit('egov-sign-dialog-sign', { detail }, { deprecatedAlias: 'egov-signed' });
      return true;
    } catch (error) {
      if (this.progress) this.progress = this.progress.map((s) => (s === 'signed' ? s : 'failed'));
      if (!this.#cancelledByUser(error)) this.#fail(explainError(error));
      return false;
    } finally {
      this.#stopWaiting();
      this.#abort = undefined;
      this.busy = false;
    }
  }

  async #createSigner(provider: SignerProvider, abort: AbortController | undefined): Promise<Signer> {
    const credential = this.remoteCredentials?.find((c) => c.credentialID === this.remoteCredential);
    return provider.createSigner({
      ...(this.#keyFile ? { file: this.#keyFile } : {}),
      ...(provider.fields?.includes('password') ? { password: this.#password } : {}),
      ...(provider.remote && this.remoteCredential ? { credentialID: this.remoteCredential, onRemoteState: this.#onRemoteState } : {}),
      ...(abort ? { signal: abort.signal } : {}),
      ...(credential?.authObjects.includes('PIN') ? { pin: this.#pin } : {}),
      ...(credential?.authObjects.includes('OTP') ? { otp: this.#otp } : {}),
    });
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    // A missing provider is shown in the dialog too; the rejection is for programmatic callers.
    this.sign().catch(() => undefined);
  };

  override render() {
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.#onDialogClose} @cancel=${this.#onCancel}>
      <h2 id="title" part="title">${this.msg('title')}</h2>
      <form part="form" @submit=${this.#onSubmit}>
        ${this.#renderDocument()} ${this.#renderKind()} ${this.#renderDetails()} ${this.#renderPosition()} ${this.#renderProviderChoice()}
        <div part="status" role="status" aria-live="polite">${this.#renderStatus()}</div>
        ${this.#renderActions()}
      </form>
    </dialog>`;
  }

  /** One document's line: its name, then its size once its bytes are known ("đang tải…" while fetched). */
  #documentText(name: string, bytes: Uint8Array | undefined, src: string | undefined): string {
    const fetched = src ? this.fetched.get(src) : undefined;
    const line = documentLine(name, bytes ?? fetched ?? undefined, Boolean(src) && !bytes && fetched === undefined);
    if (line.state === 'loaded') return this.msg('loadedDocument', line.name, line.kb);
    return line.state === 'loading' ? this.msg('loadingDocument', line.name) : line.name;
  }

  /** The document (name and size), the file picker, or the list of documents signed together. */
  #renderDocument() {
    if (this.#many) {
      const docs = this.documents!;
      const chosen = this.#chosen;
      const together = Boolean(chosen?.remote);
      return html`<div class="field">
        <span id="documents">${this.msg('documents', docs.length)}:</span>
        <ul part="documents" aria-labelledby="documents">
          ${docs.map((d, i) => {
            const state = this.progress?.[i];
            return html`<li data-state=${state ?? 'idle'}>
              <span class="mono">${this.#documentText(d.name, d.bytes, d.src)}</span>${state ? html` — <span>${this.msg('documentState', state)}</span>` : nothing}
            </li>`;
          })}
        </ul>
        ${docs.length > 1 && chosen ? html`<p class="hint">${this.msg(together ? 'batchRemote' : 'batchOneByOne')}</p>` : nothing}
      </div>`;
    }
    const has = this.pdf || this.src;
    return html`<div class="field">
      <span>${this.msg('document')}:</span>
      ${has
        ? html`<span class="mono">${this.#documentText(this.fileName || this.src || 'document.pdf', this.pdf, this.pdf ? undefined : this.src)}</span>`
        : html`<label class="field"
            >${this.msg('chooseDocument')}
            <input type="file" accept="application/pdf,.pdf" @change=${this.#onPdfFile} />
          </label>`}
    </div>`;
  }

  #renderKind() {
    return html`<fieldset>
      <legend>${this.msg('kind')}</legend>
      ${signatureKinds.map(
        (k) =>
          html`<label
            ><input
              type="radio"
              name="kind"
              .value=${k}
              .checked=${this.kind === k}
              @change=${() => {
                this.kind = k;
              }}
            />
            <span>${this.msg('kindLabel', k)}</span></label
          >`,
      )}
      ${this.kind === 'copy'
        ? html`<label class="field"
            >${this.msg('copyKind')}
            <select
              name="copy-kind"
              @change=${(e: Event) => {
                this.copyKind = (e.target as HTMLSelectElement).value as CopyKind;
              }}
            >
              ${copyKinds.map((c) => html`<option .value=${c} ?selected=${this.copyKind === c}>${c}</option>`)}
            </select></label
          >`
        : nothing}
      ${hasFixedPlace(this.kind)
        ? html`${this.#textField('agency', 'agency', this.agency, (v) => (this.agency = v), 'organization')}
          ${this.#textField('docNumber', 'doc-number', this.docNumber, (v) => (this.docNumber = v))}`
        : nothing}
    </fieldset>`;
  }

  #renderDetails() {
    return html`<fieldset>
      <legend>${this.msg('details')}</legend>
      ${this.#textField('reason', 'reason', this.reason, (v) => (this.reason = v))}
      <p class="hint">${this.msg('reasonHint', kindReasons[this.kind])}</p>
      ${this.#textField('location', 'location', this.location, (v) => (this.location = v), 'address-level2')}
      ${this.#textField('contact', 'contact-info', this.contactInfo, (v) => (this.contactInfo = v), 'email')}
    </fieldset>`;
  }

  #renderPosition() {
    const fixed = hasFixedPlace(this.kind);
    const custom = placementOf(this.kind, this.position) === 'custom';
    return html`<fieldset>
      <legend>${this.msg('position')}</legend>
      ${this.#positionRadio('standard')}
      <p class="hint">${this.msg('standardHint')}</p>
      ${fixed ? nothing : this.#positionRadio('custom')}
      ${asksPage(this.kind, this.position, this.signerName)
        ? html`<label class="field"
            >${this.msg('page')}
            <input
              type="number"
              name="page"
              min="1"
              step="1"
              .value=${String(this.page)}
              @input=${(e: Event) => {
                this.page = Number((e.target as HTMLInputElement).value) || 1;
              }}
          /></label>`
        : nothing}
      ${custom ? this.#renderBox() : nothing} ${this.#visible ? nothing : html`<p class="hint">${this.msg('invisibleHint')}</p>`}
    </fieldset>`;
  }

  /** The custom box in millimetres, and the page to draw it on (the single document only). */
  #renderBox() {
    const viewer = !this.#many && (this.pdf || this.src);
    return html`<div class="box">
        ${(['left', 'bottom', 'width', 'height'] as const).map(
          (k) =>
            html`<label class="field"
              >${this.msg(k)}
              <input
                type="number"
                name=${`box-${k}`}
                min="0"
                step="0.1"
                .value=${String(this.box[k])}
                @input=${(e: Event) => {
                  this.box = { ...this.box, [k]: Number((e.target as HTMLInputElement).value) || 0 };
                }}
            /></label>`,
        )}
      </div>
      ${viewer
        ? html`<p class="hint">${this.msg('placeHint')}</p>
            <egov-pdf-viewer
              part="viewer"
              placing
              .pdf=${this.pdf}
              .src=${this.pdf ? undefined : this.src}
              .page=${this.page}
              .box=${{ page: this.page, rect: boxRect(this.box) }}
              @egov-pdf-viewer-box=${this.#onViewerBox}
            ></egov-pdf-viewer>`
        : nothing}`;
  }

  #positionRadio(value: 'standard' | 'custom') {
    return html`<label
      ><input
        type="radio"
        name="position"
        value=${value}
        .checked=${placementOf(this.kind, this.position) === value}
        @change=${() => {
          this.position = value;
        }}
      />
      <span>${this.msg(value)}</span></label
    >`;
  }

  #textField(label: 'agency' | 'docNumber' | 'reason' | 'location' | 'contact', name: string, value: string, set: (v: string) => void, autocomplete = 'off') {
    return html`<label class="field"
      >${this.msg(label)}
      <input
        type="text"
        name=${name}
        autocomplete=${autocomplete}
        .value=${value}
        @input=${(e: Event) => {
          set((e.target as HTMLInputElement).value);
        }}
    /></label>`;
  }

  /** The providers offered, and what the chosen one needs (key file, password, remote credential). */
  #renderProviderChoice() {
    const offered = this.#offered;
    const chosen = this.#chosen;
    return html`<fieldset>
      <legend>${this.msg('provider')}</legend>
      ${offered.length ? offered.map((p) => this.#renderProvider(p, p === chosen)) : html`<p>${this.msg('noProvider')}</p>`}
      ${chosen?.fields?.includes('file')
        ? html`<label class="field"
            >${this.msg('p12File')}
            <input type="file" name="key-file" accept=".p12,.pfx,application/x-pkcs12" @change=${this.#onKeyFile}
          /></label>`
        : nothing}
      ${chosen?.remote ? this.#renderRemote() : nothing}
      ${chosen?.fields?.includes('password')
        ? html`<label class="field"
            >${this.msg('password')}
            <input
              type="password"
              name="password"
              autocomplete="current-password"
              @input=${(e: Event) => {
                this.#password = (e.target as HTMLInputElement).value;
              }}
          /></label>`
        : nothing}
    </fieldset>`;
  }

  #renderProvider(p: SignerProvider, checked: boolean) {
    const lang = this.locale;
    return html`<label>
        <input
          type="radio"
          name="provider"
          .value=${p.id}
          .checked=${checked}
          @change=${() => {
            this.provider = p.id;
          }}
        />
        <span>${p.label[lang]}</span>
      </label>
      ${p.hint ? html`<p class="hint">${p.hint[lang]}</p>` : nothing}`;
  }

  /** Remote signing: the user's credentials to choose from, then the PIN/OTP the chosen one asks for. */
  #renderRemote() {
    if (this.remoteLoading) return html`<p class="hint">${this.msg('loadingCredentials')}</p>`;
    const list = this.remoteCredentials;
    if (!list) {
      return html`<button type="button" @click=${() => void this.#loadCredentials()}>${this.msg('reloadCredentials')}</button>`;
    }
    if (list.length === 0) return html`<p>${this.msg('noCredential')}</p>`;
    return html`<fieldset part="credentials">
      <legend>${this.msg('remoteCredential')}</legend>
      ${list.map(
        (c) =>
          html`<label
            ><input
              type="radio"
              name="credential"
              .value=${c.credentialID}
              .checked=${c.credentialID === this.remoteCredential}
              @change=${() => {
                this.remoteCredential = c.credentialID;
              }}
            />
            <span>${c.label}</span></label
          >`,
      )}
      ${this.#renderSecrets(list.find((c) => c.credentialID === this.remoteCredential))}
    </fieldset>`;
  }

  /** The PIN and/or OTP an explicitly authorised credential asks for. */
  #renderSecrets(chosen: RemoteCredentialChoice | undefined) {
    const secret = (id: 'PIN' | 'OTP', label: 'pin' | 'otp', set: (v: string) => void) =>
      chosen?.authObjects.includes(id)
        ? html`<label class="field"
            >${this.msg(label)}
            <input
              type="password"
              name=${label}
              inputmode="numeric"
              autocomplete=${label === 'otp' ? 'one-time-code' : 'off'}
              @input=${(e: Event) => {
                set((e.target as HTMLInputElement).value);
              }}
          /></label>`
        : nothing;
    return html`${secret('PIN', 'pin', (v) => (this.#pin = v))} ${secret('OTP', 'otp', (v) => (this.#otp = v))}`;
  }

  /** The live region: progress, waiting for the phone, cancelled, problem, or result (`dialogPhase` decides). */
  #renderStatus() {
    const phase = dialogPhase({
      busy: this.busy,
      waiting: Boolean(this.remoteWaiting),
      cancelled: this.remoteCancelled,
      problem: Boolean(this.problem),
      result: Boolean(this.result),
    });
    switch (phase) {
      case 'waiting':
        return this.#renderWaiting(this.remoteWaiting!.expiresAt);
      case 'signing':
        return html`<p class="status">${this.msg('signing')}</p>`;
      case 'cancelled':
        return html`<p class="status">${this.msg('cancelled')}</p>`;
      case 'problem':
        return this.#renderProblem(this.problem!);
      case 'result':
        return this.#renderResult(this.result!);
      case 'idle':
        return nothing;
    }
  }

  #renderWaiting(expiresAt: number) {
    const left = timeLeft(expiresAt, this.now);
    return html`<div class="waiting">
      <p class="status">${this.msg('waiting')}</p>
      <p role="timer" aria-live="off" part="countdown">${this.msg('remaining', left.minutes, left.seconds)}</p>
      <button part="cancel-remote-button" type="button" @click=${() => this.cancelRemote()}>${this.msg('cancelRemote')}</button>
    </div>`;
  }

  #renderProblem(p: SignProblem) {
    const lang = this.locale;
    return html`<div part="problem" class="problem">
      <p class="title">${p.title[lang]}</p>
      <p>${this.msg('whatNext')} ${p.action[lang]}</p>
      ${p.detail
        ? html`<details>
            <summary>${this.msg('technical')}</summary>
            <p class="mono">${p.code}: ${p.detail[lang]}</p>
          </details>`
        : nothing}
    </div>`;
  }

  #renderResult(result: SignResult) {
    if (this.#many) {
      return html`<div class="result">
        <p class="status">${this.msg('signedMany', result.documents.length)}</p>
        <ul>
          ${result.documents.map((d) => {
            const last = d.report.signatures.at(-1);
            return html`<li><span class="mono">${d.name}</span>: ${last ? this.msg('verdict', last.verdict) : ''}</li>`;
          })}
        </ul>
      </div>`;
    }
    const last = result.report.signatures.at(-1);
    return html`<div class="result">
      <p class="status">${this.msg('signed')} ${last ? this.msg('verdict', last.verdict) : ''}</p>
    </div>`;
  }

  #renderActions() {
    const ready = canSign({ busy: this.busy, provider: this.#chosen, credential: this.remoteCredential });
    return html`<div class="actions">
      <button part="close-button" type="button" @click=${() => this.close()}>${this.msg('close')}</button>
      <button part="sign-button" class="primary" type="submit" ?disabled=${!ready}>${this.result || this.problem ? this.msg('signAgain') : this.msg('sign')}</button>
    </div>`;
  }
}
