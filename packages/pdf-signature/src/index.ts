/**
 * @egov-vn/pdf-signature — sign PDFs to PAdES by incremental update and verify them like a trusted validator.
 * Runs in browsers and Node (WebCrypto only). Node-only helpers live in `@egov-vn/pdf-signature/node`.
 */
import { version } from './version.js';

export { signPdf, pdfDate, type IssueWriter, type SignPdfOptions, type SubFilter, type DocMdpPermission, type Rect, type AppearanceFactory, type AppearanceContext, type AppearanceResult } from './sign/sign-pdf.js';
export { cryptoKeySigner, type CryptoKeyLike, type Signer, type SignAlgorithm } from './sign/signer.js';
export { pkcs12Signer, readPkcs12, type Pkcs12Contents } from './sign/pkcs12.js';
export { addValidationData, type ValidationData } from './sign/validation-data.js';
export { remoteSigner, callService, type RemoteSignerOptions, type RemoteReply, type WebSocketLike, type WebSocketFactory } from './sign/remote.js';
export {
  cscSigner,
  CscClient,
  cscLogin,
  cscClientToken,
  signAlgorithmFor,
  waitForSad,
  type CscConnection,
  type CscSignerOptions,
  type CscCredentialInfo,
  type CscAuthData,
  type CscAuthorization,
} from './signers/csc.js';
export { signPdfBatch, type SignPdfBatchOptions } from './signers/batch.js';
export { checkedSignatures, REMOTE_ERRORS, type RemoteErrorCode, type RemoteSigningState, type BatchSigner } from './signers/common.js';
export { relaySigner, listRelayCredentials, requestRelayOtp, relayAuthorizeUrl, type RelaySignerOptions, type RelayConnection, type RelayCredentialInfo } from './signers/relay-client.js';
export { vgcaSignPdf, vgcaPluginCall, vgcaAvailable, VGCA_FUNCTIONS, VGCA_KIND_FOR, type VgcaKind, type VgcaPluginOptions, type VgcaSignPdfOptions, type VgcaReply, type VgcaFunction } from './signers/vgca-plugin.js';
export { verifyPdf, parsePdfDate, type VerifyOptions, type VerifyPolicy } from './verify/verify-pdf.js';
// eslint-disable-next-line @typescript-eslint/no-deprecated -- vnTime stays exported for 0.x code (formatVietnamIso of @egov-vn/schemas)
export { formatReport, vnTime } from './verify/format.js';
export {
  signatureImageAppearance,
  sealAppearance,
  appendixStampLines,
  copyStampLines,
  type SignatureImageOptions,
  type SealOptions,
  type CopyKind,
} from './appearance/layouts.js';
export { textStampAppearance, type StampOptions } from './appearance/text-stamp.js';
export { issueAnnotations, issuePdf, type IssueOptions, type IssueField } from './appearance/issue.js';
export { loadStampFont, stampFontUrl, type LoadStampFontOptions } from './appearance/stamp-font.js';
export { findTextLine, locateSignerBox, type TextLine } from './appearance/locate.js';
export type * from './verify/report.js';
export { verdictOf, VERDICTS } from './verify/verdict.js';
export {
  checkSigningCertificate,
  type CertificateCheck,
  type CertificateProblem,
  type CertificateProblemCode,
  type CheckCertificateOptions,
} from './verify/certificates.js';
export { parseCertificates, type ParsedCertificate, type TrustInput } from './verify/trust.js';
export { requestTimestamp, type TimestampOptions } from './cms/timestamp.js';
export type { HashAlgorithm } from './cms/oids.js';
export {
  isPdfSignatureErrorCode,
  PDF_SIGNATURE_ERROR_CODES,
  PdfSignatureError,
  type PdfSignatureErrorCode,
  type Lang,
  type Message,
} from './errors.js';

/** The version of @egov-vn/pdf-signature this build came from. */
export function pdfSignatureVersion(): string {
  return version;
}
