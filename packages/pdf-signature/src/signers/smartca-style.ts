/**
 * A signer for services shaped like VNPT SmartCA's integration API (`…/v1/credentials/get_certificate`,
 * `…/v1/signatures/sign`, `…/v1/signatures/sign/{transaction}/status`), learned from public integrator code — not
 * from a contract with VNPT. Every request carries the service-provider id and password (`sp_id`, `sp_password`):
 * use it on a server only (e.g. behind your own relay), never in a browser.
 *
 * Shapes as public integrator code shows them (see the package README for what a real contract must confirm):
 *   get_certificate { sp_id, sp_password, user_id, serial_number, transaction_id }
 *     → { data: { user_certificates: [{ cert_data (base64 DER), serial_number, chain_data?: { ca_cert, root_cert } }] } }
 *   sign { sp_id, sp_password, user_id, transaction_id, transaction_desc, serial_number,
 *          sign_files: [{ data_to_be_signed (hex digest), doc_id, file_type, sign_type: "hash" }] }
 *     → { data: { transaction_id, tran_code? } }
 *   sign/{id}/status {} → { data: { signatures: [{ doc_id, signature_value (base64) }] | null } }
 */
import { digest } from '../cms/crypto.js';
import type { HashAlgorithm } from '../cms/oids.js';
import type { Signer } from '../sign/signer.js';
import { callJson, checkedSignatures, remoteError, sleep, unb64, type BatchSigner, type JsonCallOptions, type RemoteSigningState } from './common.js';

export interface SmartcaStyleOptions extends JsonCallOptions {
  /** Up to and including the service prefix, e.g. `https://gwsca.vnpt.vn/sca/sp769`. */
  readonly baseUrl: string;
  readonly spId: string;
  readonly spPassword: string;
  /** The subscriber (citizen id / tax code) whose certificate signs. */
  readonly userId: string;
  /** Pick one certificate when the user has several. */
  readonly serialNumber?: string;
  /** Shown in the app with the request. */
  readonly description?: string;
  readonly pollIntervalMs?: number;
  /** How long to wait for the confirmation in the app (default 120 000 ms). */
  readonly confirmTimeoutMs?: number;
  readonly onState?: (state: RemoteSigningState) => void;
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const randomId = (): string => hex(crypto.getRandomValues(new Uint8Array(12)));

export function smartcaStyleSigner(options: SmartcaStyleOptions): Signer & BatchSigner {
  const base = options.baseUrl.replace(/\/+$/, '');
  const post = async (path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const { status, body: reply } = await callJson(`${base}${path}`, { body }, options);
    const code = typeof reply.status_code === 'number' ? reply.status_code : status;
    const message = typeof reply.message === 'string' ? reply.message : '';
    if (status === 401 || status === 403 || code === 401 || code === 403) throw remoteError('REMOTE_AUTH', message);
    if (status !== 200 || code !== 200) throw remoteError('REMOTE_FAILED', `${path}: ${message || status}`);
    const data = reply.data;
    if (typeof data !== 'object' || data === null) throw remoteError('REMOTE_GARBAGE', path);
    return data as Record<string, unknown>;
  };
  let chain: Promise<Uint8Array[]> | undefined;
  const certificateChain = (): Promise<Uint8Array[]> => {
    chain ??= post('/v1/credentials/get_certificate', {
      sp_id: options.spId,
      sp_password: options.spPassword,
      user_id: options.userId,
      serial_number: options.serialNumber ?? '',
      transaction_id: randomId(),
    }).then((data) => {
      const list = Array.isArray(data.user_certificates) ? (data.user_certificates as Record<string, unknown>[]) : [];
      const chosen = options.serialNumber ? list.find((c) => c.serial_number === options.serialNumber) : list[0];
      const cert = unb64(chosen?.cert_data);
      if (!chosen || !cert) throw remoteError('REMOTE_CREDENTIAL', options.serialNumber ?? options.userId);
      const extra = (chosen.chain_data ?? {}) as Record<string, unknown>;
      return [cert, ...[extra.ca_cert, extra.root_cert].map(unb64).filter((c): c is Uint8Array => c !== undefined)];
    });
    chain.catch(() => {
      chain = undefined;
    });
    return chain;
  };
  const signMany = async (data: readonly Uint8Array[], algorithm: { hash: HashAlgorithm }): Promise<Uint8Array[]> => {
    if (data.length === 0) return [];
    const [cert] = await certificateChain();
    const hashes = await Promise.all(data.map((d) => digest(algorithm.hash, d)));
    const docIds = hashes.map((_, i) => `doc-${i + 1}`);
    options.onState?.({ state: 'authorizing' });
    const started = await post('/v1/signatures/sign', {
      sp_id: options.spId,
      sp_password: options.spPassword,
      user_id: options.userId,
      transaction_id: randomId(),
      transaction_desc: options.description ?? '',
      serial_number: options.serialNumber ?? '',
      sign_files: hashes.map((h, i) => ({ data_to_be_signed: hex(h), doc_id: docIds[i], file_type: 'pdf', sign_type: 'hash' })),
    });
    const id = typeof started.tran_code === 'string' ? started.tran_code : typeof started.transaction_id === 'string' ? started.transaction_id : undefined;
    if (!id) throw remoteError('REMOTE_GARBAGE', 'transaction_id');
    const expiresAt = Date.now() + (options.confirmTimeoutMs ?? 120_000);
    options.onState?.({ state: 'waiting', expiresAt, transaction: id });
    for (;;) {
      if (Date.now() >= expiresAt) throw remoteError('REMOTE_EXPIRED');
      await sleep(Math.min(options.pollIntervalMs ?? 2000, Math.max(0, expiresAt - Date.now())), options.signal);
      const status = await post(`/v1/signatures/sign/${encodeURIComponent(id)}/status`, {});
      if (status.transaction_status === 'REJECTED' || status.transaction_status === 'CANCELLED') throw remoteError('REMOTE_REJECTED');
      if (status.transaction_status === 'EXPIRED') throw remoteError('REMOTE_EXPIRED');
      if (!Array.isArray(status.signatures)) continue;
      const byDoc = new Map((status.signatures as Record<string, unknown>[]).map((s) => [s.doc_id, s.signature_value]));
      const values = byDoc.size === docIds.length ? docIds.map((d) => byDoc.get(d)) : (status.signatures as Record<string, unknown>[]).map((s) => s.signature_value);
      options.onState?.({ state: 'signing' });
      const checked = await checkedSignatures(cert!, algorithm.hash, data, values);
      options.onState?.({ state: 'signed', count: checked.length });
      return checked;
    }
  };
  return { certificateChain, signMany, sign: async (d, a) => (await signMany([d], a))[0]! };
}
