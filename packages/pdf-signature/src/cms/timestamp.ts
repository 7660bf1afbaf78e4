/** RFC 3161 time-stamp client: request a token over the signature value (PAdES B-T). */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { pdfError } from '../errors.js';
import { bytesEqual, toArrayBuffer } from '../pdf/bytes.js';
import { digest } from './crypto.js';
import { HASH_OID, type HashAlgorithm } from './oids.js';

export interface TimestampOptions {
  /** The TSA URL; the request is an HTTP POST of `application/timestamp-query`. */
  readonly url: string;
  readonly hash?: HashAlgorithm;
  /** Extra headers (e.g. authorisation for a commercial TSA). */
  readonly headers?: Readonly<Record<string, string>>;
  /** A fetch implementation (defaults to the global one). Browsers usually need a same-origin proxy (CORS). */
  readonly fetch?: typeof fetch;
  /** Optional TSA policy OID to request. */
  readonly policy?: string;
}

/** Requests a time-stamp token for `data`; returns the token's ContentInfo (DER). */
export async function requestTimestamp(data: Uint8Array, options: TimestampOptions): Promise<Uint8Array> {
  const hash = options.hash ?? 'SHA-256';
  const imprint = await digest(hash, data);
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0]! &= 0x7f;
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[hash], algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
    ...(options.policy ? { reqPolicy: options.policy } : {}),
  });
  const doFetch = options.fetch ?? fetch;
  let body: Uint8Array;
  try {
    const res = await doFetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', ...options.headers },
      body: new Uint8Array(req.toSchema().toBER(false)),
    });
    if (!res.ok) throw new Error(String(res.status));
    body = new Uint8Array(await res.arrayBuffer());
  } catch {
    throw pdfError('TSA_HTTP', `Không gọi được máy chủ dấu thời gian ${options.url}`, `Cannot reach the time-stamp server ${options.url}`);
  }
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(body));
  } catch {
    throw pdfError('TSA_RESPONSE', 'Phản hồi dấu thời gian không hợp lệ', 'Invalid time-stamp response');
  }
  const status: number = resp.status.status;
  if ((status !== 0 && status !== 1) || !resp.timeStampToken) {
    throw pdfError('TSA_REFUSED', `Máy chủ dấu thời gian từ chối (trạng thái ${status})`, `The time-stamp server refused (status ${status})`);
  }
  const token = resp.timeStampToken;
  const signed = new pkijs.SignedData({ schema: token.content });
  const eContent = signed.encapContentInfo.eContent;
  if (!eContent) throw pdfError('TSA_RESPONSE', 'Dấu thời gian thiếu TSTInfo', 'Time-stamp token without TSTInfo');
  const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
  const got = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  const gotNonce = tst.nonce ? new Uint8Array(tst.nonce.valueBlock.valueHexView) : undefined;
  if (!bytesEqual(got, imprint) || !gotNonce || !bytesEqual(stripZeros(gotNonce), stripZeros(nonce))) {
    throw pdfError('TSA_MISMATCH', 'Dấu thời gian không khớp yêu cầu', 'The time-stamp token does not match the request');
  }
  return new Uint8Array(token.toSchema().toBER(false));
}

function stripZeros(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}
