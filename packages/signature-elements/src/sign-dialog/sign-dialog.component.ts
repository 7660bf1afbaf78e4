import { deepActiveElement, defineMessages, EgovElement, FocusTrapController, hostStyles } from '@egov-vn/elements-core';
import type { CopyKind, RemoteSigningState, TimestampOptions, TrustInput, Verdict, VerificationReport } from '@egov-vn/pdf-signature';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { onProvidersChange, signerProviders } from '../internal/providers.js';
import type { RemoteCredentialChoice, SignerProvider } from '../internal/providers.js';
import { certificateProblem, explainError, kindReasons, signatureKinds, signDocument } from '../internal/sign-flow.js';
import type { AppearanceInput, SignatureKind, SignedDocument, SignProblem } from '../internal/sign-flow.js';
import { signWholeDocument } from '../internal/whole-document.js';
import type { EgovPdfViewerBoxEvent } from '../pdf-viewer/pdf-viewer.events.js';
import type { EgovSignedEvent } from './sign-dialog.events.js';
import styles from './sign-dialog.styles.js';

const copyKinds: readonly CopyKind[] = ['SAO Y', 'SAO LỤC', 'TRÍCH SAO'];

const messages = defineMessages({
  vi: {
    title: 'Ký số văn bản',
    document: 'Văn bản',
    chooseDocument: 'Chọn tệp PDF cần ký',
    loadedDocument: (name: string, kb: number) => `${name} (${kb} KB)`,
    kind: 'Loại chữ ký',
    kindLabel: (k: SignatureKind) =>
      ({
        author: 'Chữ ký của người có thẩm quyền',
        seal: 'Chữ ký số của cơ quan, tổ chức (con dấu)',
        copy: 'Chữ ký số trên bản sao điện tử (SAO Y, SAO LỤC, TRÍCH SAO)',
        appendix: 'Chữ ký số trên phụ lục, văn bản kèm theo (tệp riêng)',
      })[k],
    copyKind: 'Hình thức sao',
    docNumber: 'Số, ký hiệu văn bản',
    agency: 'Cơ quan, tổ chức',
    details: 'Thông tin chữ ký',
    reason: 'Lý do ký',
    reasonHint: (fallback: string) => `Để trống: “${fallback}”.`,
    location: 'Nơi ký',
    contact: 'Thông tin liên hệ (điện thoại, thư điện tử)',
    placeHint: 'Kéo trên trang để vẽ khung chữ ký; trên khung, phím mũi tên để di chuyển, Shift + mũi tên để đổi cỡ.',
    position: 'Vị trí chữ ký',
    page: 'Trang gắn chữ ký',
    standard: 'Vị trí tiêu chuẩn',
    standardHint: 'Chữ ký: phía trên họ tên người ký; con dấu: trùm một phần ba bên trái chữ ký; bản sao và phụ lục: góc trên bên phải trang đầu (chữ, không có hình).',
    custom: 'Vị trí tự chọn (khung chữ ký)',
    left: 'Cách mép trái (mm)',
    bottom: 'Cách mép dưới (mm)',
    width: 'Rộng (mm)',
    height: 'Cao (mm)',
    invisibleHint: 'Chưa có hình chữ ký/con dấu (hoặc cơ quan, số ký hiệu cho dấu bản sao, phụ lục) cho loại chữ ký này: chữ ký được gắn vào trang đã chọn mà không hiển thị hình.',
    provider: 'Cách ký',
    p12File: 'Tệp chứng thư số',
    password: 'Mật khẩu',
    noProvider: 'Chưa có cách ký nào được cấu hình.',
    sign: 'Ký',
    signAgain: 'Ký lại',
    close: 'Đóng',
    signing: 'Đang ký… Nếu dùng USB token, hãy nhập mã PIN khi được hỏi.',
    signed: 'Đã ký văn bản.',
    verdict: (v: Verdict) =>
      ({
        valid: 'Kiểm tra lại: chữ ký hợp lệ.',
        'valid-untrusted': 'Kiểm tra lại: chữ ký đúng nhưng chứng thư chưa được cổng này tin cậy.',
        modified: 'Kiểm tra lại: văn bản bị thay đổi sau khi ký.',
        indeterminate: 'Kiểm tra lại: chưa xác định được tính hợp lệ.',
        invalid: 'Kiểm tra lại: chữ ký không hợp lệ.',
      })[v],
    whatNext: 'Cách xử lý:',
    technical: 'Chi tiết kỹ thuật',
    remoteCredential: 'Chứng thư số ký từ xa',
    loadingCredentials: 'Đang tải danh sách chứng thư số…',
    noCredential: 'Tài khoản này chưa có chứng thư số ký từ xa.',
    reloadCredentials: 'Tải lại danh sách',
    pin: 'Mã PIN',
    otp: 'Mã OTP',
    waiting: 'Đã gửi yêu cầu ký. Mở ứng dụng ký số trên điện thoại và bấm Đồng ý để xác nhận.',
    remaining: (m: number, s: number) => `Thời gian còn lại: ${m} phút ${String(s).padStart(2, '0')} giây`,
    cancelRemote: 'Huỷ yêu cầu ký',
    cancelled: 'Đã huỷ yêu cầu ký. Văn bản chưa được ký.',
  },
  en: {
    title: 'Sign the document',
    document: 'Document',
    chooseDocument: 'Choose the PDF to sign',
    loadedDocument: (name: string, kb: number) => `${name} (${kb} KB)`,
    kind: 'Kind of signature',
    kindLabel: (k: SignatureKind) =>
      ({
        author: 'Signature of the competent person',
        seal: 'Agency signature (seal)',
        copy: 'Signature on an electronic copy (SAO Y, SAO LỤC, TRÍCH SAO)',
        appendix: 'Signature on an appendix or attachment (separate file)',
      })[k],
    copyKind: 'Kind of copy',
    docNumber: 'Document number and symbol',
    agency: 'Agency',
    details: 'Signature details',
    reason: 'Reason',
    reasonHint: (fallback: string) => `Empty: “${fallback}”.`,
    location: 'Location',
    contact: 'Contact (phone, e-mail)',
    placeHint: 'Drag on the page to draw the signature box; on the box, arrow keys move it and Shift + arrows resize it.',
    position: 'Position',
    page: 'Page of the signature',
    standard: 'Standard position',
    standardHint: 'Signature: above the signer’s name; seal: over the left third of the signature; copy and appendix: top right of the first page (text, no image).',
    custom: 'Custom position (signature box)',
    left: 'From the left edge (mm)',
    bottom: 'From the bottom edge (mm)',
    width: 'Width (mm)',
    height: 'Height (mm)',
    invisibleHint: 'No signature image or seal (or agency, document number for a copy or appendix stamp) is set for this kind: the signature is attached to the chosen page without a picture.',
    provider: 'How to sign',
    p12File: 'Certificate file',
    password: 'Password',
    noProvider: 'No way of signing is configured.',
    sign: 'Sign',
    signAgain: 'Sign again',
    close: 'Close',
    signing: 'Signing… If you use a USB token, enter the PIN when asked.',
    signed: 'The document is signed.',
    verdict: (v: Verdict) =>
      ({
        valid: 'Checked: the signature is valid.',
        'valid-untrusted': 'Checked: the signature is correct but its certificate is not trusted by this portal.',
        modified: 'Checked: the document was changed after signing.',
        indeterminate: 'Checked: validity could not be determined.',
        invalid: 'Checked: the signature is invalid.',
      })[v],
    whatNext: 'What to do:',
    technical: 'Technical details',
    remoteCredential: 'Remote signing certificate',
    loadingCredentials: 'Loading the certificates…',
    noCredential: 'This account has no remote signing certificate.',
    reloadCredentials: 'Reload the list',
    pin: 'PIN',
    otp: 'OTP',
    waiting: 'The signing request was sent. Open the signing app on your phone and approve it.',
    remaining: (m: number, s: number) => `Time left: ${m} min ${String(s).padStart(2, '0')} s`,
    cancelRemote: 'Cancel the signing request',
    cancelled: 'The signing request was cancelled. The document was not signed.',
  },
});

/**
 * @summary The signing flow in a modal `<dialog>`: open a PDF, choose the kind of signature (Nghị định 30), the
 * page, and a signer provider (WebCrypto key, PKCS#12 file, local token service, or one a portal registered), sign
 * by incremental update, and show the validator's verdict on the result.
 * @tagname egov-sign-dialog
 *
 * @event {EgovSignedEvent} egov-signed - Signed: `detail.pdf` (the new bytes), `detail.report`, `kind`, `provider`.
 * @event {EgovSignErrorEvent} egov-sign-error - Signing failed: `detail.problem` (code, title, action, detail).
 * @event {EgovSignDialogCloseEvent} egov-sign-dialog-close - The dialog closed; `detail.signed` says if it signed.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The heading.
 * @csspart form - The form.
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
    busy: { type: Boolean, reflect: true },
    problem: { attribute: false },
    result: { attribute: false },
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
  declare box: { left: number; bottom: number; width: number; height: number };
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
  declare busy: boolean;
  /** The last problem shown. */
  declare problem: SignProblem | undefined;
  /** The last result (signed bytes and report). */
  declare result: { pdf: Uint8Array; report: VerificationReport } | undefined;

  private password = '';
  /** Remote signing: the chosen provider's credentials (undefined until listed). */
  declare private remoteCredentials: readonly RemoteCredentialChoice[] | undefined;
  declare private remoteCredential: string | undefined;
  declare private remoteLoading: boolean;
  /** Remote signing: waiting for the phone, until this time (epoch ms). */
  declare private remoteWaiting: { expiresAt: number } | undefined;
  declare private remoteCancelled: boolean;
  declare private now: number;
  private remoteFor: string | undefined;
  private pin = '';
  private otp = '';
  private abort: AbortController | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private keyFile: Uint8Array | undefined;
  private returnFocus: HTMLElement | undefined;
  // Tab and Shift+Tab cycle inside the dialog (a native modal still lets Tab leave to the browser's own UI).
  private readonly trap = new FocusTrapController(this, () => this.renderRoot.querySelector('dialog'), {
    initialFocus: false,
    returnFocusOnDeactivate: false,
  });
  private stopListening: (() => void) | undefined;

  constructor() {
    super();
    this.open = false;
    this.pdf = undefined;
    this.src = undefined;
    this.fileName = '';
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
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = onProvidersChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.abort?.abort();
    this.stopWaiting();
  }

  /** Opens the dialog as a modal; focus moves into it and comes back on close. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (same as Escape). */
  close(): void {
    this.open = false;
  }

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private get offered(): readonly SignerProvider[] {
    return this.providers ?? signerProviders();
  }

  private get chosen(): SignerProvider | undefined {
    const list = this.offered;
    return list.find((p) => p.id === this.provider) ?? list[0];
  }

  protected override willUpdate(): void {
    const chosen = this.chosen;
    if (this.open && chosen?.remote && this.remoteFor !== chosen.id) void this.loadCredentials();
  }

  /** Lists the chosen remote provider's credentials (the relay answers for the signed-in user). */
  private async loadCredentials(): Promise<void> {
    const chosen = this.chosen;
    if (!chosen?.remote) return;
    this.remoteFor = chosen.id;
    this.remoteCredentials = undefined;
    this.remoteLoading = true;
    this.problem = undefined;
    try {
      const list = await chosen.remote.listCredentials();
      if (this.remoteFor !== chosen.id) return;
      this.remoteCredentials = list;
      if (!list.some((c) => c.credentialID === this.remoteCredential)) this.remoteCredential = list[0]?.credentialID;
    } catch (error) {
      if (this.remoteFor === chosen.id) this.fail(explainError(error));
    } finally {
      this.remoteLoading = false;
    }
  }

  private readonly onRemoteState = (state: RemoteSigningState): void => {
    if (state.state === 'waiting') {
      this.now = Date.now();
      this.remoteWaiting = { expiresAt: state.expiresAt };
      clearInterval(this.ticker);
      this.ticker = setInterval(() => {
        this.now = Date.now();
      }, 1000);
      // Keyboard users land on the one thing they can do while waiting.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="cancel-remote-button"]')?.focus());
    } else if (state.state !== 'authorizing') {
      this.stopWaiting();
    }
  };

  private stopWaiting(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.remoteWaiting = undefined;
  }

  /** Whether `error` is the cancellation the user asked for (shown as a notice, not as a problem). */
  private cancelledByUser(error: unknown): boolean {
    return this.remoteCancelled && (error as { code?: unknown } | undefined)?.code === 'REMOTE_CANCELLED';
  }

  /** Cancels a remote signing request that waits for the phone. */
  cancelRemote(): void {
    if (!this.abort) return;
    this.remoteCancelled = true;
    this.abort.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.dialog;
    if (this.open && !dialog.open) {
      const active = deepActiveElement(document);
      this.returnFocus = active instanceof HTMLElement ? active : undefined;
      this.problem = undefined;
      this.result = undefined;
      dialog.showModal();
      this.trap.activate();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  private readonly onDialogClose = (): void => {
    const signed = Boolean(this.result);
    this.trap.deactivate();
    this.open = false;
    const target = this.returnFocus;
    this.returnFocus = undefined;
    target?.focus();
    this.emit('egov-sign-dialog-close', { detail: { signed } });
  };

  private readonly onCancel = (event: Event): void => {
    // Escape closes, except while a token may be waiting for its PIN; while the phone is asked, it cancels the request.
    if (this.busy) event.preventDefault();
    if (this.remoteWaiting) this.cancelRemote();
  };

  private async readFile(input: HTMLInputElement): Promise<{ bytes: Uint8Array; name: string } | undefined> {
    const file = input.files?.[0];
    if (!file) return undefined;
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  }

  private readonly onPdfFile = async (event: Event): Promise<void> => {
    const picked = await this.readFile(event.target as HTMLInputElement);
    if (!picked) return;
    this.pdf = picked.bytes;
    this.fileName = picked.name;
    this.result = undefined;
  };

  private readonly onKeyFile = async (event: Event): Promise<void> => {
    this.keyFile = (await this.readFile(event.target as HTMLInputElement))?.bytes;
  };

  private async documentBytes(): Promise<Uint8Array | undefined> {
    if (this.pdf) return this.pdf;
    if (!this.src) return undefined;
    const response = await fetch(this.src);
    if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status} ${this.src}`), { code: 'FETCH_FAILED' });
    this.pdf = new Uint8Array(await response.arrayBuffer());
    return this.pdf;
  }

  /** Copy and appendix stamps have one place (Nghị định 30 Phụ lục I: top right of the first page). */
  private get fixedPlace(): boolean {
    return this.kind === 'copy' || this.kind === 'appendix';
  }

  /** The position used: `standard` for the fixed-place kinds whatever `position` says. */
  private get placement(): 'standard' | 'custom' {
    return this.fixedPlace ? 'standard' : this.position;
  }

  /** Whether the chosen kind has what its visible layout needs. */
  private get visible(): boolean {
    if (this.kind === 'copy') return Boolean(this.agency);
    if (this.kind === 'appendix') return Boolean(this.docNumber);
    return Boolean(this.kind === 'author' ? this.signatureImage : this.sealImage);
  }

  private async appearanceInput(): Promise<AppearanceInput> {
    const textStamp = (this.kind === 'copy' || this.kind === 'appendix') && this.visible;
    const stampFont = this.stampFont ?? (textStamp ? await (await import('../internal/stamp.js')).loadStampFont() : undefined);
    return {
      ...(this.signatureImage ? { signatureImage: this.signatureImage } : {}),
      ...(this.sealImage ? { sealImage: this.sealImage } : {}),
      ...(stampFont ? { stampFont } : {}),
      ...(this.agency ? { agency: this.agency } : {}),
      ...(this.docNumber ? { docNumber: this.docNumber } : {}),
      copyKind: this.copyKind,
      ...(this.position === 'standard' && this.signerName ? { signerName: this.signerName } : {}),
      ...(this.placement === 'custom'
        ? { rect: this.boxRect() }
        : {}),
    };
  }

  /** The custom box in PDF points, [x1, y1, x2, y2] from the bottom-left corner. */
  private boxRect(): [number, number, number, number] {
    const mm = 72 / 25.4;
    const b = this.box;
    return [b.left * mm, b.bottom * mm, (b.left + b.width) * mm, (b.bottom + b.height) * mm];
  }

  private readonly onViewerBox = (event: EgovPdfViewerBoxEvent): void => {
    const round = (n: number): number => Math.round(n * 10) / 10;
    const { page, mm } = event.detail;
    this.page = page;
    this.box = { left: round(mm.left), bottom: round(mm.bottom), width: round(mm.width), height: round(mm.height) };
  };

  private positionRadio(value: 'standard' | 'custom') {
    return html`<label
      ><input
        type="radio"
        name="position"
        value=${value}
        .checked=${this.placement === value}
        @change=${() => {
          this.position = value;
        }}
      />
      <span>${this.msg(value)}</span></label
    >`;
  }

  private textField(label: 'agency' | 'docNumber' | 'reason' | 'location' | 'contact', name: string, value: string, set: (v: string) => void, autocomplete = 'off') {
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

  private fail(problem: SignProblem): void {
    this.problem = problem;
    this.emit('egov-sign-error', { detail: { problem } });
  }

  /** Signs with the current choices; resolves when done (the outcome is in `result` or `problem`). */
  async sign(): Promise<void> {
    if (this.busy) return;
    const provider = this.chosen;
    this.problem = undefined;
    this.result = undefined;
    this.remoteCancelled = false;
    this.busy = true;
    const abort = provider?.remote ? new AbortController() : undefined;
    this.abort = abort;
    try {
      const pdf = await this.documentBytes();
      if (!pdf) {
        this.fail(explainError({ code: 'NO_DOCUMENT' }));
        return;
      }
      if (!provider) return;
      // Whole-document providers (the VGCA plugin) sign the file themselves; the result is verified the same way.
      const signed = provider.signDocument
        ? await signWholeDocument(provider, pdf, {
            kind: this.kind,
            trustAnchors: this.trustAnchors,
            ...(this.docNumber ? { docNumber: this.docNumber } : {}),
          })
        : await this.signWithSigner(provider, pdf, abort);
      const expired = certificateProblem(signed.report);
      if (expired) {
        this.fail(expired);
        return;
      }
      this.result = signed;
      const detail: EgovSignedEvent['detail'] = { pdf: signed.pdf, report: signed.report, kind: this.kind, provider: provider.id };
      this.emit('egov-signed', { detail });
    } catch (error) {
      if (!this.cancelledByUser(error)) this.fail(explainError(error));
    } finally {
      this.stopWaiting();
      this.abort = undefined;
      this.busy = false;
    }
  }

  private async signWithSigner(provider: SignerProvider, pdf: Uint8Array, abort: AbortController | undefined): Promise<SignedDocument> {
    const credential = this.remoteCredentials?.find((c) => c.credentialID === this.remoteCredential);
    const signer = await provider.createSigner({
      ...(this.keyFile ? { file: this.keyFile } : {}),
      ...(provider.fields?.includes('password') ? { password: this.password } : {}),
      ...(provider.remote && this.remoteCredential ? { credentialID: this.remoteCredential, onRemoteState: this.onRemoteState } : {}),
      ...(abort ? { signal: abort.signal } : {}),
      ...(credential?.authObjects.includes('PIN') ? { pin: this.pin } : {}),
      ...(credential?.authObjects.includes('OTP') ? { otp: this.otp } : {}),
    });
    const signed = await signDocument(pdf, {
      signer,
      kind: this.kind,
      ...(this.fixedPlace ? { page: 0 } : this.placement === 'custom' || !this.signerName ? { page: Math.max(0, Math.floor(this.page) - 1) } : {}),
      trustAnchors: this.trustAnchors,
      appearance: await this.appearanceInput(),
      reason: this.reason,
      location: this.location,
      contactInfo: this.contactInfo,
      ...(this.timestamp ? { timestamp: this.timestamp } : {}),
    });
    return signed;
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.sign();
  };

  private renderProvider(p: SignerProvider, checked: boolean) {
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

  private renderRemote() {
    if (this.remoteLoading) return html`<p class="hint">${this.msg('loadingCredentials')}</p>`;
    const list = this.remoteCredentials;
    if (!list) {
      return html`<button type="button" @click=${() => void this.loadCredentials()}>${this.msg('reloadCredentials')}</button>`;
    }
    if (list.length === 0) return html`<p>${this.msg('noCredential')}</p>`;
    const chosen = list.find((c) => c.credentialID === this.remoteCredential);
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
      ${secret('PIN', 'pin', (v) => (this.pin = v))} ${secret('OTP', 'otp', (v) => (this.otp = v))}
    </fieldset>`;
  }

  private renderStatus() {
    const lang = this.locale;
    if (this.busy && this.remoteWaiting) {
      const left = Math.max(0, Math.ceil((this.remoteWaiting.expiresAt - this.now) / 1000));
      return html`<div class="waiting">
        <p class="status">${this.msg('waiting')}</p>
        <p role="timer" aria-live="off" part="countdown">${this.msg('remaining', Math.floor(left / 60), left % 60)}</p>
        <button part="cancel-remote-button" type="button" @click=${() => this.cancelRemote()}>${this.msg('cancelRemote')}</button>
      </div>`;
    }
    if (this.busy) return html`<p class="status">${this.msg('signing')}</p>`;
    if (this.remoteCancelled && !this.problem) return html`<p class="status">${this.msg('cancelled')}</p>`;
    if (this.problem) {
      const p = this.problem;
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
    if (this.result) {
      const last = this.result.report.signatures.at(-1);
      return html`<div class="result">
        <p class="status">${this.msg('signed')} ${last ? this.msg('verdict', last.verdict) : ''}</p>
      </div>`;
    }
    return nothing;
  }

  override render() {
    const chosen = this.chosen;
    const offered = this.offered;
    const kb = this.pdf ? Math.max(1, Math.round(this.pdf.length / 1024)) : 0;
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onDialogClose} @cancel=${this.onCancel}>
      <h2 id="title" part="title">${this.msg('title')}</h2>
      <form part="form" @submit=${this.onSubmit}>
        <div class="field">
          <span>${this.msg('document')}:</span>
          ${this.pdf || this.src
            ? html`<span class="mono">${this.msg('loadedDocument', this.fileName || this.src || 'document.pdf', kb)}</span>`
            : nothing}
          ${this.pdf || this.src
            ? nothing
            : html`<label class="field"
                >${this.msg('chooseDocument')}
                <input type="file" accept="application/pdf,.pdf" @change=${this.onPdfFile} />
              </label>`}
        </div>
        <fieldset>
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
          ${this.kind === 'copy' || this.kind === 'appendix'
            ? html`${this.textField('agency', 'agency', this.agency, (v) => (this.agency = v), 'organization')}
              ${this.textField('docNumber', 'doc-number', this.docNumber, (v) => (this.docNumber = v))}`
            : nothing}
        </fieldset>
        <fieldset>
          <legend>${this.msg('details')}</legend>
          ${this.textField('reason', 'reason', this.reason, (v) => (this.reason = v))}
          <p class="hint">${this.msg('reasonHint', kindReasons[this.kind])}</p>
          ${this.textField('location', 'location', this.location, (v) => (this.location = v), 'address-level2')}
          ${this.textField('contact', 'contact-info', this.contactInfo, (v) => (this.contactInfo = v), 'email')}
        </fieldset>
        <fieldset>
          <legend>${this.msg('position')}</legend>
          ${this.positionRadio('standard')}
          <p class="hint">${this.msg('standardHint')}</p>
          ${this.fixedPlace ? nothing : this.positionRadio('custom')}
          ${!this.fixedPlace && (this.position === 'custom' || !this.signerName)
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
          ${this.placement === 'custom'
            ? html`<div class="box">
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
              ${this.pdf || this.src
                ? html`<p class="hint">${this.msg('placeHint')}</p>
                    <egov-pdf-viewer
                      part="viewer"
                      placing
                      .pdf=${this.pdf}
                      .src=${this.pdf ? undefined : this.src}
                      .page=${this.page}
                      .box=${{ page: this.page, rect: this.boxRect() }}
                      @egov-pdf-viewer-box=${this.onViewerBox}
                    ></egov-pdf-viewer>`
                : nothing}`
            : nothing}
          ${this.visible ? nothing : html`<p class="hint">${this.msg('invisibleHint')}</p>`}
        </fieldset>
        <fieldset>
          <legend>${this.msg('provider')}</legend>
          ${offered.length ? offered.map((p) => this.renderProvider(p, p === chosen)) : html`<p>${this.msg('noProvider')}</p>`}
          ${chosen?.fields?.includes('file')
            ? html`<label class="field"
                >${this.msg('p12File')}
                <input type="file" name="key-file" accept=".p12,.pfx,application/x-pkcs12" @change=${this.onKeyFile}
              /></label>`
            : nothing}
          ${chosen?.remote ? this.renderRemote() : nothing}
          ${chosen?.fields?.includes('password')
            ? html`<label class="field"
                >${this.msg('password')}
                <input
                  type="password"
                  name="password"
                  autocomplete="current-password"
                  @input=${(e: Event) => {
                    this.password = (e.target as HTMLInputElement).value;
                  }}
              /></label>`
            : nothing}
        </fieldset>
        <div part="status" role="status" aria-live="polite">${this.renderStatus()}</div>
        <div class="actions">
          <button part="close-button" type="button" @click=${() => this.close()}>${this.msg('close')}</button>
          <button part="sign-button" class="primary" type="submit" ?disabled=${this.busy || !chosen || (Boolean(chosen.remote) && !this.remoteCredential)}>
            ${this.result || this.problem ? this.msg('signAgain') : this.msg('sign')}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}
