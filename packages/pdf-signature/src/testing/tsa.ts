/** A minimal RFC 3161 responder (pkijs) for tests and demos; transport-free so it runs in Node and browsers. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildSignedData } from '../cms/build.js';
import { digest } from '../cms/crypto.js';
import { OID } from '../cms/oids.js';
import { toArrayBuffer } from '../pdf/bytes.js';
import { cryptoKeySigner } from '../sign/signer.js';
import type { Identity } from './pki.js';

export interface TimestampResponderOptions {
  readonly genTime?: Date;
  /** Corrupts the message imprint (for the "bad timestamp" fixtures). */
  readonly tamperImprint?: boolean;
}

let tsaSerial = 1;

/** Answers a DER TimeStampReq with a granted DER TimeStampResp signed by `tsa`. */
export async function createTimestampResponse(
  request: Uint8Array,
  tsa: Pick<Identity, 'privateKey' | 'chain'>,
  options: TimestampResponderOptions = {},
): Promise<Uint8Array> {
  const req = pkijs.TimeStampReq.fromBER(toArrayBuffer(request));
  const imprint = new Uint8Array(req.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (options.tamperImprint) imprint[0]! ^= 0xff;
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: req.messageImprint.hashAlgorithm,
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(imprint) }),
    }),
    serialNumber: new asn1js.Integer({ value: tsaSerial++ }),
    genTime: options.genTime ?? new Date(),
    ...(req.nonce ? { nonce: req.nonce } : {}),
  });
  const eContent = new Uint8Array(tst.toSchema().toBER(false));
  const built = await buildSignedData({
    signer: cryptoKeySigner(tsa.privateKey, tsa.chain.slice(0, -1)),
    hash: 'SHA-256',
    contentDigest: await digest('SHA-256', eContent),
    eContentType: OID.tstInfo,
    eContent,
  });
  const resp = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: pkijs.ContentInfo.fromBER(toArrayBuffer(built.encode())),
  });
  return new Uint8Array(resp.toSchema().toBER(false));
}
