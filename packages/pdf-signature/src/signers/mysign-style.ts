/**
 * A signer for services shaped like Viettel MySign's remote-signing API (CSC-like field names after a login), learned
 * from public integrator code — not from a contract with Viettel. The client secret travels in every request body:
 * use it on a server only, never in a browser.
 *
 * Shapes as public integrator code shows them (see the package README for what a real contract must confirm):
 *   POST /vtss/service/ras/v1/login { client_id, client_secret, user_id, profile_id } → { access_token }
 *   POST /vtss/service/certificates/info (Bearer) { client_id, client_secret, profile_id, user_id, certificates: "chain" }
 *     → [{ credential_id, cert: { certificates: [base64 DER…] } }]
 *   POST /vtss/service/signHash (Bearer) { client_id, client_secret, credentialID, numSignatures, documents, hash[],
 *     hashAlgo, signAlgo, async } → { transactionId } (confirmed in the app) or { signatures }
 *   POST /vtss/service/requests/status (Bearer) { transactionId } → { signatures? , status? }
 */
import { digest } from '../cms/crypto.js';
import { HASH_OID, OID, type HashAlgorithm } from '../cms/oids.js';
import type { Signer } from '../sign/signer.js';
import { b64, callJson, checkedSignatures, remoteError, sleep, unb64, type BatchSigner, type JsonCallOptions, type RemoteSigningState } from './common.js';

export interface MysignStyleOptions extends JsonCallOptions {
  /** e.g. `https://remotesigning.viettel.vn:8773`. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly profileId: string;
  readonly userId: string;
  /** Which credential (default the first listed). */
  readonly credentialID?: string;
  /** Document name shown in the app. */
  readonly documentName?: string;
  readonly pollIntervalMs?: number;
  readonly confirmTimeoutMs?: number;
  readonly onState?: (state: RemoteSigningState) => void;
}

export function mysignStyleSigner(options: MysignStyleOptions): Signer & BatchSigner {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/vtss/service`;
  const secret = { client_id: options.clientId, client_secret: options.clientSecret };
  let token: Promise<string> | undefined;
  const login = (): Promise<string> => {
    token ??= callJson(`${base}/ras/v1/login`, { body: { ...secret, user_id: options.userId, profile_id: options.profileId } }, options).then(({ status, body }) => {
      if (status !== 200 || typeof body.access_token !== 'string') throw remoteError('REMOTE_AUTH', typeof body.error_description === 'string' ? body.error_description : `HTTP ${status}`);
      return body.access_token;
    });
    token.catch(() => {
      token = undefined;
    });
    return token;
  };
  const post = async (path: string, body: Record<string, unknown>): Promise<unknown> => {
    const bearer = await login();
    const reply = await callJson(`${base}${path}`, { body, headers: { authorization: `Bearer ${bearer}` } }, { ...options, maxReplyBytes: 4 * 1024 * 1024 });
    if (reply.status === 401) throw remoteError('REMOTE_AUTH', path);
    if (reply.status !== 200 || typeof reply.body.error === 'string') {
      const desc = typeof reply.body.error_description === 'string' ? reply.body.error_description : String(reply.status);
      if (/reject|từ chối|denied/i.test(desc)) throw remoteError('REMOTE_REJECTED', desc);
      if (/expire|hết hạn/i.test(desc)) throw remoteError('REMOTE_EXPIRED', desc);
      throw remoteError('REMOTE_FAILED', `${path}: ${desc}`);
    }
    return reply.body.items ?? reply.body;
  };
  let credential: Promise<{ id: string; chain: Uint8Array[] }> | undefined;
  const info = (): Promise<{ id: string; chain: Uint8Array[] }> => {
    credential ??= post('/certificates/info', { ...secret, profile_id: options.profileId, user_id: options.userId, certificates: 'chain', certInfo: true, authInfo: true }).then((list) => {
      const items = Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
      const chosen = options.credentialID ? items.find((i) => i.credential_id === options.credentialID) : items[0];
      const certs = ((chosen?.cert as Record<string, unknown> | undefined)?.certificates ?? []) as unknown[];
      const chain = certs.map(unb64);
      if (!chosen || typeof chosen.credential_id !== 'string' || chain.length === 0 || chain.some((c) => !c)) throw remoteError('REMOTE_CREDENTIAL', options.credentialID ?? options.userId);
      return { id: chosen.credential_id, chain: chain as Uint8Array[] };
    });
    credential.catch(() => {
      credential = undefined;
    });
    return credential;
  };
  const signMany = async (data: readonly Uint8Array[], algorithm: { hash: HashAlgorithm }): Promise<Uint8Array[]> => {
    if (data.length === 0) return [];
    const c = await info();
    const hashes = await Promise.all(data.map((d) => digest(algorithm.hash, d)));
    options.onState?.({ state: 'authorizing' });
    const name = b64(new TextEncoder().encode(options.documentName ?? 'van-ban.pdf'));
    let reply = (await post('/signHash', {
      ...secret,
      credentialID: c.id,
      numSignatures: hashes.length,
      documents: hashes.map((_, i) => ({ document_id: `doc-${i + 1}`, document_name: name })),
      hash: hashes.map(b64),
      hashAlgo: HASH_OID[algorithm.hash],
      signAlgo: OID.rsaEncryption,
      async: 1,
    })) as Record<string, unknown>;
    const id = typeof reply.transactionId === 'string' ? reply.transactionId : undefined;
    if (!Array.isArray(reply.signatures)) {
      if (!id) throw remoteError('REMOTE_GARBAGE', 'signHash');
      const expiresAt = Date.now() + (options.confirmTimeoutMs ?? 120_000);
      options.onState?.({ state: 'waiting', expiresAt, transaction: id });
      while (!Array.isArray(reply.signatures)) {
        if (Date.now() >= expiresAt) throw remoteError('REMOTE_EXPIRED');
        await sleep(Math.min(options.pollIntervalMs ?? 2000, Math.max(0, expiresAt - Date.now())), options.signal);
        reply = (await post('/requests/status', { transactionId: id })) as Record<string, unknown>;
      }
    }
    options.onState?.({ state: 'signing' });
    const checked = await checkedSignatures(c.chain[0]!, algorithm.hash, data, reply.signatures as unknown[]);
    options.onState?.({ state: 'signed', count: checked.length });
    return checked;
  };
  return { certificateChain: async () => [...(await info()).chain], signMany, sign: async (d, a) => (await signMany([d], a))[0]! };
}
