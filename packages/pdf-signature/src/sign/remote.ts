/**
 * A remote signer over the VGCA-style local secure WebSocket service (standards Part A §5.1 / Part B §5.1):
 * `wss://127.0.0.1:8987/<Endpoint>`, one JSON message per connection, one JSON reply, then close.
 *
 * The vendor plugin's own endpoints (SignPDF, SignApproved, …) sign whole files server-side; a "sign these bytes"
 * endpoint is not documented. This module defines the two endpoints a token bridge must offer so that the CMS is
 * built here (pkijs) and only the signed attributes go to the token:
 *
 *   GetCertInfo  → {}                                              ← { Status: 0, CertChain: [base64 DER, …] }
 *   SignData     → { DataBase64, HashAlgorithm: "SHA-256", Origin } ← { Status: 0, SignatureBase64 }
 *
 * Status 0 = OK; any other value is an error with `Message` (11 = the user cancelled, as the VGCA convention).
 * For ECDSA keys, SignatureBase64 is the DER ECDSA-Sig-Value.
 */
import { pdfError } from '../errors.js';
import type { Signer } from './signer.js';

/** The subset of the WHATWG WebSocket API this module uses (the browser's, Node 22's, or the `ws` package). */
export interface WebSocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

export interface RemoteSignerOptions {
  /** Base URL, default `wss://127.0.0.1:8987`. */
  readonly baseUrl?: string;
  /** Creates the socket (default: the global WebSocket). */
  readonly webSocket?: WebSocketFactory;
  /** Per-call timeout in ms (PIN entry can be slow), default 120 000. */
  readonly timeoutMs?: number;
  /** Sent as `Origin` so the bridge can show who asks (the bridge must still check the real Origin header). */
  readonly origin?: string;
}

export interface RemoteReply {
  readonly Status: number;
  readonly Message?: string;
  readonly CertChain?: string[];
  readonly SignatureBase64?: string;
}

const b64 = (bytes: Uint8Array): string => btoa(Array.from(bytes, (c) => String.fromCharCode(c)).join(''));
const unb64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** One call: open, send one JSON message, wait for one reply, close. */
export function callService(endpoint: string, message: unknown, options: RemoteSignerOptions = {}): Promise<RemoteReply> {
  const url = `${options.baseUrl ?? 'wss://127.0.0.1:8987'}/${endpoint}`;
  const factory: WebSocketFactory =
    options.webSocket ??
    ((u) => {
      const WS = (globalThis as { WebSocket?: new (u: string) => WebSocketLike }).WebSocket;
      if (!WS) throw pdfError('REMOTE_NO_WS', 'Môi trường không hỗ trợ WebSocket', 'WebSocket is not supported here');
      return new WS(u);
    });
  return new Promise((resolve, reject) => {
    let done = false;
    let socket: WebSocketLike | undefined;
    const finish = (error: Error | undefined, reply?: RemoteReply): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        socket?.close();
      } catch {
        // already closed
      }
      if (error) reject(error);
      else resolve(reply!);
    };
    const timer = setTimeout(() => {
      finish(pdfError('REMOTE_TIMEOUT', `Dịch vụ ký ${endpoint} không trả lời kịp`, `The signing service ${endpoint} timed out`));
    }, options.timeoutMs ?? 120_000);
    try {
      socket = factory(url);
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const open = socket;
    open.onopen = () => open.send(JSON.stringify(message));
    socket.onmessage = (ev) => {
      try {
        const text = typeof ev.data === 'string' ? ev.data : new TextDecoder().decode(ev.data as Uint8Array);
        const reply = JSON.parse(text) as RemoteReply;
        if (typeof reply.Status !== 'number') throw new Error('no Status');
        finish(undefined, reply);
      } catch {
        finish(pdfError('REMOTE_REPLY', 'Dịch vụ ký trả lời không hợp lệ', 'The signing service sent an invalid reply'));
      }
    };
    socket.onerror = () => {
      finish(pdfError('REMOTE_CONNECT', `Không kết nối được dịch vụ ký tại ${url}`, `Cannot connect to the signing service at ${url}`));
    };
    socket.onclose = () => {
      finish(pdfError('REMOTE_CLOSED', 'Dịch vụ ký đóng kết nối trước khi trả lời', 'The signing service closed before replying'));
    };
  });
}

function check(reply: RemoteReply, endpoint: string): void {
  if (reply.Status === 0) return;
  if (reply.Status === 11) throw pdfError('REMOTE_CANCELLED', 'Người dùng đã huỷ ký', 'The user cancelled signing');
  throw pdfError('REMOTE_FAILED', `Dịch vụ ký báo lỗi (${endpoint}, ${reply.Status}): ${reply.Message ?? ''}`, `The signing service failed (${endpoint}, ${reply.Status}): ${reply.Message ?? ''}`);
}

/** A Signer backed by the local signing service (USB token / HSM behind a desktop bridge). */
export function remoteSigner(options: RemoteSignerOptions = {}): Signer {
  let chain: Promise<Uint8Array[]> | undefined;
  return {
    certificateChain() {
      chain ??= callService('GetCertInfo', {}, options).then((reply) => {
        check(reply, 'GetCertInfo');
        if (!reply.CertChain?.length) throw pdfError('REMOTE_NO_CERT', 'Dịch vụ ký không trả chứng thư', 'The signing service returned no certificate');
        return reply.CertChain.map(unb64);
      });
      return chain;
    },
    async sign(data, algorithm) {
      const reply = await callService('SignData', { DataBase64: b64(data), HashAlgorithm: algorithm.hash, Origin: options.origin ?? '' }, options);
      check(reply, 'SignData');
      if (!reply.SignatureBase64) throw pdfError('REMOTE_REPLY', 'Dịch vụ ký không trả chữ ký', 'The signing service returned no signature');
      return unb64(reply.SignatureBase64);
    },
  };
}
