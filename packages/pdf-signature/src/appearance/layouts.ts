/**
 * Visible appearances per Nghị định 30/2020 Phụ lục I (standards Part A §4.6, Part B §5.2):
 * - the signer's blue transparent PNG, centred in the box between position and name;
 * - the agency's red seal PNG at actual size, over the left third of the signer's image;
 * - the text-only stamp at the top right of page 1 for attachments and electronic copies
 *   (number/symbol, kind of copy, agency, ISO 8601 time in UTC+07:00; Times-compatible serif 10 pt, black).
 * The appearance lives only in the widget's /AP: page content is never changed. The text stamp is in `text-stamp.ts`
 * (it needs fontkit, which image-only users should not load).
 */
import { latin1Bytes } from '../pdf/bytes.js';
import { dict } from '../pdf/objects.js';
import type { AppearanceFactory, AppearanceResult, Rect } from '../sign/sign-pdf.js';
import { formatVietnamIso } from '@egov-vn/schemas/time';
import { decodePng, naturalSize, writePngXObject } from './png.js';

export const MM = 72 / 25.4;
export const n = (v: number): string => (Math.round(v * 1000) / 1000).toString();

export function norm(r: Rect): Rect {
  return [Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])];
}

export interface SignatureImageOptions {
  /** Box between the signer's position line and name line, in page user space. */
  readonly rect: Rect;
  /** The blue handwritten signature, PNG with a transparent background. */
  readonly image: Uint8Array;
}

/** The signer's signature image, scaled to fit and centred in `rect`. */
export function signatureImageAppearance(options: SignatureImageOptions): AppearanceFactory {
  return async (ctx): Promise<AppearanceResult> => {
    const rect = norm(options.rect);
    const png = await decodePng(options.image);
    const img = await writePngXObject(png, ctx.add);
    const w = rect[2] - rect[0];
    const h = rect[3] - rect[1];
    const scale = Math.min(w / png.width, h / png.height);
    const iw = png.width * scale;
    const ih = png.height * scale;
    const content = `q ${n(iw)} 0 0 ${n(ih)} ${n((w - iw) / 2)} ${n((h - ih) / 2)} cm /Sig Do Q`;
    return { rect, content: latin1Bytes(content), resources: dict({ XObject: dict({ Sig: img }) }) };
  };
}

export interface SealOptions {
  /** The signer's signature image rectangle (the seal covers its left third). */
  readonly signerRect: Rect;
  /** The red seal, PNG with a transparent background. */
  readonly seal: Uint8Array;
  /** Actual seal diameter in millimetres (default: from the PNG's pHYs, else 96 dpi). */
  readonly diameterMm?: number;
}

/** The agency seal at actual size, its right edge one third into the signer's image, centred vertically on it. */
export function sealAppearance(options: SealOptions): AppearanceFactory {
  return async (ctx): Promise<AppearanceResult> => {
    const signer = norm(options.signerRect);
    const png = await decodePng(options.seal);
    const img = await writePngXObject(png, ctx.add);
    const natural = naturalSize(png);
    const width = options.diameterMm ? options.diameterMm * MM : natural.width;
    const height = options.diameterMm ? (width * png.height) / png.width : natural.height;
    const right = signer[0] + (signer[2] - signer[0]) / 3;
    const cy = (signer[1] + signer[3]) / 2;
    const rect: Rect = [right - width, cy - height / 2, right, cy + height / 2];
    return { rect, content: latin1Bytes(`q ${n(width)} 0 0 ${n(height)} 0 0 cm /Seal Do Q`), resources: dict({ XObject: dict({ Seal: img }) }) };
  };
}

export type CopyKind = 'SAO Y' | 'SAO LỤC' | 'TRÍCH SAO';

/** Text lines for an attachment signed in a separate file: number/symbol and signing time. */
export function appendixStampLines(input: { docNumber: string; agency?: string; time: Date }): string[] {
  return [input.docNumber, ...(input.agency ? [input.agency] : []), formatVietnamIso(input.time)];
}

/** Text lines for an electronic copy: kind of copy, copying agency, signing time. */
export function copyStampLines(input: { kind: CopyKind; agency: string; time: Date; docNumber?: string }): string[] {
  return [input.kind, input.agency, ...(input.docNumber ? [input.docNumber] : []), formatVietnamIso(input.time)];
}

