/**
 * @egov-vn/pdf-signature/testing — a demo CA and an RFC 3161 responder for tests and the demo portal.
 * Never use these identities for real documents.
 */
export { createDemoPki, issueCertificate, issueCrl, issueOcspResponse, toPem, type DemoPki, type Identity, type IssueOptions, type DemoKeyAlgorithm } from './testing/pki.js';
export { createTimestampResponse, type TimestampResponderOptions } from './testing/tsa.js';
export {
  createCscMock,
  type CscMock,
  type CscMockOptions,
  type CscMockCredential,
  type CscMockOutcome,
  type CscMockFault,
  type CscMockPending,
  type CscMockRequest,
} from './testing/csc-mock.js';
export { signDigestRsa } from './testing/raw-rsa.js';
export { nd30Gallery, galleryDocument, testPng, testTiff, signaturePng, sealPng, scanPng, type GalleryEntry } from './testing/nd30-gallery.js';
export { installFakeVgcaPlugin, type FakeVgcaPlugin, type FakeVgcaOptions, type FakeVgcaBehaviour, type FakeVgcaCall } from './testing/vgca-fake.js';
