/**
 * `makeElectronicCopy`: an electronic copy of a paper document (Nghị định 30/2020 Điều 25–26, Phụ lục I Phần II):
 * the scans (colour, at least 200 dpi) become a PDF/A-2b file at 100 %, with the resolution recorded in its XMP,
 * then the copying agency signs it with the copy stamp ("SAO Y" / "TRÍCH SAO" / "SAO LỤC", the agency, the time in
 * ISO 8601 +07:00; Times-compatible 10 pt black, top right of page 1, no image). Refuses what the decree does not
 * accept, with a bilingual message.
 */
import { copyStampLines } from '../appearance/layouts.js';
import { PdfSignatureError, type Message } from '../errors.js';
import { declaresPdfA, scansFromPdf } from '../pdfa/pdf-scans.js';
import { scansToPdfA } from '../pdfa/scan-pdf.js';
import type { TimestampOptions } from '../cms/timestamp.js';
import { signPdf } from '../sign/sign-pdf.js';
import type { Signer } from '../sign/signer.js';
import { checkNd30 } from './check.js';
import { readScans, type ScanPage } from './scan.js';
import { copyKindWords, kindReasons, type CopyKindCode } from './rules.js';

/** Why a copy is refused (thrown as `PdfSignatureError` with this code). */
export type CopyErrorCode = 'COPY_NO_INPUT' | 'COPY_DPI_UNKNOWN' | 'COPY_DPI_LOW' | 'COPY_NOT_COLOUR' | 'COPY_SOURCE_PDF' | 'COPY_AGENCY';

export interface ElectronicCopyOptions {
  /** Scanned pages, in order (PNG, JPEG, or TIFF with one or more pages). */
  readonly images?: readonly Uint8Array[];
  /**
   * Or an existing PDF (e.g. from the scanner): its scans are checked, then re-embedded at 100 % in a PDF/A-2b file
   * (JPEG unchanged, other samples losslessly) which is signed; a PDF that already declares PDF/A is kept byte for
   * byte and signed by incremental update.
   */
  readonly pdf?: Uint8Array;
  /**
   * For `pdf`: convert to PDF/A-2b (default: unless it already declares PDF/A). `false` signs the file as it is, e.g.
   * a scanner PDF with an OCR text layer, which cannot be converted without losing the text.
   */
  readonly convertPdf?: boolean;
  /** The copying agency's signer (an organisation certificate). */
  readonly signer: Signer;
  /** Bản sao y (SY), trích sao (TrS) or sao lục (SL). */
  readonly copyKind: CopyKindCode;
  /** The copying agency, as the stamp names it. */
  readonly agency: string;
  /** A TrueType font covering Vietnamese for the stamp (Node: `loadDefaultFont()`, browsers: `loadStampFont()`). */
  readonly stampFont: Uint8Array;
  /** The copy's number and symbol, e.g. `05/SY-UBND` (shown in the stamp when given). */
  readonly docNumber?: string;
  /** Resolution of the scans when the files carry none. */
  readonly dpi?: number;
  /** Lowest accepted resolution (default 200 dpi, Phụ lục I Phần II). */
  readonly minDpi?: number;
  /** Scans must be in colour (default true, Phụ lục I Phần II). */
  readonly requireColour?: boolean;
  /** Title in the metadata (default "Bản sao điện tử"). */
  readonly title?: string;
  /** Signing time (default now). */
  readonly signingTime?: Date;
  /** An RFC 3161 timestamp authority: the copy's signature becomes PAdES B-T. */
  readonly timestamp?: TimestampOptions;
  readonly location?: string;
}

export interface ElectronicCopy {
  readonly pdf: Uint8Array;
  /** Resolution of each page (dpi), as recorded. */
  readonly dpi: readonly number[];
}

function refuse(code: CopyErrorCode, message: Message): PdfSignatureError {
  return new PdfSignatureError(code, message);
}

function checkScan(scan: ScanPage, index: number, options: ElectronicCopyOptions): void {
  const page = index + 1;
  if (!scan.dpi) {
    throw refuse('COPY_DPI_UNKNOWN', { vi: `Ảnh quét trang ${page} không ghi độ phân giải: hãy cho biết dpi khi quét (tùy chọn dpi).`, en: `The scan of page ${page} records no resolution: give the scan's dpi (the dpi option).` });
  }
  const min = options.minDpi ?? 200;
  const dpi = Math.min(scan.dpi[0], scan.dpi[1]);
  if (dpi < min - 0.5) {
    throw refuse('COPY_DPI_LOW', {
      vi: `Ảnh quét trang ${page} có độ phân giải ${Math.round(dpi)} dpi; bản sao điện tử phải quét từ ${min} dpi trở lên (Nghị định 30/2020, Phụ lục I Phần II). Hãy quét lại.`,
      en: `The scan of page ${page} is ${Math.round(dpi)} dpi; an electronic copy must be scanned at ${min} dpi or more (Decree 30/2020, Appendix I Part II). Scan it again.`,
    });
  }
  if ((options.requireColour ?? true) && (scan.components === 1 || scan.greyContent)) {
    throw refuse('COPY_NOT_COLOUR', {
      vi: `Ảnh quét trang ${page} là ảnh xám/đen trắng; bản sao điện tử phải quét màu (Nghị định 30/2020, Phụ lục I Phần II). Hãy quét lại ở chế độ màu.`,
      en: `The scan of page ${page} is greyscale or black and white; an electronic copy must be scanned in colour (Decree 30/2020, Appendix I Part II). Scan it again in colour.`,
    });
  }
}

/**
 * Builds and signs an electronic copy. Throws `PdfSignatureError` (`CopyErrorCode`, or a scan/signing code) with
 * Vietnamese and English text when the input cannot make a conforming copy.
 */
export async function makeElectronicCopy(options: ElectronicCopyOptions): Promise<ElectronicCopy> {
  if (!options.agency.trim()) throw refuse('COPY_AGENCY', { vi: 'Chưa có tên cơ quan sao.', en: 'The copying agency is missing.' });
  const time = options.signingTime ?? new Date();
  let pdf: Uint8Array;
  let dpi: number[];
  if (options.images?.length) {
    const scans: ScanPage[] = [];
    for (const bytes of options.images) {
      for (const scan of await readScans(bytes, options.dpi)) {
        checkScan(scan, scans.length, options);
        scans.push(scan);
      }
    }
    dpi = scans.map((s) => Math.min(...s.dpi!));
    pdf = await scansToPdfA(scans, { title: options.title ?? 'Bản sao điện tử', creationDate: time, language: 'vi-VN' });
  } else if (options.pdf) {
    pdf = options.pdf;
    const empty = { validationTime: time, documentWarnings: [], revisions: 1, signatures: [], signaturesCount: 0, validSignaturesCount: 0 };
    const check = await checkNd30(pdf, { copy: true, report: empty, ...(options.minDpi ? { minDpi: options.minDpi } : {}), ...(options.requireColour === false ? { requireColour: false } : {}) });
    const bad = check.findings.find((f) => f.severity === 'error' && (f.code === 'COPY_DPI' || f.code === 'COPY_COLOUR' || f.code === 'COPY_PDF_VERSION' || f.code === 'COPY_SCALE' || f.code === 'DOCUMENT_UNREADABLE'));
    if (bad) {
      const code: CopyErrorCode = bad.code === 'COPY_DPI' ? 'COPY_DPI_LOW' : bad.code === 'COPY_COLOUR' ? 'COPY_NOT_COLOUR' : 'COPY_SOURCE_PDF';
      throw refuse(code, { vi: `${bad.message.vi} Không tạo được bản sao điện tử.`, en: `${bad.message.en} The electronic copy was not made.` });
    }
    dpi = [];
    if (options.convertPdf ?? !(await declaresPdfA(pdf))) {
      const scans = await scansFromPdf(pdf);
      scans.forEach((scan, i) => {
        checkScan(scan, i, options);
      });
      dpi = scans.map((s) => Math.min(...s.dpi!));
      pdf = await scansToPdfA(scans, { title: options.title ?? 'Bản sao điện tử', creationDate: time, language: 'vi-VN' });
    }
  } else {
    throw refuse('COPY_NO_INPUT', { vi: 'Chưa có ảnh quét hoặc tệp PDF để sao.', en: 'No scans or PDF were given to copy.' });
  }
  const { textStampAppearance } = await import('../appearance/text-stamp.js');
  const lines = copyStampLines({ kind: copyKindWords[options.copyKind], agency: options.agency.trim(), time, ...(options.docNumber ? { docNumber: options.docNumber } : {}) });
  const signed = await signPdf(pdf, {
    signer: options.signer,
    reason: kindReasons.copy,
    signingTime: time,
    page: 0,
    appearance: textStampAppearance({ font: options.stampFont, lines }),
    ...(options.location ? { location: options.location } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  return { pdf: signed, dpi };
}
