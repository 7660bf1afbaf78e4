/** Node-only: a Signer from a PKCS#12 file on disk. */
import { readFile } from 'node:fs/promises';
import { pkcs12Signer } from '../sign/pkcs12.js';
import type { Signer } from '../sign/signer.js';

export async function pkcs12FileSigner(path: string, password: string): Promise<Signer> {
  return pkcs12Signer(new Uint8Array(await readFile(path)), password);
}
