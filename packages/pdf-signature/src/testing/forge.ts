/** Test helper: changes one hex digit of the last signature's value inside /Contents (runs in Node and browsers). */
import { firstElement, signedDataParts, signerInfoParts } from '../cms/der.js';
import { fromHex, latin1String } from '../pdf/bytes.js';

export function forgeSignatureValue(signed: Uint8Array): Uint8Array {
  const text = latin1String(signed);
  const at = text.lastIndexOf('/Contents<') + '/Contents<'.length;
  const cms = firstElement(fromHex(text.slice(at, text.indexOf('>', at))))!.der;
  const value = signerInfoParts(signedDataParts(cms)!.signerInfos[0]!)!.signature;
  const digit = at + 2 * (value.byteOffset - cms.byteOffset) + 1;
  const forged = signed.slice();
  forged[digit] = forged[digit] === 0x30 ? 0x31 : 0x30;
  return forged;
}
