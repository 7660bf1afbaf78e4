// The parts of @egov-vn/pdf-signature the elements use, loaded on demand (`await import('./core.js')`) so the
// elements stay small until a document is verified or signed, and the bundler keeps only these exports
// (a namespace import of the whole package would also pull in fontkit for text stamps).
export {
  checkSigningCertificate,
  cryptoKeySigner,
  listRelayCredentials,
  locateSignerBox,
  PdfSignatureError,
  pkcs12Signer,
  relaySigner,
  remoteSigner,
  sealAppearance,
  signatureImageAppearance,
  signPdf,
  verifyPdf,
  vgcaAvailable,
  vgcaSignPdf,
  VGCA_KIND_FOR,
} from '@egov-vn/pdf-signature';
// The appearance per Nghị định 30 kind (its text stamp loads fontkit on demand only).
export { nd30Appearance } from '@egov-vn/pdf-signature/nd30/rules';
