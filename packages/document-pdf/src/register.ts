// The registers of Phụ lục VI (Nghị định 30/2020) as a PDF: sổ đăng ký văn bản đến and sổ đăng ký văn bản đi, one row
// per entry under the columns the appendix prescribes, on A4 landscape pages with the column headings repeated on
// every page, the register's title on the first, and "Trang n/N" at the foot of each page. Text is set in the kit's
// font (the Liberation Serif faces of `./node`, or any FontSet), so Vietnamese prints as written.
import fontkit from '@cantoo/fontkit';
import { makeIssue, type TableBlock } from '@egov-vn/schemas';
import { PDFDocument } from '@cantoo/pdf-lib';
import { DocumentPdfError, type Lang } from './errors.js';
import type { FontSet } from './options.js';
import { drawTable } from './table.js';
import { A4, Writer } from './writer.js';

/** One register row (the shape of `RegisterEntry` in `@egov-vn/office-api`; absent fields print empty). */
export interface RegisterPdfEntry {
  readonly number: number;
  readonly arrivalDate?: string | null;
  readonly organName?: string | null;
  readonly codeNumber?: string | null;
  readonly codeNotation?: string | null;
  readonly issuedDate?: string | null;
  readonly typeName?: string | null;
  readonly subject?: string | null;
  readonly signer?: string | null;
  readonly toPlaces?: string | null;
  readonly dueDate?: string | null;
  readonly note?: string | null;
}

export interface RegisterPdfOptions {
  /** Sổ đăng ký văn bản đến (`incoming`) or đi (`outgoing`). */
  readonly kind: 'incoming' | 'outgoing';
  readonly year: number;
  /** The agency that keeps the register (printed above the title). */
  readonly agencyName: string;
  /** The four faces (TTF bytes); `@egov-vn/document-pdf/node`'s `renderRegisterPdf` fills in the bundled ones. */
  readonly fonts: FontSet;
  /** Language of the error messages (default vi); the register itself is in Vietnamese, as the decree prescribes. */
  readonly lang?: Lang;
}

const LANDSCAPE: readonly [number, number] = [A4[1], A4[0]];
const MARGIN = 15 * 2.834645669; // 15 mm
const SIZE = 12; // the table is set at 11 pt (drawTable: one point smaller, not under 11)

/** dd/mm/yyyy from yyyy-mm-dd (anything else as given). */
const vnDate = (d: string | null | undefined): string => {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})/.exec(d) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (d ?? '');
};
const notation = (e: RegisterPdfEntry) => [e.codeNumber, e.codeNotation].filter(Boolean).join('/');
const typeAndSubject = (e: RegisterPdfEntry) => [e.typeName, e.subject].filter(Boolean).join(' — ');

/** The columns of each register (Phụ lục VI): heading, relative width, alignment, and the cell of an entry. */
const COLUMNS: Record<RegisterPdfOptions['kind'], Array<{ heading: string; width: number; align?: 'center'; cell: (e: RegisterPdfEntry) => string }>> = {
  incoming: [
    { heading: 'Ngày đến', width: 1.1, align: 'center', cell: (e) => vnDate(e.arrivalDate) },
    { heading: 'Số đến', width: 0.8, align: 'center', cell: (e) => String(e.number) },
    { heading: 'Tác giả', width: 2.2, cell: (e) => e.organName ?? '' },
    { heading: 'Số, ký hiệu', width: 1.4, cell: notation },
    { heading: 'Ngày tháng', width: 1.1, align: 'center', cell: (e) => vnDate(e.issuedDate) },
    { heading: 'Tên loại và trích yếu nội dung', width: 3.6, cell: typeAndSubject },
    { heading: 'Đơn vị hoặc người nhận', width: 1.9, cell: (e) => e.toPlaces ?? '' },
    { heading: 'Ký nhận', width: 1, cell: () => '' },
    { heading: 'Ghi chú', width: 1.6, cell: (e) => [e.dueDate ? `Hạn giải quyết: ${vnDate(e.dueDate)}` : '', e.note ?? ''].filter(Boolean).join('; ') },
  ],
  outgoing: [
    { heading: 'Số, ký hiệu văn bản', width: 1.5, cell: notation },
    { heading: 'Ngày tháng văn bản', width: 1.1, align: 'center', cell: (e) => vnDate(e.issuedDate) },
    { heading: 'Tên loại và trích yếu nội dung', width: 3.6, cell: typeAndSubject },
    { heading: 'Người ký', width: 1.6, cell: (e) => e.signer ?? '' },
    { heading: 'Nơi nhận văn bản', width: 2.2, cell: (e) => e.toPlaces ?? '' },
    { heading: 'Đơn vị, người nhận bản lưu', width: 1.5, cell: () => '' },
    { heading: 'Số lượng bản', width: 0.8, align: 'center', cell: () => '' },
    { heading: 'Ghi chú', width: 1.4, cell: (e) => e.note ?? '' },
  ],
};

const TITLE = { incoming: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', outgoing: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI' };

/**
 * Draws a register (Phụ lục VI) on A4 landscape pages: the agency and the title on the first page, the column
 * headings on every page, one row per entry in the given order, "Trang n/N" at the foot. Answers the PDF bytes.
 */
export async function renderRegisterPdf(entries: readonly RegisterPdfEntry[], options: RegisterPdfOptions): Promise<Uint8Array> {
  const lang = options.lang ?? 'vi';
  const f = options.fonts as Partial<FontSet> | undefined;
  if (!f?.regular || !f.bold || !f.italic || !f.boldItalic) {
    throw new DocumentPdfError([
      makeIssue(
        'options.fonts',
        {
          vi: 'Thiếu phông chữ: truyền { regular, bold, italic, boldItalic } (byte của tệp TTF), hoặc dùng @egov-vn/document-pdf/node.',
          en: 'Fonts are missing: pass { regular, bold, italic, boldItalic } (TTF bytes), or use @egov-vn/document-pdf/node.',
        },
        { path: ['fonts'], lang },
      ),
    ]);
  }
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const faces = await Promise.all((['regular', 'bold', 'italic', 'boldItalic'] as const).map(async (s) => [s, await pdf.embedFont(options.fonts[s], { subset: true })] as const));
  const w = new Writer(pdf, Object.fromEntries(faces) as Writer['fonts'], { left: MARGIN, right: LANDSCAPE[0] - MARGIN, top: LANDSCAPE[1] - MARGIN, bottom: MARGIN + SIZE }, 1);
  w.pageSize = LANDSCAPE;
  w.newPage(true);
  w.paragraph([{ text: options.agencyName.normalize('NFC').toUpperCase(), style: 'bold' }], { size: SIZE, align: 'left', spaceAfter: 6 });
  w.paragraph([{ text: `${TITLE[options.kind]} NĂM ${options.year}`, style: 'bold' }], { size: SIZE + 2, align: 'center', spaceAfter: 10 });
  const columns = COLUMNS[options.kind];
  const table: TableBlock = {
    kind: 'table',
    header: columns.map((c) => c.heading),
    widths: columns.map((c) => c.width),
    align: columns.map((c) => c.align ?? 'left'),
    rows: entries.length > 0 ? entries.map((e) => columns.map((c) => c.cell(e).normalize('NFC'))) : [columns.map((_, i) => (i === 0 ? '(Chưa có văn bản)' : ''))],
  };
  drawTable(w, table, { size: SIZE, spaceAfter: 0 });
  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    const text = `Trang ${i + 1}/${total}`;
    const width = w.measure(text, 'regular') * 10;
    w.text(text, 'regular', 10, (LANDSCAPE[0] - width) / 2, MARGIN / 2 + 2, page);
  });
  pdf.setTitle(`${TITLE[options.kind]} NĂM ${options.year} — ${options.agencyName}`);
  pdf.setAuthor(options.agencyName);
  pdf.setProducer('@egov-vn/document-pdf');
  pdf.setCreationDate(new Date());
  return pdf.save({ useObjectStreams: false });
}
