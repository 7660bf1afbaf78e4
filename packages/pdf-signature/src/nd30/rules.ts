/**
 * The signing rules of Nghị định 30/2020/NĐ-CP Phụ lục I, usable from browsers, Node services and the CLI: the
 * kinds of signature, the /Reason written for each, and the visible appearance each kind gets.
 */
import { appendixStampLines, copyStampLines, sealAppearance, signatureImageAppearance, type CopyKind } from '../appearance/layouts.js';
import { locateSignerBox } from '../appearance/locate.js';
import type { AppearanceFactory, Rect } from '../sign/sign-pdf.js';

/**
 * The kinds of signature of Phụ lục I: the competent person's signature ("author"), the agency's signature (seal),
 * the agency's signature on an electronic copy, and on an appendix / attachment in a separate file.
 */
export type SignatureKind = 'author' | 'seal' | 'copy' | 'appendix';

export const signatureKinds: readonly SignatureKind[] = ['author', 'seal', 'copy', 'appendix'];

/** The /Reason written for each kind (Vietnamese, as the document is Vietnamese). */
export const kindReasons: Record<SignatureKind, string> = {
  author: 'Ký ban hành văn bản',
  seal: 'Chữ ký số của cơ quan, tổ chức',
  copy: 'Ký số bản sao điện tử',
  appendix: 'Ký số phụ lục, văn bản kèm theo',
};

/** Whose certificate signs each kind: a person (the competent official) or the organisation (agency). */
export const kindCertificate: Record<SignatureKind, 'person' | 'organisation'> = {
  author: 'person',
  seal: 'organisation',
  copy: 'organisation',
  appendix: 'organisation',
};

/** The copy kinds of Phụ lục III (abbreviations SY, TrS, SL) and the words the copy stamp shows. */
export type CopyKindCode = 'SY' | 'TrS' | 'SL';
export const copyKindWords: Record<CopyKindCode, CopyKind> = { SY: 'SAO Y', TrS: 'TRÍCH SAO', SL: 'SAO LỤC' };

/**
 * What makes a signature visible. Without the matching input the signature is invisible (still valid: the visible
 * mark is only a picture).
 */
export interface AppearanceInput {
  /** author: the blue signature image (PNG, transparent background). */
  readonly signatureImage?: Uint8Array;
  /** seal: the red seal (PNG, transparent background), over the left third of the signer's box. */
  readonly sealImage?: Uint8Array;
  /** copy / appendix: a TrueType font covering Vietnamese for the text stamp (top right of page 1). */
  readonly stampFont?: Uint8Array;
  /** copy (required) / appendix (optional): the agency named in the stamp. */
  readonly agency?: string;
  /** appendix (required) / copy (optional): the number and symbol of the document (số, ký hiệu), e.g. `12/UBND-VP`. */
  readonly docNumber?: string;
  /** copy: SAO Y (default), SAO LỤC or TRÍCH SAO. */
  readonly copyKind?: CopyKind;
  /** Standard position for author/seal: the signer's name line printed in the document (`locateSignerBox`). */
  readonly signerName?: string;
  /** Custom position (overrides the standard one): the signer's box in PDF points, [x1, y1, x2, y2] from bottom left. */
  readonly rect?: Rect;
  /** seal: the seal's real diameter in mm (default: from the PNG's pHYs). */
  readonly sealDiameterMm?: number;
}

/**
 * The appearance Phụ lục I gives a kind, and the page it goes on (`appearance` undefined = invisible): author →
 * the blue image centred in the signer's box; seal → the red seal at actual size over the box's left third;
 * copy / appendix → the text stamp at the top right of page 1 (no image). The text stamp's code (fontkit) is
 * loaded only when one is drawn.
 */
export async function nd30Appearance(
  pdf: Uint8Array,
  kind: SignatureKind,
  input: AppearanceInput,
  options: { page?: number; time: Date },
): Promise<{ appearance?: AppearanceFactory; page?: number }> {
  const { page, time } = options;
  const at = page === undefined ? {} : { page };
  if (kind === 'copy' || kind === 'appendix') {
    if (!input.stampFont) return at;
    if (kind === 'copy' && !input.agency) return at;
    if (kind === 'appendix' && !input.docNumber) return at;
    const { textStampAppearance } = await import('../appearance/text-stamp.js');
    const docNumber = input.docNumber ? { docNumber: input.docNumber } : {};
    const lines =
      kind === 'copy'
        ? copyStampLines({ kind: input.copyKind ?? 'SAO Y', agency: input.agency!, time, ...docNumber })
        : appendixStampLines({ docNumber: input.docNumber!, time, ...(input.agency ? { agency: input.agency } : {}) });
    // Phụ lục I: the first page (signPdf's default); a page asked for is kept, and checkNd30 flags it.
    return { ...at, appearance: textStampAppearance({ font: input.stampFont, lines }) };
  }
  const image = kind === 'author' ? input.signatureImage : input.sealImage;
  if (!image) return at;
  let rect = input.rect;
  let where = at;
  if (!rect && input.signerName) {
    const box = await locateSignerBox(pdf, input.signerName, page === undefined ? {} : { page });
    rect = box.rect;
    where = { page: box.page };
  }
  if (!rect) return at;
  return {
    ...where,
    appearance:
      kind === 'author'
        ? signatureImageAppearance({ rect, image })
        : sealAppearance({ signerRect: rect, seal: image, ...(input.sealDiameterMm ? { diameterMm: input.sealDiameterMm } : {}) }),
  };
}
