/** Test helpers over the last signature's CMS inside /Contents (run in Node and browsers). */
import { firstElement, signedDataParts, signerInfoParts, type SignerInfoParts } from '../cms/der.js';
import { fromHex, latin1String } from '../pdf/bytes.js';

/** Where the last signature's CMS lies: the offset of its first hex digit, its DER, and its SignerInfo. */
export function lastSignatureCms(signed: Uint8Array): { contentsAt: number; cms: Uint8Array; signer: SignerInfoParts } {
  const text = latin1String(signed);
  const contentsAt = text.lastIndexOf('/Contents<') + '/Contents<'.length;
  const cms = firstElement(fromHex(text.slice(contentsAt, text.indexOf('>', contentsAt))))!.der;
  return { contentsAt, cms, signer: signerInfoParts(signedDataParts(cms)!.signerInfos[0]!)! };
}

/** The span [from, to) of `part` (a view into the CMS) in the CMS bytes. */
export function spanIn(cms: Uint8Array, part: Uint8Array): [number, number] {
  const from = part.byteOffset - cms.byteOffset;
  return [from, from + part.length];
}

/** The document with one hex digit of the last signature's value changed. */
export function forgeSignatureValue(signed: Uint8Array): Uint8Array {
  const { contentsAt, cms, signer } = lastSignatureCms(signed);
  const digit = contentsAt + 2 * spanIn(cms, signer.signature)[0] + 1;
  const forged = signed.slice();
  forged[digit] = forged[digit] === 0x30 ? 0x31 : 0x30;
  return forged;
}
