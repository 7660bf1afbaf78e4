// renderDocumentPdf: an AdministrativeDocument laid out as Nghị định 30/2020, Phụ lục I prescribes.
import fontkit from '@cantoo/fontkit';
import {
  type AdministrativeDocument,
  AdministrativeDocumentSchema,
  type ContentBlock,
  documentType,
  formatIssuedPlaceDate,
  formatKinhGui,
  formatRecipients,
  formatSignerBlock,
  formatSubjectLine,
  padDocumentNumber,
  SECRECY_LABELS,
  textContent,
  safeToCivilDate,
  URGENCY_LABELS,
  validate,
} from '@egov-vn/schemas';
import { PDFDocument } from '@cantoo/pdf-lib';
import { DocumentPdfError, type Lang } from './errors.js';
import { LABELS, type Labels, roman } from './labels.js';
import type { FontStyle, Run } from './layout/lines.js';
import { MM, type RenderOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { writePdfA } from './pdfa.js';
import { drawTable } from './table.js';
import { A4, type PlacedLine, Writer } from './writer.js';

/** A rectangle in PDF default user space (points, origin bottom left): [x1, y1, x2, y2], as `@egov-vn/pdf-signature` takes it. */
export type Rect = readonly [number, number, number, number];

export interface SignatureField {
  /** 0-based page index. */
  readonly page: number;
  readonly rect: Rect;
  /** `author`: the signer's signature image (box 7c); `seal`: the agency seal over its left third (box 8). */
  readonly role: 'author' | 'seal';
}

/** A blank left for the clerk to write into when the document is issued (the number, the date of issue). */
export interface IssueField {
  /** 0-based page index. */
  readonly page: number;
  /** The blank: from the left of its first glyph to the right of its last, descender to ascender of the line. */
  readonly rect: Rect;
  /** Font size of the line (points). */
  readonly size: number;
  /** Face of the line: the number is regular, the place and date italic (Phụ lục I, boxes 3 and 4). */
  readonly style: 'regular' | 'italic';
}

/** Where the number and the date of issue go: `number` when the document has no number yet, `date` with `issueBlanks`. */
export interface IssueFields {
  readonly number?: IssueField;
  readonly date?: IssueField;
}

export interface RenderResult {
  readonly pdf: Uint8Array;
  readonly signatureFields: readonly SignatureField[];
  /** The blanks of the number and the date of issue (see `RenderOptions.issueBlanks`). */
  readonly issueFields: IssueFields;
  /** Number of pages. */
  readonly pageCount: number;
}

/** Sizes fixed by Phụ lục I (points). */
const SIZE = {
  header: 13,
  number: 13,
  subjectCongVan: 12,
  recipientsLabel: 12,
  recipients: 11,
  mark: 13,
} as const;

/** Types that may carry "Kính gửi" (Phụ lục I: công văn, tờ trình and báo cáo sent upwards). */
/** Distance of a rule below the bottom of the line box above it (points). */
const RULE_GAP = 4;

const KINH_GUI_TYPES = new Set(['congVan', 'toTrinh', 'baoCao', 'giayMoi', 'thuCong']);

/** Subset tags (six upper-case letters and "+", ISO 32000-1 §9.6.4), fixed per face so output is reproducible. */
const SUBSET_TAGS: Record<FontStyle, string> = { regular: 'EGVREG', bold: 'EGVBLD', italic: 'EGVITA', boldItalic: 'EGVBIT' };

/** The font's PostScript name (name table ID 6), or a generic one. */
const postscriptNames = new WeakMap<Uint8Array, string>();

function postscriptName(bytes: Uint8Array, style: FontStyle): string {
  const known = postscriptNames.get(bytes);
  if (known) return known;
  const name = readPostscriptName(bytes) ?? `Serif-${style}`;
  postscriptNames.set(bytes, name);
  return name;
}

function readPostscriptName(bytes: Uint8Array): string | undefined {
  try {
    const font = fontkit.create(bytes) as { postscriptName?: string | null };
    const name = font.postscriptName?.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/gu, '');
    if (name) return name;
  } catch {
    // fall through: pdf-lib reports unreadable fonts itself
  }
  return undefined;
}

function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

/** The blank of a number not given yet: six no-break spaces, eight (four digits at 13 pt) when reserved for issuing. */
function numberBlank(wide: boolean): string {
  return '\u00a0'.repeat(wide ? 8 : 6);
}

function documentNumberText(doc: AdministrativeDocument, wide = false): string {
  const n = doc.number !== undefined ? padDocumentNumber(doc.number) : numberBlank(wide);
  return `${n}/${doc.symbol.normalize('NFC')}`;
}

/** The widest date of issue the blank must hold, per language. */
const DATE_SAMPLE = { vi: 'ngày 28 tháng 12 năm 2026', en: 'September 28, 2026' } as const;

function placeDateText(doc: AdministrativeDocument, labels: Labels): string {
  if (!labels.months) return formatIssuedPlaceDate({ place: doc.place, date: doc.date });
  const d = safeToCivilDate(doc.date);
  if (!d.ok) return doc.place;
  return `${doc.place.normalize('NFC')}, ${labels.months[d.value.month - 1]!} ${String(d.value.day).padStart(2, '0')}, ${d.value.year}`;
}

function endWith(text: string, mark: string): string {
  const t = text.normalize('NFC').trim();
  return /[.;:,]$/u.test(t) ? t : t + mark;
}

/**
 * Renders a document of the model into a PDF 1.7 (or PDF/A-2b with `pdfa: true`) laid out as Phụ lục I prescribes,
 * and returns where the author's signature and the agency seal go. Throws `DocumentPdfError` (Vietnamese messages by
 * default) for a document that breaks the model's rules or options outside the allowed ranges.
 */
export async function renderDocumentPdf(document: AdministrativeDocument, options: RenderOptions = {}): Promise<RenderResult> {
  const opts = resolveOptions(options);
  const checked = validate(AdministrativeDocumentSchema, document, { lang: opts.lang });
  if (!checked.ok) {
    throw new DocumentPdfError(checked.issues.map((e) => ({ ...e, path: ['document', ...e.path] })));
  }
  const doc = document;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const faces = await Promise.all(
    (['regular', 'bold', 'italic', 'boldItalic'] as const).map(
      async (s) => [s, await pdf.embedFont(opts.fonts[s], { subset: true, customName: `${SUBSET_TAGS[s]}+${postscriptName(opts.fonts[s], s)}` })] as const,
    ),
  );
  const fonts = Object.fromEntries(faces) as Writer['fonts'];
  const frame = {
    left: opts.margins.left * MM,
    right: A4[0] - opts.margins.right * MM,
    top: A4[1] - opts.margins.top * MM,
    bottom: opts.margins.bottom * MM,
  };
  const w = new Writer(pdf, fonts, frame, opts.lineSpacing);
  const labels = LABELS[opts.lang];
  w.newPage(true);
  const contact = contactLines(doc, labels);
  if (contact.length > 0) w.firstPageReserve = contactHeight(w, contact);
  const issueFields = header(w, doc, opts, labels);
  const closing = prepareClosing(w, doc, opts, labels);
  body(w, doc.content, doc, opts, labels, closing.height);
  const signatureFields = signerAndRecipients(w, closing, opts);
  if (contact.length > 0) drawContact(w, contact);
  appendices(w, doc, opts, labels);
  pageNumbers(w, opts);
  const title = formatSubjectLine(doc) ?? documentType(doc.type).name;
  const bytes = await writePdfA(pdf, {
    title: `${documentType(doc.type).name} ${documentNumberText(doc)}: ${title}`,
    author: doc.issuer.name,
    language: doc.language ?? (opts.lang === 'en' ? 'en' : 'vi-VN'),
    creationDate: opts.creationDate,
    pdfa: opts.pdfa,
  });
  return { pdf: bytes, signatureFields, issueFields, pageCount: w.pages.length };
}

/** The rectangle of `blank` written right after `prefix` on a laid-out line (or at the start of the next one). */
function blankField(w: Writer, lines: readonly PlacedLine[], prefix: string, blank: string, style: IssueField['style'], size: number): IssueField {
  const last = lines[lines.length - 1]!;
  const x1 = lines.length > 1 ? last.x : last.x + w.measure(prefix, style) * size;
  const x2 = x1 + w.measure(blank, style) * size;
  const rect: Rect = [x1, last.baseline - w.descent(size), x2, last.baseline + w.ascent(size)];
  return { page: last.page, rect: rect.map(r2) as unknown as Rect, size, style };
}

/**
 * Parent body and issuing body (left), national title and motto (right), number and place/date, type and subject.
 * Returns the blanks left for issuing (the number when absent, the date with `issueBlanks`).
 */
function header(w: Writer, doc: AdministrativeDocument, opts: ResolvedOptions, labels: Labels): IssueFields {
  const leftW = w.width * 0.4;
  const rightX = w.frame.left + leftW;
  const rightW = w.width - leftW;
  const top = w.y;
  const size = SIZE.header;
  const lh = w.lineHeight(size, 1);

  // Left column: parent body (regular) and issuing body (bold), both upper case, centred, with a short rule.
  w.y = top;
  if (doc.issuer.parentName) w.paragraph([{ text: upper(doc.issuer.parentName), style: 'regular' }], { size, align: 'center', width: leftW, lineSpacing: 1, balance: true });
  const issuerLines = w.paragraph([{ text: upper(doc.issuer.name), style: 'bold' }], { size, align: 'center', width: leftW, lineSpacing: 1, balance: true });
  const issuerWidth = Math.max(...issuerLines.map((l) => l.width));
  const leftRuleY = w.y - RULE_GAP;
  const shortRule = Math.max(issuerWidth * 0.4, 40);
  w.rule(w.frame.left + (leftW - shortRule) / 2, w.frame.left + (leftW + shortRule) / 2, leftRuleY);
  const leftBottom = leftRuleY;

  // Right column: national title (bold, 13, or 12 when 13 does not fit) and motto (bold) with a full rule.
  w.y = top;
  const titleSize = w.measure(labels.nationalTitle, 'bold') * 13 <= rightW ? 13 : 12;
  const mottoSize = w.measure(labels.motto, 'bold') * opts.fontSize <= rightW ? opts.fontSize : 13;
  w.paragraph([{ text: labels.nationalTitle, style: 'bold' }], { size: titleSize, align: 'center', x: rightX, width: rightW, lineSpacing: 1 });
  const motto = w.paragraph([{ text: labels.motto, style: 'bold' }], { size: mottoSize, align: 'center', x: rightX, width: rightW, lineSpacing: 1 });
  const mottoLine = motto[0]!;
  const rightRuleY = w.y - RULE_GAP;
  w.rule(mottoLine.x, mottoLine.x + mottoLine.width, rightRuleY);

  // Number (left) and place and date (right, italic) on one line.
  w.y = Math.min(leftBottom, rightRuleY) - lh * 0.35;
  const rowTop = w.y;
  const numberLines = w.paragraph(
    [
      { text: `${labels.number} `, style: 'regular' },
      { text: documentNumberText(doc, opts.issueBlanks), style: 'regular' },
    ],
    { size: SIZE.number, align: 'center', width: leftW, lineSpacing: 1 },
  );
  const numberField = doc.number === undefined ? blankField(w, numberLines.slice(0, 1), `${labels.number} `, numberBlank(opts.issueBlanks), 'regular', SIZE.number) : undefined;
  if (doc.type === 'congVan') {
    const subject = formatSubjectLine(doc);
    if (subject) {
      const vv = opts.lang === 'en' ? subject.replace(/^V\/v /u, `${labels.subjectPrefix} `) : subject;
      w.y -= 2;
      w.paragraph([{ text: vv, style: 'regular' }], { size: SIZE.subjectCongVan, align: 'center', width: leftW, lineSpacing: 1 });
    }
  }
  marks(w, doc, opts.lang, leftW);
  const leftEnd = w.y;
  w.y = rowTop;
  let dateField: IssueField | undefined;
  if (opts.issueBlanks) {
    const prefix = `${doc.place.normalize('NFC')}, `;
    const blank = '\u00a0'.repeat(Math.ceil(w.measure(DATE_SAMPLE[opts.lang], 'italic') / w.measure('\u00a0', 'italic')));
    const placed = w.paragraph([{ text: prefix + blank, style: 'italic' }], { size: opts.fontSize, align: 'center', x: rightX, width: rightW, lineSpacing: 1 });
    dateField = blankField(w, placed, prefix, blank, 'italic', opts.fontSize);
  } else {
    w.paragraph([{ text: placeDateText(doc, labels), style: 'italic' }], { size: opts.fontSize, align: 'center', x: rightX, width: rightW, lineSpacing: 1 });
  }
  w.y = Math.min(leftEnd, w.y) - lh * 0.6;

  // Type name and subject (not for công văn, whose subject follows "V/v" above).
  const info = documentType(doc.type);
  if (doc.type !== 'congVan' && doc.type !== 'thuCong') {
    w.y -= lh * 0.3;
    w.paragraph([{ text: upper(opts.lang === 'en' ? info.en : info.name), style: 'bold' }], { size: opts.fontSize, align: 'center', lineSpacing: 1 });
    if (doc.subject) {
      const subjectLines = w.paragraph([{ text: doc.subject, style: 'bold' }], {
        size: opts.fontSize,
        align: 'center',
        x: w.frame.left + w.width * 0.08,
        width: w.width * 0.84,
        lineSpacing: 1,
        balance: true,
      });
      const widest = Math.max(...subjectLines.map((l) => l.width));
      const len = Math.max(widest * 0.4, 60);
      const cx = w.frame.left + w.width / 2;
      w.rule(cx - len / 2, cx + len / 2, w.y - RULE_GAP);
      w.y -= RULE_GAP;
    }
    w.y -= lh * 0.9;
  }

  // Kính gửi.
  if (doc.kinhGui && doc.kinhGui.length > 0 && KINH_GUI_TYPES.has(doc.type)) {
    const lines = formatKinhGui(doc.kinhGui).map((l) => (opts.lang === 'en' ? l.replace(/^Kính gửi:/u, labels.kinhGui) : l));
    w.y -= opts.paragraphSpacing;
    if (lines.length === 1) {
      w.paragraph([{ text: lines[0]!, style: 'regular' }], { size: opts.fontSize, align: 'center', spaceAfter: opts.paragraphSpacing });
    } else {
      const x = w.frame.left + w.width * 0.2;
      const labelWidth = w.measure(`${labels.kinhGui} `, 'regular') * opts.fontSize;
      const first = lines[0]!;
      w.ensure(w.lineHeight(opts.fontSize));
      const baseline = w.y - w.lineHeight(opts.fontSize) + w.descent(opts.fontSize);
      w.text(first, 'regular', opts.fontSize, x, baseline);
      for (const item of lines.slice(1)) {
        w.paragraph([{ text: item, style: 'regular' }], { size: opts.fontSize, align: 'left', x: x + labelWidth, width: w.frame.right - x - labelWidth });
      }
      w.y -= opts.paragraphSpacing;
    }
  }
  return { ...(numberField ? { number: numberField } : {}), ...(dateField ? { date: dateField } : {}) };
}

/** Secrecy and urgency marks (boxes 10a, 10b) and the circulation note (box 11), bold upper case in frames. */
function marks(w: Writer, doc: AdministrativeDocument, lang: Lang, leftW: number): void {
  const texts: string[] = [];
  if (doc.secrecy) texts.push(upper(SECRECY_LABELS[doc.secrecy][lang]));
  if (doc.urgency) texts.push(upper(URGENCY_LABELS[doc.urgency][lang]));
  if (doc.circulation) texts.push(upper(doc.circulation));
  for (const text of texts) {
    const size = SIZE.mark;
    const width = w.measure(text, 'bold') * size + 12;
    const height = size * 1.5;
    w.y -= 6;
    const x = w.frame.left + (leftW - width) / 2;
    w.box(x, w.y - height, width, height);
    w.text(text, 'bold', size, x + 6, w.y - height + (height - size * 0.68) / 2);
    w.y -= height;
  }
}

function blockRuns(text: string, style: FontStyle = 'regular'): Run[] {
  return [{ text, style }];
}

/** The content as the layout reads it (the model's input type leaves nested blocks untyped). */
interface Content {
  readonly basis?: readonly string[];
  readonly body: readonly ContentBlock[];
}

/**
 * Writes căn cứ and the body. `keepWith` (main content only) is the height of the signer block that follows: the last
 * paragraph moves to the next page with it rather than leave the signature alone on a page.
 */
function body(w: Writer, content: AdministrativeDocument['content'], doc: AdministrativeDocument, opts: ResolvedOptions, labels: Labels, keepWith?: number): void {
  const main = keepWith !== undefined;
  const c: Content = typeof content === 'string' ? textContent(content) : (content as Content);
  const size = opts.fontSize;
  const para = { size, align: 'justify' as const, firstIndent: opts.firstLineIndent, spaceAfter: opts.paragraphSpacing };
  const basis = c.basis ?? [];
  basis.forEach((b, i) => {
    w.paragraph(blockRuns(endWith(b, i === basis.length - 1 ? '.' : ';'), 'italic'), para);
  });
  const decides = labels.decides[doc.type];
  if (main && decides && basis.length > 0) {
    w.y -= opts.paragraphSpacing;
    w.paragraph(blockRuns(decides, 'bold'), { size, align: 'center', spaceAfter: opts.paragraphSpacing * 2 });
  }
  c.body.forEach((block, i) => {
    if (keepWith !== undefined && i === c.body.length - 1 && block.kind === 'paragraph') keepLastParagraph(w, block.text, para, keepWith);
    contentBlock(w, block, opts, labels, para);
  });
}

function keepLastParagraph(w: Writer, text: string, para: { size: number; align: 'justify'; firstIndent: number; spaceAfter: number }, keepWith: number): void {
  const height = w.layout(blockRuns(text), para).length * w.lineHeight(para.size) + para.spaceAfter;
  const fitsAlone = w.y - height >= w.bottom;
  const fitsWithSigner = w.y - height - keepWith >= w.bottom;
  const fitsOnFreshPage = w.frame.top - height - keepWith >= w.frame.bottom;
  if (fitsAlone && !fitsWithSigner && fitsOnFreshPage) w.newPage();
}

function contentBlock(
  w: Writer,
  block: ContentBlock,
  opts: ResolvedOptions,
  labels: Labels,
  para: { size: number; align: 'justify'; firstIndent: number; spaceAfter: number },
): void {
  switch (block.kind) {
    case 'paragraph':
      w.paragraph(blockRuns(block.text), para);
      return;
    case 'heading': {
      const level = block.level ?? 1;
      // Keep a heading with at least two lines of what follows.
      w.ensure(w.lineHeight(para.size) * 3 + para.spaceAfter);
      if (level === 1) w.paragraph(blockRuns(block.text, 'bold'), { ...para, align: 'center', firstIndent: 0 });
      else w.paragraph(blockRuns(block.text, level === 2 ? 'bold' : 'boldItalic'), para);
      return;
    }
    case 'list':
      for (const item of block.items) w.paragraph(blockRuns(`- ${item}`), para);
      return;
    case 'table':
      drawTable(w, block, { size: para.size, spaceAfter: para.spaceAfter });
      return;
    case 'article': {
      const head = `${labels.article} ${block.number}.`;
      const [first, ...rest] = block.body;
      if (block.title) {
        w.ensure(w.lineHeight(para.size) * 3 + para.spaceAfter);
        w.paragraph([{ text: `${head} ${block.title}`, style: 'bold' }], para);
        for (const b of block.body) contentBlock(w, b, opts, labels, para);
      } else if (first?.kind === 'paragraph') {
        w.paragraph([{ text: `${head} `, style: 'bold' }, { text: first.text, style: 'regular' }], para);
        for (const b of rest) contentBlock(w, b, opts, labels, para);
      } else {
        w.paragraph([{ text: head, style: 'bold' }], para);
        for (const b of block.body) contentBlock(w, b, opts, labels, para);
      }
      return;
    }
  }
}

interface Closing {
  readonly heads: readonly string[];
  readonly name: string;
  readonly recipients: readonly string[];
  /** Height of the signer block and Nơi nhận side by side, with the space above them. */
  readonly height: number;
}

/** The signer block and Nơi nhận, measured before anything is drawn (so the body can keep its last lines with them). */
function prepareClosing(w: Writer, doc: AdministrativeDocument, opts: ResolvedOptions, labels: Labels): Closing {
  const size = opts.fontSize;
  const colW = w.width / 2;
  const signer = formatSignerBlock(doc.signer, { lang: opts.lang });
  let recipients = formatRecipients(doc.recipients, { asAbove: doc.recipientsAsAbove, archive: doc.archive, lang: opts.lang });
  if (opts.lang === 'en') {
    recipients = recipients.map((l) => l.replace(/^Nơi nhận:/u, labels.recipients).replace(/^- Như trên;/u, `- ${labels.asAbove};`).replace(/^- Lưu:/u, `- ${labels.archive}`));
  }
  if (doc.drafter) recipients.push(`${doc.drafter.initials}.${doc.drafter.copies}`);
  const signerHeight = w.lineHeight(size, 1) * signer.length + opts.signatureAreaHeight;
  const recipientLines = recipients.slice(1).flatMap((r) =>
    w.layout([{ text: r, style: 'regular' }], { size: SIZE.recipients, align: 'left', width: colW - 10, restIndent: w.measure('- ', 'regular') * SIZE.recipients }),
  );
  const recipientsHeight = w.lineHeight(SIZE.recipientsLabel, 1) + recipientLines.length * w.lineHeight(SIZE.recipients, 1);
  return { heads: signer.slice(0, -1), name: signer[signer.length - 1]!, recipients, height: Math.max(signerHeight, recipientsHeight) + 4 + opts.paragraphSpacing };
}

/** Nơi nhận (left) and the signer block (right), kept together on one page; returns the signature fields. */
function signerAndRecipients(w: Writer, closing: Closing, opts: ResolvedOptions): SignatureField[] {
  const size = opts.fontSize;
  const colW = w.width / 2;
  const rightX = w.frame.left + colW;
  const { heads, name, recipients } = closing;
  w.y -= opts.paragraphSpacing;
  w.ensure(closing.height - opts.paragraphSpacing);
  const top = w.y;
  const page = w.pageIndex;

  // Signer: authority and position bold upper case, the reserved area, the full name bold.
  for (const line of heads) w.paragraph([{ text: line, style: 'bold' }], { size, align: 'center', x: rightX, width: colW, lineSpacing: 1 });
  const areaTop = w.y;
  w.y -= opts.signatureAreaHeight;
  const areaBottom = w.y;
  w.paragraph([{ text: name, style: 'bold' }], { size, align: 'center', x: rightX, width: colW, lineSpacing: 1 });
  const signerBottom = w.y;
  const sigW = Math.min(colW - 10, 60 * MM);
  const cx = rightX + colW / 2;
  const author: Rect = [cx - sigW / 2, areaBottom, cx + sigW / 2, areaTop];
  const sealD = Math.min(opts.signatureAreaHeight, 36 * MM);
  const sealRight = author[0] + sigW / 3;
  const cy = (areaTop + areaBottom) / 2;
  const seal: Rect = [sealRight - sealD, cy - sealD / 2, sealRight, cy + sealD / 2];

  // Nơi nhận: "Nơi nhận:" 12 bold italic, the list 11 regular.
  w.y = top;
  w.paragraph([{ text: recipients[0]!, style: 'boldItalic' }], { size: SIZE.recipientsLabel, align: 'left', width: colW, lineSpacing: 1 });
  for (const r of recipients.slice(1)) {
    w.paragraph([{ text: r, style: 'regular' }], { size: SIZE.recipients, align: 'left', width: colW - 10, restIndent: w.measure('- ', 'regular') * SIZE.recipients, lineSpacing: 1 });
  }
  w.y = Math.min(w.y, signerBottom);
  return [
    { page, rect: author.map(r2) as unknown as Rect, role: 'author' },
    { page, rect: seal.map(r2) as unknown as Rect, role: 'seal' },
  ];
}

function r2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Each appendix on a new page: "Phụ lục I", its title upper case, "(Kèm theo …)", a short rule, its content. */
function appendices(w: Writer, doc: AdministrativeDocument, opts: ResolvedOptions, labels: Labels): void {
  const list = doc.appendices ?? [];
  const info = documentType(doc.type);
  const typeName = opts.lang === 'en' ? info.en : info.name;
  const numberText = documentNumberText(doc);
  const dateText = placeDateText(doc, labels).replace(/^[^,]*,\s*/u, '');
  const of = opts.lang === 'en' ? `${typeName} No. ${numberText}, ${dateText}, of ${doc.issuer.name}` : `${typeName} số ${numberText} ${dateText} của ${doc.issuer.name}`;
  list.forEach((appendix, i) => {
    w.newPage(true);
    const size = opts.fontSize;
    const heading = list.length === 1 ? labels.appendix : `${labels.appendix} ${roman(i + 1)}`;
    w.paragraph([{ text: heading, style: 'bold' }], { size: 14, align: 'center', lineSpacing: 1 });
    w.paragraph([{ text: upper(appendix.title), style: 'bold' }], { size, align: 'center', lineSpacing: 1 });
    const attached = w.paragraph([{ text: labels.attachedTo(of), style: 'italic' }], { size, align: 'center', lineSpacing: 1, balance: true });
    const widest = Math.max(...attached.map((l) => l.width));
    const len = Math.max(widest * 0.4, 60);
    const cx = w.frame.left + w.width / 2;
    w.rule(cx - len / 2, cx + len / 2, w.y - RULE_GAP);
    w.y -= RULE_GAP;
    w.y -= w.lineHeight(size);
    if (appendix.content) body(w, appendix.content, doc, opts, labels);
  });
}

/** Box 14: address, phone, fax, e-mail, website of the issuing body, one line of text (wrapped) at the foot of page 1. */
function contactLines(doc: AdministrativeDocument, labels: Labels): string[] {
  const c = doc.contact;
  if (!c) return [];
  const parts = [
    c.address && `${labels.contact.address} ${c.address}`,
    c.phone && `${labels.contact.phone} ${c.phone}`,
    c.fax && `${labels.contact.fax} ${c.fax}`,
    c.email && `${labels.contact.email} ${c.email}`,
    c.website && `${labels.contact.website} ${c.website}`,
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? [parts.join('; ') + '.'] : [];
}

const CONTACT_SIZE = 11;

function contactHeight(w: Writer, lines: readonly string[]): number {
  const count = lines.flatMap((l) => w.layout([{ text: l, style: 'regular' }], { size: CONTACT_SIZE, align: 'left' })).length;
  return count * w.lineHeight(CONTACT_SIZE, 1) + 10;
}

function drawContact(w: Writer, lines: readonly string[]): void {
  const page = w.pages[0]!;
  const lh = w.lineHeight(CONTACT_SIZE, 1);
  let y = w.frame.bottom + w.firstPageReserve - 4;
  w.rule(w.frame.left, w.frame.right, y, 0.6, page);
  y -= 2;
  for (const text of lines) {
    for (const line of w.layout([{ text, style: 'regular' }], { size: CONTACT_SIZE, align: 'left' })) {
      y -= lh;
      w.drawLine(line, w.frame.left, y + w.descent(CONTACT_SIZE), CONTACT_SIZE, page);
    }
  }
}

/** Page numbers from the second page of each section, centred in the top margin, size of the body text. */
function pageNumbers(w: Writer, opts: ResolvedOptions): void {
  const size = opts.fontSize;
  const starts = [...w.sectionStarts, w.pages.length];
  for (let s = 0; s < starts.length - 1; s++) {
    for (let p = starts[s]! + 1; p < starts[s + 1]!; p++) {
      const text = String(p - starts[s]! + 1);
      const width = w.measure(text, 'regular') * size;
      const baseline = A4[1] - (opts.margins.top * MM) / 2 - size * 0.35;
      w.text(text, 'regular', size, w.frame.left + (w.width - width) / 2, baseline, w.pages[p]);
    }
  }
}
