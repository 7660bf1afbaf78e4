import type { SignerProvider, WholeDocumentInput } from './providers.js';
import type { SignedDocument } from './sign-flow.js';

/** Signs with a whole-document provider (e.g. the VGCA plugin) and verifies the result as the dialog shows it. */
export async function signWholeDocument(provider: SignerProvider, pdf: Uint8Array, input: WholeDocumentInput): Promise<SignedDocument> {
  if (!provider.signDocument) throw new TypeError(`provider ${provider.id} does not sign whole documents`);
  const signed = await provider.signDocument(pdf, input);
  const { verifyPdf } = await import('./core.js');
  return { pdf: signed, report: await verifyPdf(signed, { trustAnchors: input.trustAnchors ?? [] }) };
}
