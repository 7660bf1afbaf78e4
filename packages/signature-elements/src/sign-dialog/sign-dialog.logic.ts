// The pure part of <egov-sign-dialog>: what the dialog shows and decides from its properties, without DOM or Lit,
// so it is unit-tested in Node (sign-dialog.logic.test.ts).
import type { SignatureKind } from '../internal/sign-flow.js';

/** A document of a batch (`documents` property): a name and its bytes or URL. */
export interface SignDialogDocument {
  /** Name shown (and given back in the event). */
  readonly name: string;
  /** The PDF bytes; when unset the dialog fetches `src`. */
  readonly bytes?: Uint8Array;
  /** URL of the PDF. */
  readonly src?: string;
}

/** The custom signature box in millimetres from the bottom-left corner of the page. */
export interface SignatureBox {
  readonly left: number;
  readonly bottom: number;
  readonly width: number;
  readonly height: number;
}

/** Where one document of the dialog stands while signing. */
export type DocumentState = 'pending' | 'signing' | 'signed' | 'failed';

/**
 * What the status area shows: nothing, signing, waiting for the phone (countdown and Cancel), the user's
 * cancellation, a problem, or the result. One place decides, in this order of precedence.
 */
export type DialogPhase = 'idle' | 'signing' | 'waiting' | 'cancelled' | 'problem' | 'result';

export function dialogPhase(s: { busy: boolean; waiting: boolean; cancelled: boolean; problem: boolean; result: boolean }): DialogPhase {
  if (s.busy) return s.waiting ? 'waiting' : 'signing';
  if (s.cancelled && !s.problem) return 'cancelled';
  if (s.problem) return 'problem';
  if (s.result) return 'result';
  return 'idle';
}

/** The size shown for a document, in KB (at least 1 for a non-empty file). */
export function sizeKb(bytes: number): number {
  return bytes > 0 ? Math.max(1, Math.round(bytes / 1024)) : 0;
}

/**
 * How a document's line reads: its name with the real size once its bytes are known; while a `src` is being
 * fetched, its name and "loading" (never "0 KB"); when fetching failed, the name alone.
 */
export type DocumentLine = { readonly name: string } & ({ readonly state: 'loaded'; readonly kb: number } | { readonly state: 'loading' } | { readonly state: 'unknown' });

export function documentLine(name: string, bytes: Uint8Array | undefined, loading: boolean): DocumentLine {
  if (bytes) return { name, state: 'loaded', kb: sizeKb(bytes.length) };
  return loading ? { name, state: 'loading' } : { name, state: 'unknown' };
}

/** Copy and appendix stamps have one place (Nghị định 30 Phụ lục I: top right of the first page). */
export function hasFixedPlace(kind: SignatureKind): boolean {
  return kind === 'copy' || kind === 'appendix';
}

/** The position used: `standard` for the fixed-place kinds whatever `position` says. */
export function placementOf(kind: SignatureKind, position: 'standard' | 'custom'): 'standard' | 'custom' {
  return hasFixedPlace(kind) ? 'standard' : position;
}

/** Whether the chosen kind has what its visible layout needs (else the signature is attached without a picture). */
export function isVisible(kind: SignatureKind, has: { signatureImage: boolean; sealImage: boolean; agency: string; docNumber: string }): boolean {
  if (kind === 'copy') return Boolean(has.agency);
  if (kind === 'appendix') return Boolean(has.docNumber);
  return kind === 'author' ? has.signatureImage : has.sealImage;
}

/** Whether the page field is asked: a custom box, or the standard position without a signer name to locate. */
export function asksPage(kind: SignatureKind, position: 'standard' | 'custom', signerName: string): boolean {
  return !hasFixedPlace(kind) && (position === 'custom' || !signerName);
}

/**
 * The 0-based page given to the signing flow: page 0 for the fixed-place kinds, the chosen page when it is asked,
 * else none (the located name line's page).
 */
export function signingPage(kind: SignatureKind, position: 'standard' | 'custom', signerName: string, page: number): number | undefined {
  if (hasFixedPlace(kind)) return 0;
  return asksPage(kind, position, signerName) ? Math.max(0, Math.floor(page) - 1) : undefined;
}

/** A box in PDF points, [x1, y1, x2, y2] from the bottom-left corner. */
export function boxRect(b: SignatureBox): [number, number, number, number] {
  const mm = 72 / 25.4;
  return [b.left * mm, b.bottom * mm, (b.left + b.width) * mm, (b.bottom + b.height) * mm];
}

/** A box drawn on the viewer, rounded to 0.1 mm for the fields. */
export function roundBox(b: SignatureBox): SignatureBox {
  const round = (n: number): number => Math.round(n * 10) / 10;
  return { left: round(b.left), bottom: round(b.bottom), width: round(b.width), height: round(b.height) };
}

/** The countdown while the phone is asked: whole minutes and seconds left, never negative. */
export function timeLeft(expiresAt: number, now: number): { minutes: number; seconds: number } {
  const left = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return { minutes: Math.floor(left / 60), seconds: left % 60 };
}

/** Whether Sign can be pressed: not busy, a provider chosen, and for a remote one a credential chosen. */
export function canSign(s: { busy: boolean; provider: { remote?: unknown } | undefined; credential: string | undefined }): boolean {
  return !s.busy && Boolean(s.provider) && (!s.provider?.remote || Boolean(s.credential));
}
