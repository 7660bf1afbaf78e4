import type { renderDocumentPdf as RenderDocumentPdf } from '@egov-vn/document-pdf';
import { encodeBase64 } from '@egov-vn/edxml';
import type { issuePdf as IssuePdf } from '@egov-vn/pdf-signature';
import { buttonStyles, defineMessages, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import type { DirectoryEntry, Draft, DraftState, OutgoingDetail, User } from '@egov-vn/office-api';
import {
  DOCUMENT_TYPES,
  SECRECY_LABELS,
  SECRECY_LEVELS,
  URGENCY_LABELS,
  URGENCY_LEVELS,
  foldForSearch,
  formatIsoDate,
  formatVnDate,
  safeToCivilDate,
  todayInVietnam,
} from '@egov-vn/schemas';
import type { SignerProvider } from '@egov-vn/signature-elements';
import type { EgovSignDialog } from '@egov-vn/signature-elements/sign-dialog';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { OfficeBackendError, toOfficeBackendError } from '../backend/types.js';
import type { OfficeAgency, OfficeHost, OfficeUser, SigningUse } from '../context/context.js';
import { OfficeFeature, renderErrorBlock } from '../feature.js';
import {
  documentFromForm,
  emptyForm,
  formFromDocument,
  isBlockedSecret,
  pdfFileName,
  validateForm,
  type ComposeField,
  type ComposeForm,
  type FieldError,
} from './compose-model.js';
import type { ComposeAction } from './compose.events.js';
import { issueSignedPdf } from './issue.js';
import styles from './compose.styles.js';

const STATES: DraftState[] = ['draft', 'submitted', 'signed', 'numbered', 'sealed', 'sent'];

/** dd/mm/yyyy of an ISO date (as given when it is not one). */
const vnDate = (iso: string): string => {
  const r = safeToCivilDate(iso);
  return r.ok ? formatVnDate(r.value) : iso;
};

const messages = defineMessages({
  vi: {
    title: 'Soạn thảo và phát hành văn bản',
    drafts: 'Dự thảo',
    newDraft: 'Soạn văn bản mới',
    mineOnly: 'Chỉ của tôi',
    state: 'Trạng thái',
    all: 'Tất cả',
    draft: 'Đang soạn',
    submitted: 'Chờ ký',
    signed: 'Đã ký',
    numbered: 'Đã cấp số',
    sealed: 'Đã đóng dấu',
    sent: 'Đã gửi',
    colSubject: 'Trích yếu',
    colNotation: 'Số, ký hiệu',
    colUpdated: 'Cập nhật',
    colBy: 'Người soạn',
    noSubject: '(chưa có trích yếu)',
    empty: 'Chưa có dự thảo nào.',
    loading: 'Đang tải…',
    back: 'Quay lại danh sách',
    type: 'Loại văn bản',
    subject: 'Trích yếu nội dung',
    content: 'Nội dung (các đoạn cách nhau một dòng trống)',
    recipients: 'Nơi nhận',
    findAgency: 'Tìm cơ quan (gõ không dấu cũng được)',
    noAgency: 'Không tìm thấy cơ quan nào.',
    add: (name: string) => `Thêm ${name}`,
    remove: (name: string) => `Bỏ ${name}`,
    chosen: 'Đã chọn',
    noneChosen: 'Chưa chọn cơ quan nhận.',
    signer: 'Lãnh đạo ký',
    chooseSigner: '— Chọn lãnh đạo —',
    signerRequired: 'Chọn lãnh đạo ký văn bản.',
    signerFullName: 'Họ tên người ký',
    signerPosition: 'Chức vụ (quyền hạn) người ký',
    secrecy: 'Độ mật',
    urgency: 'Độ khẩn',
    none: 'Không',
    notation: 'Số, ký hiệu',
    notationPending: (symbol: string) => `Số do văn thư cấp khi phát hành /${symbol}`,
    errorsTitle: (n: number) => `Văn bản còn ${n} điểm chưa đúng thể thức:`,
    valid: 'Văn bản đúng thể thức Nghị định 30/2020.',
    secretBlocked: 'Văn bản mật không được soạn, trình ký và gửi trên hệ thống này (Luật Bảo vệ bí mật nhà nước).',
    appendices: 'Phụ lục (tệp PDF đính kèm)',
    attach: 'Đính kèm tệp PDF',
    noAppendix: 'Chưa có phụ lục.',
    notPdf: (name: string) => `Tệp ${name} không phải PDF.`,
    save: 'Lưu dự thảo',
    preview: 'Xem trước bản PDF',
    submit: 'Trình ký',
    sign: 'Ký duyệt',
    number: 'Cấp số',
    seal: 'Đóng dấu (ký số cơ quan)',
    send: 'Gửi văn bản',
    reload: 'Tải lại dự thảo',
    saved: 'Đã lưu dự thảo.',
    done: (what: string) => `Đã thực hiện: ${what}.`,
    sentTo: (notation: string, n: number) => `Đã gửi văn bản ${notation} tới ${n} cơ quan.`,
    openOutgoing: 'Xem tình trạng gửi',
    retry: 'Thử lại',
    errorTitle: 'Không thực hiện được',
    loadError: 'Không tải được dữ liệu',
    noBackend: 'Chưa cấu hình máy chủ văn phòng.',
    noSigner: 'Máy chủ chưa cung cấp cách ký số cho vai trò này.',
    viewerFailed: 'Không tải được trình xem, ký PDF hoặc phông chữ.',
    steps: 'Các bước',
    details: 'Thông tin dự thảo',
    createdBy: 'Người soạn',
    signerDone: 'Người ký',
    issuedDate: 'Ngày ban hành',
    sealedBy: 'Văn thư đóng dấu',
    waitingFor: (who: string) => `Đang chờ ${who} ký duyệt.`,
    nextStep: 'Bước tiếp theo',
    nothingToDo: 'Không có thao tác nào cho vai trò của bạn ở bước này.',
    previewTitle: 'Bản PDF',
    unsaved: 'Có thay đổi chưa lưu.',
    details_: 'Chi tiết lỗi',
    replacesNote: (notation: string, date: string) => (date ? `Thay thế văn bản số ${notation} ngày ${date}` : `Thay thế văn bản số ${notation}`),
    replaceIntro:
      'Dự thảo thay thế được tạo với nội dung và nơi nhận của văn bản đã gửi để sửa lại; văn bản cũ chỉ hết hiệu lực khi văn bản thay thế được gửi (nghiệp vụ edXML “thay thế”).',
    replaceReason: 'Lý do thay thế',
    replaceStart: 'Tạo dự thảo thay thế',
    replaceCreated: 'Đã tạo dự thảo thay thế.',
    reason: 'Lý do',
    leadersFailed: 'Không tải được danh sách lãnh đạo ký. Vẫn có thể nhập họ tên, chức vụ người ký; thử lại để chọn lãnh đạo.',
  },
  en: {
    title: 'Draft and issue documents',
    drafts: 'Drafts',
    newDraft: 'New document',
    mineOnly: 'Mine only',
    state: 'Status',
    all: 'All',
    draft: 'Drafting',
    submitted: 'Awaiting signature',
    signed: 'Signed',
    numbered: 'Numbered',
    sealed: 'Sealed',
    sent: 'Sent',
    colSubject: 'Subject',
    colNotation: 'Number',
    colUpdated: 'Updated',
    colBy: 'Drafted by',
    noSubject: '(no subject yet)',
    empty: 'No drafts yet.',
    loading: 'Loading…',
    back: 'Back to the list',
    type: 'Document type',
    subject: 'Subject (trích yếu)',
    content: 'Content (paragraphs separated by a blank line)',
    recipients: 'Recipients',
    findAgency: 'Find an agency (diacritics optional)',
    noAgency: 'No agency found.',
    add: (name: string) => `Add ${name}`,
    remove: (name: string) => `Remove ${name}`,
    chosen: 'Chosen',
    noneChosen: 'No recipient agency chosen.',
    signer: 'Signing leader',
    chooseSigner: '— Choose a leader —',
    signerRequired: 'Choose the leader who signs the document.',
    signerFullName: 'Signer’s full name',
    signerPosition: 'Signer’s position (authority)',
    secrecy: 'Secrecy',
    urgency: 'Urgency',
    none: 'None',
    notation: 'Number and symbol',
    notationPending: (symbol: string) => `Number given by the clerk at issue /${symbol}`,
    errorsTitle: (n: number) => (n === 1 ? '1 point does not follow the format yet:' : `${n} points do not follow the format yet:`),
    valid: 'The document follows the format of Decree 30/2020.',
    secretBlocked: 'Secret documents must not be drafted, submitted or sent on this system (Law on State Secrets).',
    appendices: 'Appendices (attached PDF files)',
    attach: 'Attach a PDF file',
    noAppendix: 'No appendix.',
    notPdf: (name: string) => `${name} is not a PDF file.`,
    save: 'Save draft',
    preview: 'Preview the PDF',
    submit: 'Submit for signature',
    sign: 'Sign',
    number: 'Give the number',
    seal: 'Apply the agency seal',
    send: 'Send',
    reload: 'Reload the draft',
    saved: 'Draft saved.',
    done: (what: string) => `Done: ${what}.`,
    sentTo: (notation: string, n: number) => (n === 1 ? `Document ${notation} sent to 1 agency.` : `Document ${notation} sent to ${n} agencies.`),
    openOutgoing: 'See the delivery status',
    retry: 'Retry',
    errorTitle: 'Could not do it',
    loadError: 'Could not load the data',
    noBackend: 'No office back end is configured.',
    noSigner: 'The portal offers no way of signing for this role.',
    viewerFailed: 'Could not load the PDF viewer, signing dialog or fonts.',
    steps: 'Steps',
    details: 'Draft details',
    createdBy: 'Drafted by',
    signerDone: 'Signed by',
    issuedDate: 'Issue date',
    sealedBy: 'Sealed by',
    waitingFor: (who: string) => `Waiting for ${who} to sign.`,
    nextStep: 'Next step',
    nothingToDo: 'Your role has nothing to do at this step.',
    previewTitle: 'The PDF',
    unsaved: 'Unsaved changes.',
    details_: 'Details',
    replacesNote: (notation: string, date: string) => (date ? `Replaces document No. ${notation} of ${date}` : `Replaces document No. ${notation}`),
    replaceIntro:
      'The replacing draft starts with the content and recipients of the sent document, to be corrected; the earlier document stays in force until the replacement is sent (edXML business type “replace”).',
    replaceReason: 'Reason for the replacement',
    replaceStart: 'Create the replacing draft',
    replaceCreated: 'Replacing draft created.',
    reason: 'Reason',
    leadersFailed: 'Could not load the list of signing leaders. You can still type the signer’s name and position; retry to choose a leader.',
  },
});

/** The four Liberation Serif faces @egov-vn/document-pdf renders with. */
export interface ComposeFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

/** What <egov-compose> loads lazily: the PDF renderer, and the signing dialog with the PDF viewer. */
export interface ComposeLoaders {
  renderer: () => Promise<{ renderDocumentPdf: typeof RenderDocumentPdf }>;
  /** The issuing step (number and date written into the signed PDF before the seal). */
  issuing: () => Promise<{ issuePdf: typeof IssuePdf }>;
  signing: () => Promise<unknown>;
  fonts: (baseUrl: string) => Promise<ComposeFonts>;
}

const fetchBytes = async (url: URL): Promise<Uint8Array> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url.href}`);
  return new Uint8Array(await response.arrayBuffer());
};

/**
 * Where the document fonts are when nothing says otherwise: on a page whose import map maps
 * `@egov-vn/document-pdf/fonts/` (the CDN folder does), there; else `/fonts/` of the page's own server.
 */
function defaultFontsUrl(): string {
  try {
    if (typeof import.meta.resolve === 'function') return import.meta.resolve('@egov-vn/document-pdf/fonts/');
  } catch {
    // Not mapped (a bundled page): the page serves the fonts itself.
  }
  return '/fonts/';
}

const defaultLoaders: ComposeLoaders = {
  renderer: () => import('@egov-vn/document-pdf'),
  issuing: () => import('@egov-vn/pdf-signature'),
  signing: () => Promise.all([import('@egov-vn/signature-elements/sign-dialog'), import('@egov-vn/signature-elements/pdf-viewer')]),
  fonts: async (baseUrl) => {
    const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`, globalThis.location.href);
    const [regular, bold, italic, boldItalic] = await Promise.all(
      ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((face) => fetchBytes(new URL(`LiberationSerif-${face}.ttf`, base))),
    );
    return { regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
  },
};

/**
 * The actions a user has on a draft (the state machine of trình ký → ký → cấp số → đóng dấu → gửi, by role). A new,
 * unsaved draft is `undefined`. The back end checks every step again.
 */
export function composeActions(draft: Draft | undefined, user: OfficeUser | undefined): ComposeAction[] {
  if (!user) return [];
  const drafter = user.role !== 'quanTri';
  if (!draft) return drafter ? ['save', 'attach', 'submit'] : [];
  const clerk = user.role === 'vanThu';
  switch (draft.state) {
    case 'draft':
      return drafter && (clerk || draft.createdBy.id === user.id) ? ['save', 'attach', 'submit'] : [];
    case 'submitted':
      return user.role === 'lanhDao' && draft.signer?.id === user.id ? ['sign'] : [];
    case 'signed':
      return clerk ? ['number'] : [];
    case 'numbered':
      return clerk ? ['seal'] : [];
    case 'sealed':
      return clerk ? ['send'] : [];
    default:
      return [];
  }
}

type Busy = ComposeAction | 'replace' | 'preview' | 'load' | undefined;

/**
 * @summary Draft a document to Nghị định 30 with live validation, preview it as the rendered PDF, save it, attach
 * appendices, submit it for signature (trình ký); the leader signs, the clerk (văn thư) gives the number from the outgoing
 * register, applies the agency's seal and sends it to the agencies chosen in the directory. The actions follow the
 * user's role and the draft's state; a failure shows an error with a retry and never breaks the host page.
 * @tagname egov-compose
 *
 * @fires {EgovNavigateEvent} egov-navigate - A draft was opened (`{ view: 'compose', id }`), the list asked for (`{ view: 'compose' }`), or the sent document (`{ view: 'outgoing', id }`). Cancelable.
 * @fires {EgovErrorEvent} egov-error - A back-end call or a lazy chunk failed.
 * @fires {EgovComposeEvent} egov-compose-save - The draft was saved (created or updated).
 * @fires {EgovComposeEvent} egov-compose-attach - An appendix was attached.
 * @fires {EgovComposeEvent} egov-compose-submit - The draft was submitted for signature (trình ký).
 * @fires {EgovComposeEvent} egov-compose-sign - The leader's signed PDF was stored.
 * @fires {EgovComposeEvent} egov-compose-number - The clerk gave the number (cấp số).
 * @fires {EgovComposeEvent} egov-compose-seal - The agency's seal was applied (đóng dấu).
 * @fires {EgovComposeSendEvent} egov-compose-send - The document was sent; `detail.outgoing`.
 * @fires {EgovComposeEvent} egov-compose-replace - A draft replacing the sent document `replaces` was created (thay thế).
 *
 * @csspart base - The wrapper.
 * @csspart list - The drafts table.
 * @csspart row - One draft of the list.
 * @csspart form - The compose form.
 * @csspart field - One field of the form (label, control, messages).
 * @csspart summary - The live validation summary.
 * @csspart recipients - The directory look-up and the chosen recipients.
 * @csspart appendices - The appendix files.
 * @csspart replaces - The note of the sent document a draft replaces (thay thế), and the reason form that starts it.
 * @csspart steps - The steps of the draft (trình ký → … → gửi), the current one marked.
 * @csspart detail - A draft past drafting.
 * @csspart actions - The action buttons.
 * @csspart preview - The PDF preview.
 * @csspart error - An error (role="alert") with its retry button.
 * @csspart retry - The retry button.
 * @csspart sign-dialog - The `<egov-sign-dialog>` (leader's signature, agency seal).
 *
 * @cssprop --egov-color-primary - Buttons, the current step.
 * @cssprop --egov-color-danger - Invalid fields and errors.
 * @cssprop --egov-color-border - Field and table rules.
 */
export class EgovCompose extends OfficeFeature<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, buttonStyles, visuallyHidden, styles];
  static override properties: PropertyDeclarations = {
    ...OfficeFeature.properties,
    draftId: { attribute: 'draft-id', reflect: true },
    replaces: {},
    fontsUrl: { attribute: 'fonts-url' },
    drafts: { state: true },
    listState: { state: true },
    mineOnly: { state: true },
    draft: { state: true },
    form: { state: true },
    touched: { state: true },
    attempted: { state: true },
    dirty: { state: true },
    leaders: { state: true },
    found: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
    pdf: { state: true },
    chunks: { state: true },
    dialog: { state: true },
    outgoing: { state: true },
    replaced: { state: true },
    leadersError: { state: true },
  };

  /** What is loaded lazily (replace to load from elsewhere, e.g. a CDN). */
  static loaders: ComposeLoaders = { ...defaultLoaders };

  /** The open draft (deep link). `new`: a new document. Empty: the list of drafts. */
  declare draftId: string | undefined;
  /**
   * Thay thế: with `draft-id="new"`, the sent (outgoing) document the new draft replaces — what `<egov-outgoing>` asks
   * for with `egov-navigate` `{ view: 'compose', replaces }`. The user gives the reason, then the back end's
   * `replaceOutgoing` creates the draft with that document's content and recipients, and it opens.
   */
  declare replaces: string | undefined;
  /**
   * Where the four Liberation Serif files of `@egov-vn/document-pdf/fonts/` are served (copy them to your static files);
   * the preview and the PDF the leader signs are rendered with them. Default: where the page's import map puts
   * `@egov-vn/document-pdf/fonts/` (the CDN folder's own `assets/fonts/`), else `/fonts/`.
   */
  declare fontsUrl: string;
  declare private drafts: Draft[] | undefined;
  declare private listState: DraftState | '';
  declare private mineOnly: boolean;
  declare private draft: Draft | undefined;
  declare private form: ComposeForm;
  declare private touched: ReadonlySet<ComposeField>;
  declare private attempted: boolean;
  declare private dirty: boolean;
  declare private leaders: User[];
  declare private found: DirectoryEntry[] | undefined;
  declare private busy: Busy;
  declare private error: { error: OfficeBackendError; retry: () => void; reload?: boolean } | undefined;
  declare private notice: string;
  declare private pdf: { bytes: Uint8Array; name: string } | undefined;
  declare private chunks: 'idle' | 'loading' | 'ready' | 'failed';
  declare private dialog: { use: 'author' | 'seal'; pdf: Uint8Array; providers: readonly SignerProvider[]; image: Uint8Array | undefined } | undefined;
  declare private outgoing: OutgoingDetail | undefined;
  declare private replaced: OutgoingDetail | undefined;
  declare private leadersError: OfficeBackendError | undefined;

  #loadedFor: unknown;
  #openSeq = 0;
  #searchSeq = 0;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #fonts: Promise<ComposeFonts> | undefined;
  #adopted: string | undefined;

  constructor() {
    super();
    this.fontsUrl = defaultFontsUrl();
    this.listState = '';
    this.mineOnly = false;
    this.form = emptyForm();
    this.touched = new Set();
    this.attempted = false;
    this.dirty = false;
    this.leaders = [];
    this.notice = '';
    this.chunks = 'idle';
  }

  protected override hostChanged(): void {
    this.#loadedFor = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const host = this.host;
    if (host && this.#loadedFor !== host) {
      this.#loadedFor = host;
      void this.#loadLeaders();
      void this.#openCurrent();
    } else if (host && changed.has('draftId')) {
      // A draft just created keeps what is shown (it only got its address).
      if (this.#adopted !== undefined && this.#adopted === this.draftId) this.#adopted = undefined;
      else void this.#openCurrent();
    } else if (host && changed.has('replaces') && this.replaces && this.draftId === 'new') {
      void this.#openCurrent();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  get #agency(): OfficeAgency {
    const host = this.host;
    return host?.agency ?? { code: '000.00.00.A00', name: '' };
  }

  get #today(): string {
    return this.host?.today ?? formatIsoDate(todayInVietnam());
  }

  /** Reload what is shown (the list or the open draft). Never throws. */
  async reload(): Promise<void> {
    await this.#openCurrent();
  }

  async #openCurrent(): Promise<void> {
    const seq = ++this.#openSeq;
    this.error = undefined;
    this.notice = '';
    this.pdf = undefined;
    this.outgoing = undefined;
    this.dialog = undefined;
    if (!this.draftId) {
      this.draft = undefined;
      this.drafts = undefined;
      const query = { limit: 100, ...(this.listState ? { state: this.listState } : {}), ...(this.mineOnly ? { mine: 'true' as const } : {}) };
      const r = await this.guard('listDrafts', { query });
      if (seq !== this.#openSeq) return;
      if (r.ok) this.drafts = r.value.items;
      else if (r.error.code !== 'ABORTED') this.error = { error: r.error, retry: () => void this.#openCurrent() };
      return;
    }
    if (this.draftId === 'new') {
      this.draft = undefined;
      this.form = { ...emptyForm(), ...this.#defaultSigner() };
      this.touched = new Set();
      this.attempted = false;
      this.dirty = false;
      const replaces = this.replaces;
      if (replaces && this.replaced?.id !== replaces) {
        // Thay thế: show which sent document is replaced before the user starts it.
        this.replaced = undefined;
        this.busy = 'load';
        const r = await this.guard('getOutgoing', { params: { id: replaces } });
        if (seq !== this.#openSeq) return;
        this.busy = undefined;
        if (r.ok) this.replaced = r.value;
        else if (r.error.code !== 'ABORTED') this.error = { error: r.error, retry: () => void this.#openCurrent() };
      }
      return;
    }
    this.busy = 'load';
    const r = await this.guard('getDraft', { params: { id: this.draftId } });
    if (seq !== this.#openSeq) return;
    this.busy = undefined;
    if (!r.ok) {
      if (r.error.code !== 'ABORTED') this.error = { error: r.error, retry: () => void this.#openCurrent() };
      return;
    }
    try {
      this.#setDraft(r.value);
    } catch (e) {
      // A custom backend that skipped the contract check answered something that is not a draft.
      this.error = { error: this.#garbage(e, 'getDraft'), retry: () => void this.#openCurrent() };
      return;
    }
    void this.#loadReplaced(this.draft?.replaces?.outgoingId);
  }

  /** The sent document a draft replaces, for its date in the note; without it the note gives the number only. */
  async #loadReplaced(id: string | undefined): Promise<void> {
    const backend = this.host?.backend;
    if (!id || !backend || this.replaced?.id === id) return;
    try {
      const d = await backend.call('getOutgoing', { params: { id } });
      if (this.draft?.replaces?.outgoingId === id && d.id === id) this.replaced = d;
    } catch {
      // Decoration only: the note keeps the number (from the draft) without the date.
    }
  }

  #garbage(e: unknown, operation: string): OfficeBackendError {
    const error = new OfficeBackendError({ code: 'BAD_RESPONSE', status: 0 }, { cause: e });
    this.announce(error, operation);
    return error;
  }

  #setDraft(draft: Draft): void {
    this.draft = draft;
    this.form = formFromDocument(draft.document, draft.recipients, draft.signer?.id ?? this.form.signerId);
    if (!this.form.signerId) {
      const leader = this.leaders.find((l) => l.name === this.form.signerFullName);
      if (leader) this.form = { ...this.form, signerId: leader.id };
    }
    this.dirty = false;
  }

  #defaultSigner(): Partial<ComposeForm> {
    const leader = this.leaders.length === 1 ? this.leaders[0] : undefined;
    return leader ? { signerId: leader.id, signerFullName: leader.name, signerPosition: leader.title ?? '' } : {};
  }

  async #loadLeaders(): Promise<void> {
    // A helper list: a failure leaves it empty and says so (a non-blocking alert with a retry, egov-error); the drafter
    // can still type the signer, and submit says what is missing.
    const host = this.host;
    if (!host?.backend) return;
    this.leadersError = undefined;
    const r = await this.guard('listUsers', { query: { role: 'lanhDao', limit: 200 } });
    if (host !== this.host) return;
    if (!r.ok) {
      if (r.error.code !== 'ABORTED') this.leadersError = r.error;
      return;
    }
    const items = (r.value as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items)) {
      this.leadersError = this.#garbage(new TypeError('listUsers: no items'), 'listUsers');
      return;
    }
    this.leaders = (items as unknown[]).filter(
      (u): u is User => typeof u === 'object' && u !== null && Array.isArray((u as User).roles) && (u as User).roles.includes('lanhDao'),
    );
    if (this.draftId === 'new' && !this.form.signerId) this.form = { ...this.form, ...this.#defaultSigner() };
  }

  #navigate(target: { view: 'compose' | 'outgoing'; id?: string }): boolean {
    const event = new CustomEvent('egov-navigate', { detail: target, bubbles: true, composed: true, cancelable: true });
    try {
      this.dispatchEvent(event);
    } catch (e) {
      console.error(e);
    }
    return !event.defaultPrevented;
  }

  #open(id: string | undefined): void {
    if (this.#navigate({ view: 'compose', ...(id ? { id } : {}) })) this.draftId = id;
  }

  // ---------- the form ----------

  #edit<K extends keyof ComposeForm>(field: K, value: ComposeForm[K], touched: ComposeField = field as ComposeField): void {
    this.form = { ...this.form, [field]: value };
    this.touched = new Set([...this.touched, touched]);
    this.dirty = true;
    this.pdf = undefined;
    this.notice = '';
  }

  #document() {
    return documentFromForm(this.form, { agency: this.#agency, date: this.#today });
  }

  #errors(): FieldError[] {
    return validateForm(this.#document(), this.form, this.locale, { signerRequired: this.msg('signerRequired') });
  }

  #search(q: string): void {
    clearTimeout(this.#searchTimer);
    const seq = ++this.#searchSeq;
    if (!q.trim()) {
      this.found = undefined;
      return;
    }
    this.#searchTimer = setTimeout(() => {
      void this.guard('searchDirectory', { query: { q, limit: 20 } }).then((r) => {
        if (seq !== this.#searchSeq) return;
        const items = r.ok && Array.isArray(r.value.items) ? r.value.items : [];
        // The back end folds diacritics; fold here as well so a back end that does not still finds "So Tai chinh".
        const folded = foldForSearch(q);
        this.found = items.filter((e) => e.code !== this.#agency.code && foldForSearch(`${e.code} ${e.name}`).includes(folded));
      });
    }, 200);
  }

  // ---------- steps ----------

  /** Runs one step: busy while it runs, the error with a retry when it fails, the event when it succeeds. */
  async #step<T>(action: ComposeAction | 'replace' | 'preview', run: () => Promise<{ ok: true; value: T } | { ok: false; error: OfficeBackendError }>, done?: (value: T) => void): Promise<boolean> {
    this.busy = action;
    this.error = undefined;
    this.notice = '';
    let r: { ok: true; value: T } | { ok: false; error: OfficeBackendError };
    try {
      r = await run();
    } catch (e) {
      r = { ok: false, error: toOfficeBackendError(e) };
    }
    this.busy = undefined;
    if (!r.ok) {
      if (r.error.code !== 'ABORTED') {
        this.error = { error: r.error, retry: () => void this.#step(action, run, done), reload: r.error.code === 'VERSION_CONFLICT' };
      }
      return false;
    }
    try {
      done?.(r.value);
    } catch (e) {
      this.error = { error: this.#garbage(e, action), retry: () => void this.#openCurrent() };
      return false;
    }
    return true;
  }

  #emitDraft(action: Exclude<ComposeAction, 'send'>, draft: Draft): void {
    try {
      this.emit(`egov-compose-${action}`, { detail: { id: draft.id, draft } });
    } catch (e) {
      console.error(e);
    }
  }

  #save(): Promise<boolean> {
    const document = this.#document() as unknown as Record<string, unknown>;
    const recipients = this.form.recipients.map((r) => r.code);
    const draft = this.draft;
    return this.#step(
      'save',
      () =>
        draft
          ? this.guard('updateDraft', { params: { id: draft.id }, body: { version: draft.version, document, recipients } })
          : this.guard('createDraft', { body: { document, recipients } }),
      (saved) => {
        const created = !draft;
        this.#setDraft(saved);
        this.notice = this.msg('saved');
        this.#emitDraft('save', saved);
        if (created) {
          // The new draft has an address now: tell the host, keep showing it.
          this.#navigate({ view: 'compose', id: saved.id });
          this.#adopted = saved.id;
          this.draftId = saved.id;
        }
      },
    );
  }

  /** Thay thế: the back end creates the draft from the sent document `replaces`; it opens (and gets its address). */
  async #replace(form: HTMLFormElement): Promise<void> {
    const id = this.replaces;
    const value = new FormData(form).get('reason');
    const reason = typeof value === 'string' ? value.trim() : '';
    if (!id) return;
    if (!reason) {
      form.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    await this.#step('replace', () => this.guard('replaceOutgoing', { params: { id }, body: { reason } }), (d) => {
      this.#setDraft(d);
      this.touched = new Set();
      this.attempted = false;
      this.notice = this.msg('replaceCreated');
      try {
        this.emit('egov-compose-replace', { detail: { id: d.id, draft: d } });
      } catch (e) {
        console.error(e);
      }
      this.#navigate({ view: 'compose', id: d.id });
      this.#adopted = d.id;
      this.replaces = undefined;
      this.draftId = d.id;
    });
  }

  async #submit(): Promise<void> {
    this.attempted = true;
    if (this.#errors().length > 0 || isBlockedSecret(this.form)) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    if ((this.dirty || !this.draft) && !(await this.#save())) return;
    const id = this.draft!.id;
    await this.#step('submit', () => this.guard('submitDraft', { params: { id }, body: { signer: this.form.signerId } }), (d) => {
      this.#setDraft(d);
      this.notice = this.msg('done', this.msg('submit'));
      this.#emitDraft('submit', d);
    });
  }

  async #attach(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    if ((this.dirty || !this.draft) && !(await this.#save())) return;
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') {
        this.error = {
          error: new OfficeBackendError({ code: 'INVALID_PDF', status: 0, messages: { vi: messages.vi.notPdf(file.name), en: messages.en.notPdf(file.name) } }),
          retry: () => this.renderRoot.querySelector<HTMLInputElement>('input[name=appendix]')?.click(),
        };
        return;
      }
      const id = this.draft!.id;
      const ok = await this.#step(
        'attach',
        () => this.guard('addDraftAttachment', { params: { id }, body: { name: file.name, contentType: 'application/pdf', data: encodeBase64(bytes) } }),
        (d) => {
          this.draft = d;
          this.#emitDraft('attach', d);
        },
      );
      if (!ok) return;
    }
  }

  /** Loads the signing dialog and PDF viewer chunk; a failure is shown with a retry and announced. */
  async #loadChunks(): Promise<boolean> {
    if (this.chunks === 'ready') return true;
    this.chunks = 'loading';
    try {
      await EgovCompose.loaders.signing();
      this.chunks = 'ready';
      return true;
    } catch (e) {
      this.chunks = 'failed';
      this.#chunkFailed(e);
      return false;
    }
  }

  #chunkFailed(e: unknown): void {
    const error = new OfficeBackendError(
      { code: 'UNAVAILABLE', status: 0, messages: { vi: messages.vi.viewerFailed, en: messages.en.viewerFailed } },
      { cause: e },
    );
    this.announce(error, 'load-chunk');
    this.error = { error, retry: () => void this.#preview() };
  }

  /** The PDF of the draft as the renderer makes it now (the document of the form or, past drafting, the stored one). */
  async #render(): Promise<Uint8Array> {
    const stored = this.draft && this.draft.state !== 'draft' ? this.draft.document : undefined;
    const document = stored ?? this.#document();
    const [{ renderDocumentPdf }, fonts] = await Promise.all([EgovCompose.loaders.renderer(), (this.#fonts ??= EgovCompose.loaders.fonts(this.fontsUrl))]).catch(
      (e: unknown) => {
        this.#fonts = undefined;
        throw e;
      },
    );
    // The document is Vietnamese whatever the user's interface language (its labels: Số, Nơi nhận, …). Before it is
    // numbered, the number and the date of issue are left blank for the clerk's issuing step (#openSigning('seal')).
    const { pdf } = await renderDocumentPdf(document as never, { fonts, lang: 'vi', issueBlanks: document.number === undefined });
    return pdf;
  }

  #fileName(): string {
    const symbol = typeof this.draft?.document.symbol === 'string' ? this.draft.document.symbol : this.#document().symbol;
    return pdfFileName(this.draft?.number, symbol);
  }

  async #preview(): Promise<void> {
    if (!this.draft || this.draft.state === 'draft') {
      this.attempted = true;
      if (this.#errors().some((e) => e.field !== 'signer')) return;
    }
    this.busy = 'preview';
    this.error = undefined;
    try {
      if (!(await this.#loadChunks())) return;
      let bytes: Uint8Array;
      if (this.draft?.pdf) {
        const id = this.draft.id;
        const r = await this.guard('downloadDraftPdf', { params: { id } });
        if (!r.ok) {
          this.error = { error: r.error, retry: () => void this.#preview() };
          return;
        }
        bytes = r.value;
      } else {
        bytes = await this.#render();
      }
      this.pdf = { bytes, name: this.#fileName() };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=preview] h3')?.focus();
    } catch (e) {
      this.#chunkFailed(e);
    } finally {
      this.busy = undefined;
    }
  }

  async #providers(use: SigningUse): Promise<readonly SignerProvider[]> {
    const signers = this.host?.signers;
    if (!signers) return [];
    return typeof signers === 'function' ? await signers(use) : signers;
  }

  /** The leader signs (the rendered PDF) or the clerk seals (the stored signed PDF): opens <egov-sign-dialog>. */
  async #openSigning(use: 'author' | 'seal'): Promise<void> {
    const draft = this.draft!;
    this.busy = use === 'author' ? 'sign' : 'seal';
    this.error = undefined;
    try {
      if (!(await this.#loadChunks())) return;
      const host = this.host as OfficeHost;
      const providers = await this.#providers(use);
      if (!providers.length) {
        this.error = {
          error: new OfficeBackendError({ code: 'UNAVAILABLE', status: 0, messages: { vi: messages.vi.noSigner, en: messages.en.noSigner } }),
          retry: () => void this.#openSigning(use),
        };
        return;
      }
      let pdf: Uint8Array;
      if (use === 'author') {
        pdf = await this.#render();
      } else {
        const r = await this.guard('downloadDraftPdf', { params: { id: draft.id } });
        if (!r.ok) {
          this.error = { error: r.error, retry: () => void this.#openSigning(use) };
          return;
        }
        // The văn thư's issuing step: the register's number and the date of issue go into the blanks, then the seal.
        const [renderer, issuing, fonts] = await Promise.all([EgovCompose.loaders.renderer(), EgovCompose.loaders.issuing(), (this.#fonts ??= EgovCompose.loaders.fonts(this.fontsUrl))]).catch(
          (e: unknown) => {
            this.#fonts = undefined;
            throw e;
          },
        );
        pdf = await issueSignedPdf(r.value, draft, { ...renderer, ...issuing, fonts });
      }
      const image = use === 'author' ? await host.signatureImage?.(host.user!) : await host.sealImage?.();
      this.dialog = { use, pdf, providers, image };
      await this.updateComplete;
      this.renderRoot.querySelector<EgovSignDialog>('egov-sign-dialog')?.show();
    } catch (e) {
      this.#chunkFailed(e);
    } finally {
      this.busy = undefined;
    }
  }

  async #signed(pdf: Uint8Array): Promise<void> {
    const use = this.dialog?.use;
    const id = this.draft!.id;
    const data = encodeBase64(pdf);
    if (use === 'author') {
      await this.#step('sign', () => this.guard('signDraft', { params: { id }, body: { pdf: data } }), (d) => {
        this.#setDraft(d);
        this.dialog = undefined;
        this.notice = this.msg('done', this.msg('sign'));
        this.#emitDraft('sign', d);
      });
    } else if (use === 'seal') {
      await this.#step('seal', () => this.guard('sealDraft', { params: { id }, body: { pdf: data } }), (d) => {
        this.#setDraft(d);
        this.dialog = undefined;
        this.notice = this.msg('done', this.msg('seal'));
        this.#emitDraft('seal', d);
      });
    }
  }

  #number(): Promise<boolean> {
    const id = this.draft!.id;
    return this.#step('number', () => this.guard('numberDraft', { params: { id }, body: { date: this.#today } }), (d) => {
      this.#setDraft(d);
      this.notice = this.msg('done', `${this.msg('number')} ${d.notation ?? ''}`);
      this.#emitDraft('number', d);
    });
  }

  #send(): Promise<boolean> {
    const id = this.draft!.id;
    return this.#step('send', () => this.guard('sendDraft', { params: { id }, body: {} }), (o) => {
      this.outgoing = o;
      this.draft = { ...this.draft!, state: 'sent', outgoingId: o.id };
      this.notice = this.msg('sentTo', o.notation, o.recipients.length);
      try {
        this.emit('egov-compose-send', { detail: { id, outgoing: o } });
      } catch (e) {
        console.error(e);
      }
    });
  }

  #run(action: ComposeAction): void {
    if (action === 'save') void this.#save();
    else if (action === 'submit') void this.#submit();
    else if (action === 'attach') this.renderRoot.querySelector<HTMLInputElement>('input[name=appendix]')?.click();
    else if (action === 'sign') void this.#openSigning('author');
    else if (action === 'seal') void this.#openSigning('seal');
    else if (action === 'number') void this.#number();
    else void this.#send();
  }

  // ---------- rendering ----------

  #renderError(): TemplateResult | typeof nothing {
    const e = this.error;
    if (!e) return nothing;
    const issues = (e.error.details?.issues as Array<{ message?: { vi?: string; en?: string } | string }> | undefined) ?? [];
    const texts = issues
      .map((i) => (typeof i.message === 'string' ? i.message : i.message?.[this.locale]))
      .filter((t): t is string => typeof t === 'string' && t.length > 0);
    return html`<div part="error" role="alert">
      <strong>${this.draftId && this.draft ? this.msg('errorTitle') : this.msg('loadError')}</strong>
      <span>${e.error.localized[this.locale]} (${e.error.code})</span>
      ${texts.length ? html`<ul>${texts.map((t) => html`<li>${t}</li>`)}</ul>` : nothing}
      <div class="actions">
        ${e.reload
          ? html`<button part="retry" type="button" @click=${() => void this.#openCurrent()}>${this.msg('reload')}</button>`
          : html`<button part="retry" type="button" @click=${e.retry}>${this.msg('retry')}</button>`}
      </div>
    </div>`;
  }

  #renderList(): TemplateResult {
    const canDraft = composeActions(undefined, this.host?.user).includes('save');
    return html`<div class="actions">
        ${canDraft ? html`<button type="button" class="primary" @click=${() => this.#open('new')}>${this.msg('newDraft')}</button>` : nothing}
        <label
          >${this.msg('state')}
          <select
            @change=${(e: Event) => {
              this.listState = (e.target as HTMLSelectElement).value as DraftState | '';
              void this.#openCurrent();
            }}
          >
            <option value="">${this.msg('all')}</option>
            ${STATES.map((s) => html`<option value=${s} ?selected=${this.listState === s}>${this.msg(s)}</option>`)}
          </select></label
        >
        <label class="check"
          ><input
            type="checkbox"
            .checked=${this.mineOnly}
            @change=${(e: Event) => {
              this.mineOnly = (e.target as HTMLInputElement).checked;
              void this.#openCurrent();
            }}
          />${this.msg('mineOnly')}</label
        >
      </div>
      ${this.#renderError()}
      ${this.drafts === undefined
        ? this.error
          ? nothing
          : html`<p role="status">${this.msg('loading')}</p>`
        : this.drafts.length === 0
          ? html`<p>${this.msg('empty')}</p>`
          : html`<div class="scroller" tabindex="0" role="region" aria-label=${this.msg('drafts')}>
              <table part="list">
                <thead>
                  <tr>
                    <th scope="col">${this.msg('colSubject')}</th>
                    <th scope="col">${this.msg('state')}</th>
                    <th scope="col" class="narrow-hide">${this.msg('colNotation')}</th>
                    <th scope="col" class="narrow-hide">${this.msg('colBy')}</th>
                    <th scope="col" class="narrow-hide">${this.msg('colUpdated')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.drafts.map(
                    (d) => html`<tr part="row" data-id=${d.id} data-state=${d.state}>
                      <td>
                        <button type="button" class="link" @click=${() => this.#open(d.id)}>
                          ${typeof d.document.subject === 'string' && d.document.subject ? d.document.subject : this.msg('noSubject')}
                        </button>
                      </td>
                      <td>${this.msg(d.state)}</td>
                      <td class="narrow-hide">${d.notation ?? ''}</td>
                      <td class="narrow-hide">${d.createdBy.name}</td>
                      <td class="narrow-hide">${d.updatedAt.slice(0, 10)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}`;
  }

  #fieldMessages(errors: FieldError[], field: ComposeField): string[] {
    return this.touched.has(field) || this.attempted ? errors.filter((e) => e.field === field).map((e) => e.message) : [];
  }

  #messagesOf(id: string, list: string[]): TemplateResult | typeof nothing {
    return list.length ? html`<p class="field-error" id=${id}>${list.join(' ')}</p>` : nothing;
  }

  #textField(errors: FieldError[], field: 'subject' | 'content' | 'signerFullName' | 'signerPosition', rows = 0): TemplateResult {
    const list = this.#fieldMessages(errors, field);
    const id = `f-${field}`;
    const onInput = (e: Event) => this.#edit(field, (e.target as HTMLInputElement).value);
    return html`<div part="field" class="field ${rows ? 'span-all' : ''}">
      <label for=${id}>${this.msg(field)}</label>
      ${rows
        ? html`<textarea id=${id} rows=${rows} .value=${this.form[field]} aria-invalid=${list.length > 0 ? 'true' : 'false'} aria-describedby="e-${field}" @input=${onInput}></textarea>`
        : html`<input id=${id} .value=${this.form[field]} aria-invalid=${list.length > 0 ? 'true' : 'false'} aria-describedby="e-${field}" @input=${onInput} />`}
      ${this.#messagesOf(`e-${field}`, list)}
    </div>`;
  }

  #levelSelect<L extends string>(field: 'secrecy' | 'urgency', levels: readonly L[], labels: Record<L, { vi: string; en: string }>): TemplateResult {
    const value: string = this.form[field];
    return html`<div part="field" class="field">
      <label for="f-${field}">${this.msg(field)}</label>
      <select id="f-${field}" @change=${(e: Event) => this.#edit(field, (e.target as HTMLSelectElement).value as ComposeForm['secrecy' & 'urgency'])}>
        <option value="" ?selected=${value === ''}>${this.msg('none')}</option>
        ${levels.map((k) => html`<option value=${k} ?selected=${k === value}>${labels[k][this.locale]}</option>`)}
      </select>
    </div>`;
  }

  #renderRecipients(errors: FieldError[]): TemplateResult {
    const list = this.#fieldMessages(errors, 'recipients');
    const chosen = this.form.recipients;
    return html`<fieldset part="recipients" class="field span-all" aria-describedby="e-recipients">
      <legend>${this.msg('recipients')}</legend>
      <label for="f-agency">${this.msg('findAgency')}</label>
      <input id="f-agency" type="search" autocomplete="off" @input=${(e: Event) => this.#search((e.target as HTMLInputElement).value)} />
      ${this.found === undefined
        ? nothing
        : this.found.length === 0
          ? html`<p role="status">${this.msg('noAgency')}</p>`
          : html`<ul class="plain" aria-label=${this.msg('findAgency')}>
              ${this.found.map((a) => {
                const on = chosen.some((c) => c.code === a.code);
                return html`<li>
                  <span>${a.name} <span class="mono">(${a.code})</span></span>
                  <button
                    type="button"
                    ?disabled=${on}
                    aria-label=${this.msg('add', a.name)}
                    data-code=${a.code}
                    @click=${() => this.#edit('recipients', [...chosen, { code: a.code, name: a.name }])}
                  >
                    +
                  </button>
                </li>`;
              })}
            </ul>`}
      <p><strong>${this.msg('chosen')}:</strong> ${chosen.length ? '' : this.msg('noneChosen')}</p>
      ${chosen.length
        ? html`<ul class="plain" data-chosen>
            ${chosen.map(
              (c) => html`<li>
                <span>${c.name} <span class="mono">(${c.code})</span></span>
                <button
                  type="button"
                  aria-label=${this.msg('remove', c.name)}
                  @click=${() => this.#edit('recipients', chosen.filter((x) => x.code !== c.code))}
                >
                  ×
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.#messagesOf('e-recipients', list)}
    </fieldset>`;
  }

  #renderAppendices(canAttach: boolean): TemplateResult {
    const files = this.draft?.attachments ?? [];
    return html`<fieldset part="appendices" class="field span-all">
      <legend>${this.msg('appendices')}</legend>
      ${files.length
        ? html`<ul>${files.map((f) => html`<li>${f.name} (${Math.max(1, Math.round(f.size / 1024))} kB)</li>`)}</ul>`
        : html`<p>${this.msg('noAppendix')}</p>`}
      ${canAttach
        ? html`<label for="f-appendix">${this.msg('attach')}</label>
            <input
              id="f-appendix"
              name="appendix"
              type="file"
              accept="application/pdf,.pdf"
              multiple
              ?disabled=${this.busy !== undefined}
              @change=${(e: Event) => void this.#attach(e.target as HTMLInputElement)}
            />`
        : nothing}
    </fieldset>`;
  }

  #renderForm(actions: ComposeAction[]): TemplateResult {
    const errors = this.#errors();
    const secret = isBlockedSecret(this.form);
    const shown = this.attempted ? errors : errors.filter((e) => this.touched.has(e.field));
    const symbol = this.#document().symbol;
    const signerMessages = this.#fieldMessages(errors, 'signer');
    return html`<form
      part="form"
      class="compose"
      novalidate
      aria-label=${this.msg('title')}
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#submit();
      }}
    >
      <div part="field" class="field">
        <label for="f-type">${this.msg('type')}</label>
        <select id="f-type" @change=${(e: Event) => this.#edit('type', (e.target as HTMLSelectElement).value as ComposeForm['type'])}>
          ${DOCUMENT_TYPES.map((d) => html`<option value=${d.key} ?selected=${d.key === this.form.type}>${this.locale === 'vi' ? d.name : d.en}</option>`)}
        </select>
      </div>
      <div part="field" class="field">
        <span id="l-notation">${this.msg('notation')}</span>
        <output aria-labelledby="l-notation" class="mono">${this.draft?.notation ?? this.msg('notationPending', symbol)}</output>
      </div>
      ${this.#textField(errors, 'subject', 2)} ${this.#textField(errors, 'content', 6)} ${this.#renderRecipients(errors)}
      <div part="field" class="field">
        <label for="f-signer">${this.msg('signer')}</label>
        <select
          id="f-signer"
          aria-invalid=${signerMessages.length > 0 ? 'true' : 'false'}
          aria-describedby="e-signer"
          @change=${(e: Event) => {
            const leader = this.leaders.find((l) => l.id === (e.target as HTMLSelectElement).value);
            this.form = {
              ...this.form,
              signerId: leader?.id ?? '',
              signerFullName: leader?.name ?? this.form.signerFullName,
              signerPosition: leader?.title ?? this.form.signerPosition,
            };
            this.touched = new Set([...this.touched, 'signer', 'signerFullName', 'signerPosition']);
            this.dirty = true;
            this.pdf = undefined;
          }}
        >
          <option value="">${this.msg('chooseSigner')}</option>
          ${this.leaders.map((l) => html`<option value=${l.id} ?selected=${l.id === this.form.signerId}>${l.name}${l.title ? ` — ${l.title}` : ''}</option>`)}
        </select>
        ${this.#messagesOf('e-signer', signerMessages)}
      </div>
      ${this.leadersError
        ? html`<div part="error" role="alert" class="span-all" data-error="leaders">
            <span>${this.msg('leadersFailed')} (${this.leadersError.code})</span>
            <button part="retry" type="button" @click=${() => void this.#loadLeaders()}>${this.msg('retry')}</button>
          </div>`
        : nothing}
      ${this.#textField(errors, 'signerFullName')} ${this.#textField(errors, 'signerPosition')}
      ${this.#levelSelect('secrecy', SECRECY_LEVELS, SECRECY_LABELS)} ${this.#levelSelect('urgency', URGENCY_LEVELS, URGENCY_LABELS)}
      ${secret ? html`<div class="span-all field-error" role="alert">${this.msg('secretBlocked')}</div>` : nothing}
      <div part="summary" class="span-all" role="status" aria-live="polite">
        ${shown.length
          ? html`<p>${this.msg('errorsTitle', shown.length)}</p>
              <ul>
                ${shown.map((e) => html`<li>${e.message}</li>`)}
              </ul>`
          : this.touched.size > 0 && errors.length === 0
            ? html`<p>${this.msg('valid')}</p>`
            : nothing}
        ${this.dirty && this.draft ? html`<p>${this.msg('unsaved')}</p>` : nothing}
      </div>
      ${this.#renderAppendices(actions.includes('attach') && !secret)}
      <div part="actions" class="actions span-all">
        ${actions.includes('save')
          ? html`<button type="button" data-action="save" ?disabled=${this.busy !== undefined || secret} @click=${() => this.#run('save')}>${this.msg('save')}</button>`
          : nothing}
        <button type="button" data-action="preview" ?disabled=${this.busy !== undefined || secret} @click=${() => void this.#preview()}>${this.msg('preview')}</button>
        ${actions.includes('submit')
          ? html`<button type="submit" class="primary" data-action="submit" ?disabled=${this.busy !== undefined || secret}>${this.msg('submit')}</button>`
          : nothing}
      </div>
    </form>`;
  }

  /** The note of a draft that replaces a sent document: its number, date (when known) and the reason. */
  #renderReplacesNote(): TemplateResult | typeof nothing {
    const r = this.draft?.replaces;
    if (!r) return nothing;
    const date = this.replaced?.id === r.outgoingId ? vnDate(this.replaced.issuedDate) : '';
    return html`<p part="replaces" class="note" data-replaces=${r.outgoingId}>
      <strong>${this.msg('replacesNote', r.notation, date)}</strong>${r.reason ? html`. ${this.msg('reason')}: ${r.reason}` : nothing}
    </p>`;
  }

  /** Thay thế, before the draft exists: which sent document, why (required), then the back end creates the draft. */
  #renderReplaceForm(d: OutgoingDetail): TemplateResult {
    return html`<form
      part="replaces"
      class="replace"
      aria-labelledby="r-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#replace(e.currentTarget as HTMLFormElement);
      }}
    >
      <h3 id="r-title">${this.msg('replacesNote', d.notation, vnDate(d.issuedDate))}</h3>
      <p>${d.subject ?? ''}</p>
      <p>${this.msg('replaceIntro')}</p>
      <div part="field" class="field">
        <label for="f-reason">${this.msg('replaceReason')}</label>
        <textarea id="f-reason" name="reason" rows="3" required maxlength="2000"></textarea>
      </div>
      <div part="actions" class="actions">
        <button type="submit" class="primary" data-action="replace" ?disabled=${this.busy !== undefined}>${this.msg('replaceStart')}</button>
      </div>
    </form>`;
  }

  #renderSteps(state: DraftState | undefined): TemplateResult {
    const current = STATES.indexOf(state ?? 'draft');
    return html`<ol part="steps" aria-label=${this.msg('steps')}>
      ${STATES.map((s, i) => html`<li aria-current=${i === current ? 'step' : 'false'}>${i < current ? '✓ ' : ''}${this.msg(s)}</li>`)}
    </ol>`;
  }

  #renderDetail(d: Draft, actions: ComposeAction[]): TemplateResult {
    const doc = d.document;
    const labels: Record<ComposeAction, string> = {
      save: this.msg('save'),
      attach: this.msg('attach'),
      submit: this.msg('submit'),
      sign: this.msg('sign'),
      number: this.msg('number'),
      seal: this.msg('seal'),
      send: this.msg('send'),
    };
    const signer = doc.signer as { fullName?: string; position?: string } | undefined;
    return html`<article part="detail" aria-labelledby="d-subject">
      <h3 id="d-subject">${typeof doc.subject === 'string' && doc.subject ? doc.subject : this.msg('noSubject')}</h3>
      <dl>
        <dt>${this.msg('state')}</dt>
        <dd data-state=${d.state}>${this.msg(d.state)}</dd>
        <dt>${this.msg('notation')}</dt>
        <dd data-field="notation">${d.notation ?? '—'}</dd>
        <dt>${this.msg('issuedDate')}</dt>
        <dd>${d.issuedDate ?? '—'}</dd>
        <dt>${this.msg('createdBy')}</dt>
        <dd>${d.createdBy.name}</dd>
        <dt>${this.msg('signer')}</dt>
        <dd>${d.signer?.name ?? '—'}${signer?.position ? ` (${signer.position})` : ''}</dd>
        <dt>${this.msg('signerDone')}</dt>
        <dd>${d.signedBy ? `${d.signedBy.name}, ${d.signedAt?.slice(0, 16).replace('T', ' ') ?? ''}` : '—'}</dd>
        <dt>${this.msg('sealedBy')}</dt>
        <dd>${d.sealedBy?.name ?? '—'}</dd>
        <dt>${this.msg('recipients')}</dt>
        <dd>${d.recipients.map((r) => r.name).join('; ')}</dd>
      </dl>
      ${this.#renderAppendices(actions.includes('attach'))}
      ${d.state === 'submitted' && !actions.includes('sign') && d.signer ? html`<p>${this.msg('waitingFor', d.signer.name)}</p>` : nothing}
      <div part="actions" class="actions">
        ${actions.map(
          (a) => html`<button type="button" class="primary" data-action=${a} ?disabled=${this.busy !== undefined} @click=${() => this.#run(a)}>${labels[a]}</button>`,
        )}
        <button type="button" data-action="preview" ?disabled=${this.busy !== undefined} @click=${() => void this.#preview()}>${this.msg('preview')}</button>
      </div>
      ${actions.length === 0 && d.state !== 'sent' ? html`<p>${this.msg('nothingToDo')}</p>` : nothing}
      ${this.outgoing
        ? html`<p>
            <button type="button" class="link" @click=${() => this.#navigate({ view: 'outgoing', id: this.outgoing!.id })}>${this.msg('openOutgoing')}</button>
          </p>`
        : nothing}
    </article>`;
  }

  #renderPreview(): TemplateResult | typeof nothing {
    if (!this.pdf || this.chunks !== 'ready') return nothing;
    return html`<section part="preview" class="preview" aria-labelledby="p-title">
      <h3 id="p-title" tabindex="-1">${this.msg('previewTitle')}: ${this.pdf.name}</h3>
      <egov-pdf-viewer .pdf=${this.pdf.bytes.slice()}></egov-pdf-viewer>
    </section>`;
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const dlg = this.dialog;
    if (!dlg || this.chunks !== 'ready') return nothing;
    const host = this.host;
    const signer = this.draft?.document.signer as { fullName?: string } | undefined;
    return html`<egov-sign-dialog
      part="sign-dialog"
      kind=${dlg.use}
      lang=${this.locale}
      .pdf=${dlg.pdf}
      file-name=${this.#fileName()}
      .providers=${dlg.providers}
      .trustAnchors=${host?.trustAnchors ?? []}
      .timestamp=${host?.timestamp}
      .signatureImage=${dlg.use === 'author' ? dlg.image : undefined}
      .sealImage=${dlg.use === 'seal' ? dlg.image : undefined}
      signer-name=${signer?.fullName ?? ''}
      agency=${this.#agency.name}
      @egov-sign-dialog-sign=${(e: CustomEvent<{ pdf: Uint8Array }>) => {
        e.stopPropagation();
        void this.#signed(e.detail.pdf);
      }}
      @egov-signed=${(e: Event) => {
        e.stopPropagation(); // the deprecated alias of egov-sign-dialog-sign stays inside <egov-compose> too
      }}
    ></egov-sign-dialog>`;
  }

  #renderBody(): TemplateResult {
    if (!this.host) return html`<p>${this.msg('noBackend')}</p>`;
    if (!this.draftId) return this.#renderList();
    const back = html`<button type="button" @click=${() => this.#open(undefined)}>${this.msg('back')}</button>`;
    if (this.draftId === 'new' && this.replaces && !this.draft) {
      const replaced = this.replaced?.id === this.replaces ? this.replaced : undefined;
      return html`${back}${this.#renderError()}${replaced ? this.#renderReplaceForm(replaced) : this.error ? nothing : html`<p role="status">${this.msg('loading')}</p>`}`;
    }
    if (this.draftId !== 'new' && !this.draft) {
      return html`${back}${this.error ? this.#renderError() : html`<p role="status">${this.msg('loading')}</p>`}`;
    }
    const actions = composeActions(this.draft, this.host.user);
    const editing = !this.draft || this.draft.state === 'draft';
    return html`${back} ${this.#renderSteps(this.draft?.state)} ${this.#renderReplacesNote()} ${this.#renderError()}
      ${editing && actions.includes('save') ? this.#renderForm(actions) : this.#renderDetail(this.draft!, actions)} ${this.#renderPreview()}
      ${this.#renderDialog()}`;
  }

  override render() {
    const body = this.renderSafely(
      () => this.#renderBody(),
      (error) => renderErrorBlock(error, this.locale, { title: this.msg('loadError'), retry: this.msg('retry') }, () => void this.reload()),
    );
    return html`<div part="base" class="base" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2>${this.msg('title')}</h2>
      ${body}
      <div role="status" class="visually-hidden">${this.notice}</div>
      ${this.notice ? html`<p aria-hidden="true">${this.notice}</p>` : nothing}
    </div>`;
  }
}

