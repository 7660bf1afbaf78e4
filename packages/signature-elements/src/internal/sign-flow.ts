import type * as CoreModule from './core.js';
import type { Signer, TimestampOptions, TrustInput, VerificationReport } from '@egov-vn/pdf-signature';
import { kindReasons, type AppearanceInput, type SignatureKind } from '@egov-vn/pdf-signature/nd30/rules';

// The Nghị định 30 signing rules (kinds, reasons, appearance per kind) live in @egov-vn/pdf-signature/nd30, so the
// CLI and Node services share them; re-exported here for the elements' users.
export { kindReasons, signatureKinds, type AppearanceInput, type SignatureKind } from '@egov-vn/pdf-signature/nd30/rules';

export interface SignDocumentOptions {
  readonly signer: Signer;
  readonly kind: SignatureKind;
  /** 0-based page index of the signature widget (the located name line's page wins for the standard position). */
  readonly page?: number;
  readonly trustAnchors: readonly TrustInput[];
  readonly appearance?: AppearanceInput;
  /** Claimed signing time (default now). */
  readonly signingTime?: Date;
  /** /Reason of the signature (default: the kind's reason, `kindReasons`). */
  readonly reason?: string;
  /** /Location (where it was signed). */
  readonly location?: string;
  /** /ContactInfo (how to reach the signer). */
  readonly contactInfo?: string;
  /** An RFC 3161 timestamp authority: the signature becomes PAdES B-T. */
  readonly timestamp?: TimestampOptions;
}

type Core = typeof CoreModule;

/** An error from the pre-sign certificate check: `CERT_<problem>` code with the core's vi/en text. */
class CertificateError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
  }
}

/**
 * Checks the signer's certificate before anything is signed (`checkSigningCertificate`): expired, not yet valid,
 * not for signing, or (when the portal configured trust anchors) not chaining to one. Throws a `CERT_*` error.
 */
async function checkCertificate(core: Core, signer: Signer, trustAnchors: readonly TrustInput[], at: Date): Promise<void> {
  const [leaf, ...rest] = await signer.certificateChain();
  if (!leaf) throw new CertificateError('REMOTE_NO_CERT', 'Không có chứng thư số', 'No certificate');
  const check = await core.checkSigningCertificate(leaf, { at, intermediates: rest, ...(trustAnchors.length ? { trustAnchors } : {}) });
  const first = check.problems[0];
  if (first) throw new CertificateError(`CERT_${first.code}`, first.message.vi, first.message.en);
}

export interface SignedDocument {
  readonly pdf: Uint8Array;
  readonly report: VerificationReport;
}

/**
 * Signs by incremental update, then verifies the result with the same trust anchors (the report the dialog shows
 * and emits). The verdict is the validator's: nothing is decided here.
 */
export async function signDocument(pdf: Uint8Array, options: SignDocumentOptions): Promise<SignedDocument> {
  const core = await import('./core.js');
  const signingTime = options.signingTime ?? new Date();
  await checkCertificate(core, options.signer, options.trustAnchors, signingTime);
  const visible = await core.nd30Appearance(pdf, options.kind, options.appearance ?? {}, { time: signingTime, ...(options.page === undefined ? {} : { page: options.page }) });
  const signed = await core.signPdf(pdf, {
    signer: options.signer,
    reason: options.reason?.trim() || kindReasons[options.kind],
    ...(options.location?.trim() ? { location: options.location.trim() } : {}),
    ...(options.contactInfo?.trim() ? { contactInfo: options.contactInfo.trim() } : {}),
    signingTime,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    ...visible,
  });
  const report = await core.verifyPdf(signed, { trustAnchors: options.trustAnchors });
  return { pdf: signed, report };
}

/** A problem explained for the person signing: what happened and what to do next. */
export interface SignProblem {
  readonly code: string;
  readonly title: { readonly vi: string; readonly en: string };
  readonly action: { readonly vi: string; readonly en: string };
  /** The underlying technical message (vi/en), for support. */
  readonly detail?: { readonly vi: string; readonly en: string };
}

const problems: Record<string, Omit<SignProblem, 'code' | 'detail'>> = {
  P12_PASSWORD: {
    title: { vi: 'Sai mật khẩu của tệp chứng thư số.', en: 'Wrong password for the certificate file.' },
    action: { vi: 'Nhập lại mật khẩu (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt).', en: 'Type the password again (mind capitals and the keyboard layout).' },
  },
  P12_PARSE: {
    title: { vi: 'Không đọc được tệp chứng thư số.', en: 'The certificate file cannot be read.' },
    action: { vi: 'Chọn đúng tệp .p12 hoặc .pfx do tổ chức cung cấp dịch vụ chứng thực cấp.', en: 'Choose the .p12 or .pfx file your certificate provider issued.' },
  },
  VGCA_MISSING: {
    title: { vi: 'Chưa có phần mềm ký số của Ban Cơ yếu Chính phủ trên máy này.', en: 'The Government Cipher Committee signing plugin is not installed.' },
    action: { vi: 'Cài và mở phần mềm ký số VGCA, rồi tải lại trang.', en: 'Install and start the VGCA signing plugin, then reload the page.' },
  },
  VGCA_FAILED: {
    title: { vi: 'Phần mềm ký số không ký được (hoặc đã bị huỷ).', en: 'The signing plugin did not sign (or was cancelled).' },
    action: { vi: 'Kiểm tra USB token và mã PIN rồi ký lại.', en: 'Check the USB token and its PIN, then sign again.' },
  },
  VGCA_RESULT: {
    title: { vi: 'Tệp do phần mềm ký số trả về không phải văn bản này được ký hợp lệ; không dùng tệp đó.', en: 'The file the signing plugin returned is not this document validly signed; it was not used.' },
    action: { vi: 'Ký lại; nếu vẫn lỗi, báo bộ phận hỗ trợ kèm chi tiết bên dưới.', en: 'Sign again; if it persists, tell support with the details below.' },
  },
  P12_MISSING: {
    title: { vi: 'Chưa chọn tệp chứng thư số.', en: 'No certificate file chosen.' },
    action: { vi: 'Bấm “Chọn tệp chứng thư” và chọn tệp .p12 hoặc .pfx.', en: 'Choose your .p12 or .pfx file.' },
  },
  REMOTE_CONNECT: {
    title: { vi: 'Chưa kết nối được phần mềm ký số trên máy.', en: 'The local signing service is not running.' },
    action: { vi: 'Mở phần mềm ký số (hoặc cài đặt nếu chưa có), cắm USB token rồi bấm Ký lại.', en: 'Start (or install) the signing service, plug in the token, then sign again.' },
  },
  REMOTE_TIMEOUT: {
    title: { vi: 'Phần mềm ký số không trả lời kịp.', en: 'The signing service did not answer in time.' },
    action: { vi: 'Kiểm tra cửa sổ nhập mã PIN của USB token rồi bấm Ký lại.', en: 'Check the token’s PIN window, then sign again.' },
  },
  REMOTE_CANCELLED: {
    title: { vi: 'Bạn đã huỷ ký trên thiết bị ký số.', en: 'Signing was cancelled on the token.' },
    action: { vi: 'Bấm Ký lại và nhập mã PIN khi được hỏi nếu muốn ký.', en: 'Sign again and enter the PIN when asked.' },
  },
  REMOTE_NO_CERT: {
    title: { vi: 'Không tìm thấy chứng thư số trên thiết bị.', en: 'No certificate was found on the token.' },
    action: { vi: 'Kiểm tra USB token đã được cắm và nhận đúng.', en: 'Check the token is plugged in and recognised.' },
  },
  CERT_KEY_USAGE: {
    title: { vi: 'Chứng thư số này không dùng để ký văn bản.', en: 'This certificate is not for signing documents.' },
    action: { vi: 'Chọn chứng thư số ký (chữ ký số cá nhân hoặc của cơ quan) do tổ chức cung cấp dịch vụ chứng thực cấp. Văn bản chưa được ký.', en: 'Choose a signing certificate (personal or agency) from your certificate provider. The document was not signed.' },
  },
  CERT_UNTRUSTED: {
    title: { vi: 'Chứng thư số không do tổ chức chứng thực mà cổng này tin cậy cấp.', en: 'The certificate is not from a certification authority this portal trusts.' },
    action: { vi: 'Ký bằng chứng thư số do Ban Cơ yếu Chính phủ hoặc tổ chức được cấp phép cấp; nếu chứng thư đúng, báo quản trị cổng bổ sung chứng thư gốc. Văn bản chưa được ký.', en: 'Sign with a certificate from the Government Cipher Committee or a licensed provider; if it is right, ask the portal administrator to add its root. The document was not signed.' },
  },
  CERT_EXPIRED: {
    title: { vi: 'Chứng thư số đã hết hạn hoặc chưa có hiệu lực.', en: 'The certificate has expired or is not yet valid.' },
    action: { vi: 'Liên hệ tổ chức cung cấp dịch vụ chứng thực để gia hạn, rồi ký bằng chứng thư mới. Văn bản chưa được ký.', en: 'Ask your certificate provider to renew it, then sign with the new certificate. The document was not signed.' },
  },
  SIGN_DOCMDP: {
    title: { vi: 'Văn bản đã được chứng thực và không cho phép ký thêm.', en: 'The document is certified and allows no further signature.' },
    action: { vi: 'Liên hệ nơi ban hành để nhận bản cho phép ký.', en: 'Ask the issuer for a version that may be signed.' },
  },
  PDF_ENCRYPTED: {
    title: { vi: 'Tệp PDF đã được đặt mật khẩu nên không ký được.', en: 'The PDF is encrypted and cannot be signed.' },
    action: { vi: 'Bỏ mật khẩu của tệp rồi ký lại.', en: 'Remove the file’s password and sign again.' },
  },
  LOCATE_NOT_FOUND: {
    title: { vi: 'Không tìm thấy vị trí ký tiêu chuẩn (dòng họ tên người ký) trong văn bản.', en: 'The standard signing position (the signer’s name line) is not in the document.' },
    action: { vi: 'Chọn “Vị trí tự chọn” và nhập trang, toạ độ khung chữ ký.', en: 'Choose “Custom position” and enter the page and box.' },
  },
  TSA_HTTP: {
    title: { vi: 'Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian.', en: 'The timestamp authority did not answer.' },
    action: { vi: 'Kiểm tra kết nối mạng rồi ký lại; nếu vẫn lỗi, báo quản trị cổng kiểm tra địa chỉ dịch vụ dấu thời gian.', en: 'Check the network and sign again; if it persists, ask the portal administrator to check the timestamp service.' },
  },
  FONT_FETCH: {
    title: { vi: 'Không tải được phông chữ để in dấu lên văn bản.', en: 'The font for the stamp could not be loaded.' },
    action: { vi: 'Kiểm tra kết nối mạng rồi ký lại; nếu vẫn lỗi, báo quản trị cổng kiểm tra tệp phông chữ của dấu.', en: 'Check the network and sign again; if it persists, ask the portal administrator to check the stamp font file.' },
  },
  REMOTE_REJECTED: {
    title: { vi: 'Yêu cầu ký đã bị từ chối trên điện thoại.', en: 'The signing request was rejected on the phone.' },
    action: { vi: 'Nếu muốn ký, bấm Ký lại và chọn “Đồng ý” trong ứng dụng ký số trên điện thoại. Văn bản chưa được ký.', en: 'To sign, press Sign again and approve in the signing app on your phone. The document was not signed.' },
  },
  REMOTE_EXPIRED: {
    title: { vi: 'Yêu cầu ký đã hết hạn mà chưa được xác nhận.', en: 'The signing request expired before it was confirmed.' },
    action: { vi: 'Bấm Ký lại rồi mở ứng dụng ký số trên điện thoại để xác nhận trước khi hết giờ. Văn bản chưa được ký.', en: 'Press Sign again, then confirm in the signing app on your phone before the time runs out. The document was not signed.' },
  },
  REMOTE_UNREACHABLE: {
    title: { vi: 'Không kết nối được dịch vụ ký số từ xa.', en: 'The remote signing service cannot be reached.' },
    action: { vi: 'Kiểm tra kết nối mạng rồi ký lại; nếu vẫn lỗi, báo quản trị cổng. Văn bản chưa được ký.', en: 'Check the network and sign again; if it persists, tell the portal administrator. The document was not signed.' },
  },
  REMOTE_AUTH: {
    title: { vi: 'Dịch vụ ký số từ xa không chấp nhận thông tin đăng nhập.', en: 'The remote signing service refused the login.' },
    action: { vi: 'Đăng nhập lại cổng rồi ký lại; nếu vẫn lỗi, báo quản trị cổng kiểm tra tài khoản dịch vụ ký số.', en: 'Sign in to the portal again and retry; if it persists, ask the administrator to check the signing-service account.' },
  },
  REMOTE_AUTH_DATA: {
    title: { vi: 'Mã PIN hoặc mã OTP không đúng.', en: 'The PIN or OTP is wrong.' },
    action: { vi: 'Nhập lại mã PIN/OTP rồi bấm Ký lại. Nhập sai nhiều lần có thể bị khoá tài khoản ký.', en: 'Enter the PIN/OTP again and sign again. Too many wrong attempts may lock the credential.' },
  },
  REMOTE_GARBAGE: {
    title: { vi: 'Dịch vụ ký số từ xa trả lời không đúng định dạng.', en: 'The remote signing service answered in an unexpected format.' },
    action: { vi: 'Ký lại sau ít phút; nếu vẫn lỗi, gửi chi tiết bên dưới cho bộ phận hỗ trợ. Văn bản chưa được ký.', en: 'Try again in a few minutes; if it persists, send the details below to support. The document was not signed.' },
  },
  REMOTE_CERT_MISMATCH: {
    title: { vi: 'Chữ ký nhận về không khớp với chứng thư số của tài khoản ký.', en: 'The returned signature does not match the credential’s certificate.' },
    action: { vi: 'Không dùng chữ ký này. Báo ngay cho quản trị cổng và nhà cung cấp dịch vụ ký số. Văn bản chưa được ký.', en: 'This signature was not used. Tell the portal administrator and the signing provider. The document was not signed.' },
  },
  REMOTE_BATCH_COUNT: {
    title: { vi: 'Số chữ ký nhận về khác số văn bản gửi ký.', en: 'The number of signatures differs from the number of documents.' },
    action: { vi: 'Ký ít văn bản hơn trong một lần hoặc ký lại; không văn bản nào được ký.', en: 'Sign fewer documents at once or try again; no document was signed.' },
  },
  REMOTE_CREDENTIAL: {
    title: { vi: 'Tài khoản ký (chứng thư số) này không dùng được để ký.', en: 'This signing credential cannot be used.' },
    action: { vi: 'Chọn chứng thư số khác hoặc liên hệ nhà cung cấp dịch vụ ký số.', en: 'Choose another credential or contact the signing provider.' },
  },
  REMOTE_FAILED: {
    title: { vi: 'Dịch vụ ký số từ xa báo lỗi.', en: 'The remote signing service reported an error.' },
    action: { vi: 'Ký lại sau ít phút; nếu vẫn lỗi, gửi chi tiết bên dưới cho bộ phận hỗ trợ. Văn bản chưa được ký.', en: 'Try again in a few minutes; if it persists, send the details below to support. The document was not signed.' },
  },
  NO_PROVIDER: {
    title: { vi: 'Chưa có cách ký nào để ký văn bản.', en: 'There is no way of signing to sign with.' },
    action: {
      vi: 'Cổng cần cấu hình ít nhất một cách ký (thuộc tính providers hoặc registerSignerProvider); báo quản trị cổng. Văn bản chưa được ký.',
      en: 'The portal must offer at least one way of signing (the providers property or registerSignerProvider); tell the portal administrator. The document was not signed.',
    },
  },
  NO_DOCUMENT: {
    title: { vi: 'Chưa có văn bản để ký.', en: 'There is no document to sign.' },
    action: { vi: 'Chọn tệp PDF cần ký.', en: 'Choose the PDF to sign.' },
  },
};
problems.CERT_NOT_YET_VALID = problems.CERT_EXPIRED!;
problems.REMOTE_CLOSED = problems.REMOTE_CONNECT!;
problems.REMOTE_NO_WS = problems.REMOTE_CONNECT!;
problems.P12_DECRYPT = problems.P12_PASSWORD!;
problems.TSA_RESPONSE = problems.TSA_HTTP!;
problems.TSA_REFUSED = problems.TSA_HTTP!;
problems.TSA_MISMATCH = problems.TSA_HTTP!;

const unknown: Omit<SignProblem, 'code' | 'detail'> = {
  title: { vi: 'Không ký được văn bản.', en: 'The document could not be signed.' },
  action: { vi: 'Thử lại; nếu vẫn lỗi, gửi nội dung lỗi bên dưới cho bộ phận hỗ trợ.', en: 'Try again; if it fails again, send the details below to support.' },
};

/** Explains an error thrown while signing (a `PdfSignatureError` code, or anything else). */
export function explainError(error: unknown): SignProblem {
  const e = error as { code?: unknown; vi?: unknown; en?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : 'UNKNOWN';
  const known = problems[code] ?? unknown;
  const detail =
    typeof e?.vi === 'string' && typeof e.en === 'string'
      ? { vi: e.vi, en: e.en }
      : e && typeof e.message === 'string'
        ? { vi: e.message, en: e.message }
        : undefined;
  return { code, ...known, ...(detail ? { detail } : {}) };
}

/** The problem a fresh signature's report shows about the certificate itself (expired), if any. */
export function certificateProblem(report: VerificationReport): SignProblem | undefined {
  const last = report.signatures.at(-1);
  if (last?.subIndication === 'OUT_OF_BOUNDS_NO_POE' || last?.subIndication === 'NOT_YET_VALID') {
    const check = last.checks.find((c) => !c.passed && (c.id === 'NotExpired' || c.id === 'NotYetValid'));
    return { code: 'CERT_EXPIRED', ...problems.CERT_EXPIRED!, ...(check ? { detail: check.message } : {}) };
  }
  return undefined;
}
