/**
 * The Ban Cơ yếu Chính phủ (VGCA) signing plugin, for pages where it is installed: it defines global functions that
 * take a JSON string of parameters and a callback receiving a JSON string. The plugin downloads the file from
 * `FileName`, signs it with the USB token (the PIN is asked by the plugin), uploads the signed file to
 * `FileUploadHandler`, and calls back with `{ Status, Message, FileServer }` (Status 0 = signed).
 *
 * Learned from public integrator code calling the plugin (see the README for what the vendor must confirm). The four
 * functions map to our kinds of signature:
 *   leader approves (author)          → vgca_sign_approved
 *   clerk issues with the agency cert → vgca_sign_issued   (DocNumber, IssuedDate)
 *   electronic copy                   → vgca_sign_copy     (DocNumber, MetaData)
 *   comment on a document             → vgca_comment       (MetaData)
 *
 * The plugin signs whole files, so the result is checked here before it is used: it must be the original bytes plus
 * an incremental update whose new signature covers the whole file (and chains to your anchors, if given).
 */
import { bytesEqual } from '../pdf/bytes.js';
import { pdfError } from '../errors.js';
import type { TrustInput } from '../verify/trust.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { remoteError } from './common.js';

export type VgcaKind = 'approved' | 'issued' | 'copy' | 'comment';

export const VGCA_FUNCTIONS: Readonly<Record<VgcaKind, string>> = {
  approved: 'vgca_sign_approved',
  issued: 'vgca_sign_issued',
  copy: 'vgca_sign_copy',
  comment: 'vgca_comment',
};

/** Our kinds of signature (Nghị định 30) to the plugin function that makes them. */
export const VGCA_KIND_FOR: Readonly<Record<'author' | 'seal' | 'copy' | 'comment', VgcaKind>> = {
  author: 'approved',
  seal: 'issued',
  copy: 'copy',
  comment: 'comment',
};

export type VgcaFunction = (parameters: string, callback: (reply: string) => void) => void;

export interface VgcaPluginOptions {
  readonly kind: VgcaKind;
  /** URL the plugin downloads the PDF from. */
  readonly fileUrl: string;
  /** URL the plugin uploads the signed file to (your back end; it answers where the file now is). */
  readonly uploadHandler: string;
  readonly sessionId?: string;
  /** Số, ký hiệu (issued, copy). */
  readonly docNumber?: string;
  /** Ngày ban hành (issued). */
  readonly issuedDate?: Date | string;
  /** Key/value metadata (copy, comment). */
  readonly metadata?: readonly { Key: string; Value: string }[];
  /** Where the plugin's functions are (default `globalThis`). */
  readonly target?: object;
  /** How long to wait for the callback (PIN entry included; default 300 000 ms). */
  readonly timeoutMs?: number;
}

export interface VgcaReply {
  readonly Status: number;
  readonly Message?: string;
  readonly FileServer?: string;
  readonly [key: string]: unknown;
}

/** Whether the plugin's function for this kind is on the page. */
export function vgcaAvailable(kind: VgcaKind = 'approved', target: object = globalThis): boolean {
  return typeof (target as Record<string, unknown>)[VGCA_FUNCTIONS[kind]] === 'function';
}

/** Calls the plugin once and resolves with its reply (Status 0), or rejects with a bilingual error. */
export function vgcaPluginCall(options: VgcaPluginOptions): Promise<VgcaReply> {
  const name = VGCA_FUNCTIONS[options.kind];
  const fn = (options.target ?? globalThis) as Record<string, unknown>;
  if (typeof fn[name] !== 'function') {
    return Promise.reject(pdfError('VGCA_MISSING', `Chưa cài phần mềm ký số của Ban Cơ yếu Chính phủ (không có ${name})`, `The VGCA signing plugin is not installed (no ${name})`));
  }
  const params: Record<string, unknown> = { FileUploadHandler: options.uploadHandler, SessionId: options.sessionId ?? '', FileName: options.fileUrl };
  if (options.kind === 'approved' || options.kind === 'issued' || options.kind === 'copy') params.DocNumber = options.docNumber ?? '';
  if (options.kind === 'issued') params.IssuedDate = options.issuedDate instanceof Date ? options.issuedDate.toISOString() : (options.issuedDate ?? new Date().toISOString());
  if (options.kind === 'copy' || options.kind === 'comment') params.MetaData = options.metadata ?? [];
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(remoteError('REMOTE_TIMEOUT', name));
    }, options.timeoutMs ?? 300_000);
    const callback = (text: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      let reply: VgcaReply;
      try {
        reply = JSON.parse(text) as VgcaReply;
        if (typeof reply !== 'object' || typeof reply.Status !== 'number') throw new Error('shape');
      } catch {
        reject(remoteError('REMOTE_GARBAGE', name));
        return;
      }
      if (reply.Status !== 0) {
        const message = typeof reply.Message === 'string' ? reply.Message.slice(0, 300) : '';
        reject(pdfError('VGCA_FAILED', `Phần mềm ký số báo lỗi (${reply.Status}): ${message}`, `The signing plugin failed (${reply.Status}): ${message}`));
        return;
      }
      resolve(reply);
    };
    try {
      (fn[name] as VgcaFunction)(JSON.stringify(params), callback);
    } catch {
      done = true;
      clearTimeout(timer);
      reject(pdfError('VGCA_FAILED', 'Không gọi được phần mềm ký số', 'Cannot call the signing plugin'));
    }
  });
}

export interface VgcaSignPdfOptions extends VgcaPluginOptions {
  /** Fetches the signed file from the `FileServer` the plugin reports (default: `fetch`). */
  readonly fetchSigned?: (fileServer: string) => Promise<Uint8Array>;
  /** When given, the new signature must chain to these anchors (TOTAL_PASSED). */
  readonly trustAnchors?: readonly TrustInput[];
}

/**
 * Signs `original` (served to the plugin at `fileUrl`) with the plugin and returns the signed bytes after checking
 * them: the original bytes unchanged, one more signature, covering the whole file, intact.
 */
export async function vgcaSignPdf(original: Uint8Array, options: VgcaSignPdfOptions): Promise<Uint8Array> {
  const reply = await vgcaPluginCall(options);
  if (typeof reply.FileServer !== 'string' || reply.FileServer === '') throw remoteError('REMOTE_GARBAGE', 'FileServer');
  const fileServer = reply.FileServer;
  const signed = options.fetchSigned
    ? await options.fetchSigned(fileServer)
    : await fetch(fileServer).then(async (r) => {
        if (!r.ok) throw remoteError('REMOTE_UNREACHABLE', fileServer);
        return new Uint8Array(await r.arrayBuffer());
      });
  const wrong = (en: string, vi: string) => pdfError('VGCA_RESULT', `Tệp do phần mềm ký số trả về không dùng được: ${vi}`, `The file the signing plugin returned cannot be used: ${en}`);
  if (signed.length <= original.length || !bytesEqual(signed.subarray(0, original.length), original)) {
    throw wrong('it is not the original document with a signature appended', 'không phải văn bản gốc được ký thêm');
  }
  const before = await verifyPdf(original, { trustAnchors: options.trustAnchors ?? [] });
  const after = await verifyPdf(signed, { trustAnchors: options.trustAnchors ?? [] });
  const last = after.signatures.at(-1);
  if (after.signatures.length !== before.signatures.length + 1 || !last) throw wrong('no new signature', 'không có chữ ký mới');
  if (last.coverage !== 'ENTIRE_FILE') throw wrong('the new signature does not cover the whole file', 'chữ ký mới không bao trùm toàn bộ tệp');
  const intact = last.checks.every((c) => c.passed || !['SignatureIntact', 'ByteRange', 'MessageDigest', 'SignatureValue'].includes(c.id));
  if (!intact || last.indication === 'TOTAL_FAILED') throw wrong('the new signature is invalid', 'chữ ký mới không hợp lệ');
  if (options.trustAnchors?.length && last.indication !== 'TOTAL_PASSED') throw wrong(`the new signature is ${last.indication}/${last.subIndication ?? ''}`, `chữ ký mới: ${last.indication}/${last.subIndication ?? ''}`);
  return signed;
}
