// Compose → render or attach the PDF → sign in the browser → build the edXML package → send through the hub.
import '@egov-vn/calendar-elements/date-picker';
import '@egov-vn/signature-elements/sign-dialog';
import { WorkCalendar, formatIsoDate } from '@egov-vn/calendar';
import { renderDocumentPdf } from '@egov-vn/document-pdf';
import { attachmentFromBytes, buildEdxml } from '@egov-vn/edxml';
import { fromDocument } from '@egov-vn/edxml/document';
import { DOCUMENT_TYPES, SECRECY_LABELS, SECRECY_LEVELS, URGENCY_LABELS, URGENCY_LEVELS, padDocumentNumber, type RegisterState } from '@egov-vn/schemas';
import type { SignerProvider } from '@egov-vn/signature-elements';
import type { EgovSignDialog } from '@egov-vn/signature-elements/sign-dialog';
import { html, nothing, type TemplateResult } from 'lit';
import boldUrl from '@egov-vn/document-pdf/fonts/LiberationSerif-Bold.ttf?url';
import boldItalicUrl from '@egov-vn/document-pdf/fonts/LiberationSerif-BoldItalic.ttf?url';
import italicUrl from '@egov-vn/document-pdf/fonts/LiberationSerif-Italic.ttf?url';
import regularUrl from '@egov-vn/document-pdf/fonts/LiberationSerif-Regular.ttf?url';
import { agencyName, currentAgency, hub, messageOf, refresh, save, saved, state } from '../app.js';
import {
  documentFromForm,
  isBlockedSecret,
  nextNumber,
  pdfFileName,
  symbolFor,
  validateForm,
  vietnamToday,
  type ComposeField,
  type ComposeForm,
  type FieldError,
} from '../compose-model.js';
import { lang, t } from '../i18n.js';
import { demoProvider, demoSealProvider, demoTimestamp, sealImage, signatureImage, signPackage, trustAnchors } from '../signing.js';

interface ComposeState {
  agency: string;
  form: ComposeForm;
  touched: Set<ComposeField>;
  attempted: boolean;
  number: number | undefined;
  pdf: Uint8Array | undefined;
  /** The PDF as signed so far: by the signing official, then with the agency's seal. */
  signed: Uint8Array | undefined;
  sealed: boolean;
  fileName: string;
  busy: boolean;
  message: { kind: 'ok' | 'error'; text: string; link?: string } | undefined;
  provider: SignerProvider | undefined;
  sealProvider: SignerProvider | undefined;
  anchors: string[];
  image: Uint8Array | undefined;
  sealImage: Uint8Array | undefined;
}

const calendar = new WorkCalendar();
let s: ComposeState | undefined;

function fresh(): ComposeState {
  const agency = currentAgency();
  return {
    agency: agency.code,
    form: {
      type: 'congVan',
      subject: '',
      content: '',
      recipients: [],
      signerFullName: agency.signer.fullName,
      signerPosition: agency.signer.position,
      secrecy: '',
      urgency: '',
      dueDate: formatIsoDate(calendar.addWorkingDays(vietnamToday(), 5)),
    },
    touched: new Set(),
    attempted: false,
    number: undefined,
    pdf: undefined,
    signed: undefined,
    sealed: false,
    fileName: '',
    busy: false,
    message: undefined,
    provider: undefined,
    sealProvider: undefined,
    anchors: [],
    image: undefined,
    sealImage: undefined,
  };
}

function current(): ComposeState {
  if (s?.agency !== state.agencyCode) {
    s = fresh();
    const mine = s;
    const agency = currentAgency();
    void Promise.all([demoProvider(agency), demoSealProvider(agency), trustAnchors(), signatureImage(agency.signer.fullName), sealImage(agency.name)]).then(
      ([provider, sealProvider, anchors, image, seal]) => {
        mine.provider = provider;
        mine.sealProvider = sealProvider;
        mine.anchors = anchors;
        mine.image = image;
        mine.sealImage = seal;
        refresh();
      },
    );
  }
  return s;
}

function registerKeyOf(code: string): string {
  return `register:${code}`;
}

function documentNow(c: ComposeState) {
  return documentFromForm(c.form, { agency: currentAgency(), directory: state.directory, number: c.number, date: vietnamToday() });
}

/** Any edit of the content makes the PDF (and its signature) stale. */
function edit<K extends keyof ComposeForm>(c: ComposeState, field: K, value: ComposeForm[K]): void {
  c.form = { ...c.form, [field]: value };
  c.touched.add(field);
  c.pdf = undefined;
  c.signed = undefined;
  c.sealed = false;
  c.message = undefined;
  refresh();
}

/** Takes the next number from the register (Điều 15) for the PDF about to be made. */
function takeNumber(c: ComposeState): void {
  if (c.number !== undefined) return;
  const agency = currentAgency();
  const r = nextNumber(saved<RegisterState>(registerKeyOf(agency.code), {}), agency, c.form, vietnamToday());
  save(registerKeyOf(agency.code), r.state);
  c.number = r.number;
}

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array; italic: Uint8Array; boldItalic: Uint8Array }> | undefined;

function loadFonts() {
  const get = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  fonts ??= Promise.all([get(regularUrl), get(boldUrl), get(italicUrl), get(boldItalicUrl)]).then(([regular, bold, italic, boldItalic]) => ({
    regular,
    bold,
    italic,
    boldItalic,
  }));
  return fonts;
}

async function renderPdf(c: ComposeState): Promise<void> {
  c.attempted = true;
  if (validateForm(documentNow(c), lang()).length > 0 || isBlockedSecret(c.form)) return refresh();
  c.busy = true;
  refresh();
  try {
    takeNumber(c);
    const doc = documentNow(c);
    const { pdf } = await renderDocumentPdf(doc, { fonts: await loadFonts(), lang: lang() });
    c.pdf = pdf;
    c.signed = undefined;
    c.sealed = false;
    c.fileName = pdfFileName(c.number, doc.symbol);
    c.message = undefined;
  } catch (e) {
    c.message = { kind: 'error', text: messageOf(e) };
  } finally {
    c.busy = false;
    refresh();
  }
}

async function attachPdf(c: ComposeState, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  takeNumber(c);
  c.pdf = new Uint8Array(await file.arrayBuffer());
  c.signed = undefined;
  c.sealed = false;
  c.fileName = pdfFileName(c.number, symbolFor(c.form.type, currentAgency()));
  refresh();
}

function openDialog(id: 'sign-dialog' | 'seal-dialog'): void {
  document.querySelector<EgovSignDialog>(`#${id}`)?.show();
}

async function send(c: ComposeState): Promise<void> {
  c.attempted = true;
  const errors = validateForm(documentNow(c), lang());
  if (errors.length > 0 || isBlockedSecret(c.form) || !c.signed || !c.sealed) {
    refresh();
    return;
  }
  const agency = currentAgency();
  const doc = documentNow(c);
  const pkg = fromDocument(doc, {
    from: { organId: agency.code, organName: agency.name },
    to: c.form.recipients.map((code) => ({ organId: code, organName: agencyName(code) })),
    attachments: [attachmentFromBytes({ attachmentName: c.fileName, description: c.fileName, contentType: 'application/pdf' }, c.signed)],
    ...(c.form.dueDate ? { dueDate: c.form.dueDate } : {}),
    lang: lang(),
  });
  if (!pkg.ok) {
    c.message = { kind: 'error', text: `${t().sendFailed} ${pkg.errors.map((e) => e.message).join('; ')}` };
    refresh();
    return;
  }
  c.busy = true;
  refresh();
  try {
    const sent = await hub().sendDocument({ edxml: await signPackage(buildEdxml(pkg.value), agency) });
    const notation = `${padDocumentNumber(c.number ?? 0)}/${doc.symbol}`;
    const next = fresh();
    next.provider = c.provider;
    next.sealProvider = c.sealProvider;
    next.anchors = c.anchors;
    next.image = c.image;
    next.sealImage = c.sealImage;
    next.message = { kind: 'ok', text: t().sent_ok(notation, sent.recipients.length), link: `#/sent/${sent.documentId}` };
    s = next;
  } catch (e) {
    c.message = { kind: 'error', text: `${t().sendFailed} ${messageOf(e)}` };
  } finally {
    c.busy = false;
    refresh();
  }
}

/**
 * The compose page's two signing steps: the official signs the PDF ("author", with the signature image), then the
 * clerk applies the agency's seal to the signed PDF ("seal", with the seal image). Both are timestamped.
 */
function signDialog(c: ComposeState, kind: 'author' | 'seal') {
  const author = kind === 'author';
  const provider = author ? c.provider : c.sealProvider;
  return html`<egov-sign-dialog
    id=${author ? 'sign-dialog' : 'seal-dialog'}
    .pdf=${author ? c.pdf : c.signed}
    .fileName=${c.fileName}
    .trustAnchors=${c.anchors}
    .providers=${provider ? [provider] : []}
    kind=${kind}
    .signatureImage=${author ? c.image : undefined}
    .sealImage=${author ? undefined : c.sealImage}
    .timestamp=${demoTimestamp}
    signer-name=${c.form.signerFullName}
    @egov-signed=${(e: GlobalEventHandlersEventMap['egov-signed']) => {
      c.signed = e.detail.pdf;
      c.sealed = !author;
      refresh();
    }}
  ></egov-sign-dialog>`;
}

function fieldErrors(c: ComposeState, errors: FieldError[], field: ComposeField): string[] {
  return c.touched.has(field) || c.attempted ? errors.filter((e) => e.field === field).map((e) => e.message) : [];
}

function errorText(id: string, messages: string[]): TemplateResult | typeof nothing {
  return messages.length ? html`<p class="field-error" id=${id}>${messages.join(' ')}</p>` : nothing;
}

type TextField = 'subject' | 'content' | 'signerFullName' | 'signerPosition';

/** A labelled text input (or textarea) with its live messages, tied by aria-describedby / aria-invalid. */
function textField(c: ComposeState, errors: FieldError[], o: { field: TextField; id: string; label: string; rows?: number }): TemplateResult {
  const messages = fieldErrors(c, errors, o.field);
  const onInput = (e: Event) => edit(c, o.field, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const errorId = `err-${o.field}`;
  return html`<div class="field ${o.rows ? 'wide' : ''}">
    <label for=${o.id}>${o.label}</label>
    ${o.rows
      ? html`<textarea id=${o.id} rows=${o.rows} .value=${c.form[o.field]} aria-invalid=${messages.length > 0} aria-describedby=${errorId} @input=${onInput}></textarea>`
      : html`<input id=${o.id} .value=${c.form[o.field]} aria-invalid=${messages.length > 0} aria-describedby=${errorId} @input=${onInput} />`}
    ${errorText(errorId, messages)}
  </div>`;
}

/** Secrecy or urgency: "none" or one of the levels of Điều 8, with their labels in the page's language. */
function levelSelect<L extends string>(
  c: ComposeState,
  field: 'secrecy' | 'urgency',
  id: string,
  label: string,
  levels: readonly L[],
  labels: Record<L, { vi: string; en: string }>,
): TemplateResult {
  const value: string = c.form[field];
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => edit(c, field, (e.target as HTMLSelectElement).value as ComposeForm['secrecy' | 'urgency'])}>
      <option value="" ?selected=${value === ''}>${t().none}</option>
      ${levels.map((k) => html`<option value=${k} ?selected=${k === value}>${labels[k][lang()]}</option>`)}
    </select>
  </div>`;
}

export function composePage(): TemplateResult {
  const c = current();
  const tx = t();
  const agency = currentAgency();
  const doc = documentNow(c);
  const errors = validateForm(doc, lang());
  const secret = isBlockedSecret(c.form);
  const preview = c.number ?? nextNumber(saved<RegisterState>(registerKeyOf(agency.code), {}), agency, c.form, vietnamToday()).number;
  const notation = `${padDocumentNumber(preview)}/${doc.symbol}`;
  const others = state.directory.filter((a) => a.code !== agency.code);
  const shownErrors = c.attempted ? errors : errors.filter((e) => c.touched.has(e.field));
  const kb = (n: Uint8Array) => Math.max(1, Math.round(n.length / 1024));

  return html`
    <h1 id="page-title" tabindex="-1">${tx.composeTitle}</h1>
    <form class="compose" novalidate @submit=${(e: Event) => (e.preventDefault(), void send(c))}>
      <div class="field">
        <label for="f-type">${tx.type}</label>
        <select id="f-type" .value=${c.form.type} @change=${(e: Event) => edit(c, 'type', (e.target as HTMLSelectElement).value as ComposeForm['type'])}>
          ${DOCUMENT_TYPES.map((d) => html`<option value=${d.key} ?selected=${d.key === c.form.type}>${lang() === 'vi' ? d.name : d.en}</option>`)}
        </select>
      </div>
      <div class="field">
        <span class="label" id="l-number">${tx.numberLabel}</span>
        <output aria-labelledby="l-number" class="mono">${notation}</output>
        <p class="hint">${c.number === undefined ? tx.numberHint : ''}</p>
        ${errorText('err-symbol', fieldErrors(c, errors, 'symbol'))}
      </div>
      ${textField(c, errors, { field: 'subject', id: 'f-subject', label: tx.subject, rows: 2 })}
      ${textField(c, errors, { field: 'content', id: 'f-content', label: tx.content, rows: 5 })}
      <fieldset class="field wide" aria-describedby="err-recipients">
        <legend>${tx.recipients}</legend>
        ${others.map(
          (a) => html`<label class="check"
            ><input
              type="checkbox"
              name="recipient"
              value=${a.code}
              .checked=${c.form.recipients.includes(a.code)}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                edit(c, 'recipients', on ? [...c.form.recipients, a.code] : c.form.recipients.filter((x) => x !== a.code));
              }}
            />
            ${a.name} <span class="mono">(${a.code})</span></label
          >`,
        )}
        ${errorText('err-recipients', fieldErrors(c, errors, 'recipients'))}
      </fieldset>
      ${textField(c, errors, { field: 'signerFullName', id: 'f-signer', label: tx.signerFullName })}
      ${textField(c, errors, { field: 'signerPosition', id: 'f-position', label: tx.signerPosition })}
      ${levelSelect(c, 'secrecy', 'f-secrecy', tx.secrecy, SECRECY_LEVELS, SECRECY_LABELS)}
      ${levelSelect(c, 'urgency', 'f-urgency', tx.urgency, URGENCY_LEVELS, URGENCY_LABELS)}
      <div class="field">
        <egov-date-picker
          label=${tx.dueDate}
          name="dueDate"
          .value=${c.form.dueDate}
          min=${vietnamToday()}
          @change=${(e: Event) => edit(c, 'dueDate', (e.target as HTMLInputElement).value)}
        ></egov-date-picker>
      </div>

      ${secret ? html`<div class="notice error" id="secret-note" role="alert">${tx.secretBlocked}</div>` : nothing}
      <div class="summary" role="status" aria-live="polite">
        ${shownErrors.length
          ? html`<p>${tx.errorsTitle(shownErrors.length)}</p>
              <ul class="error-summary">
                ${shownErrors.map((e) => html`<li>${e.message}</li>`)}
              </ul>`
          : c.touched.size > 0 && errors.length === 0
            ? html`<p>${tx.valid}</p>`
            : nothing}
      </div>

      <fieldset class="field wide" ?disabled=${secret}>
        <legend>${tx.attachment}</legend>
        <div class="actions">
          <button type="button" class="secondary" ?disabled=${c.busy} @click=${() => void renderPdf(c)}>${tx.renderPdf}</button>
          <label class="file"
            >${tx.uploadPdf}
            <input type="file" accept="application/pdf,.pdf" @change=${(e: Event) => void attachPdf(c, e.target as HTMLInputElement)}
          /></label>
        </div>
        <p class="pdf-state" role="status">
          ${c.sealed ? tx.pdfSealed(c.fileName) : c.signed ? tx.pdfSigned(c.fileName) : c.pdf ? tx.pdfReady(c.fileName, kb(c.pdf)) : ''}
        </p>
      </fieldset>

      <div class="actions">
        <button type="button" ?disabled=${!c.pdf || secret || c.busy || !c.provider || Boolean(c.signed)} @click=${() => openDialog('sign-dialog')}>
          ${tx.sign}
        </button>
        <button type="button" ?disabled=${!c.signed || c.sealed || secret || c.busy || !c.sealProvider} @click=${() => openDialog('seal-dialog')}>
          ${tx.seal}
        </button>
        <button type="submit" class="primary" ?disabled=${secret || c.busy || !c.sealed}>${c.busy ? tx.sending : tx.send}</button>
      </div>
      ${!secret && !c.sealed ? html`<p class="hint">${c.signed ? tx.needSeal : c.pdf ? tx.needSign : tx.needPdf}</p>` : nothing}
      ${c.message
        ? html`<div class="notice ${c.message.kind}" role=${c.message.kind === 'error' ? 'alert' : 'status'}>
            ${c.message.text} ${c.message.link ? html`<a href=${c.message.link}>${t().traceTitle}</a>` : nothing}
          </div>`
        : nothing}
    </form>
    ${signDialog(c, 'author')} ${signDialog(c, 'seal')}
  `;
}
