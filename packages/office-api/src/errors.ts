import { errorBodyFrom, errorBodySchemaFor, ErrorIssueSchema, LocalizedMessageSchema } from '@egov-vn/exchange-api';
import type { z } from 'zod';

/**
 * Every error code of the office contract, with its HTTP status and its Vietnamese and English message. The body has
 * the same shape as the exchange contract's errors (`{ code, message: { vi, en }, details? }`), so a portal shows both
 * the same way.
 */
export const officeErrorCatalog = {
  VALIDATION_FAILED: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ.',
    en: 'Not signed in, or the sign-in token is not valid.',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Vai trò của người dùng không được phép thực hiện thao tác này.',
    en: "The user's role may not do this.",
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  INVALID_STATE: {
    status: 409,
    vi: 'Văn bản không ở bước cho phép thao tác này.',
    en: 'The document is not at a step that allows this action.',
  },
  VERSION_CONFLICT: {
    status: 409,
    vi: 'Dự thảo đã được người khác sửa; hãy tải lại trước khi lưu.',
    en: 'Someone else changed the draft; reload it before saving.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.', en: 'The request body is larger than allowed.' },
  INVALID_DOCUMENT: {
    status: 422,
    vi: 'Văn bản chưa đúng thể thức theo Nghị định 30/2020.',
    en: 'The document does not follow the format of Nghị định 30/2020.',
  },
  INVALID_PDF: { status: 422, vi: 'Tệp không phải PDF hợp lệ.', en: 'The file is not a valid PDF.' },
  SIGNATURE_INVALID: {
    status: 422,
    vi: 'Chữ ký số trên tệp PDF không hợp lệ, không được tin cậy hoặc không đúng loại chứng thư.',
    en: 'The digital signature on the PDF is not valid, not trusted, or made with the wrong kind of certificate.',
  },
  SECRET_DOCUMENT: {
    status: 422,
    vi: 'Văn bản mật không được gửi qua mạng.',
    en: 'Secret documents must not be sent over the network.',
  },
  UNKNOWN_RECIPIENT: {
    status: 422,
    vi: 'Cơ quan nhận không có trong danh bạ.',
    en: 'A recipient agency is not in the directory.',
  },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests, try again later.' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống của máy chủ văn phòng.', en: 'Internal office server error.' },
  EXCHANGE_FAILED: {
    status: 502,
    vi: 'Trục trao đổi văn bản từ chối hoặc không trả lời; văn bản được giữ lại để gửi lại.',
    en: 'The exchange refused or did not answer; the document is kept to be sent again.',
  },
  UNAVAILABLE: { status: 503, vi: 'Máy chủ văn phòng tạm thời không phục vụ được.', en: 'The office server is temporarily unavailable.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type OfficeErrorCode = keyof typeof officeErrorCatalog;
export const OFFICE_ERROR_CODES = Object.keys(officeErrorCatalog) as [OfficeErrorCode, ...OfficeErrorCode[]];

export { ErrorIssueSchema, LocalizedMessageSchema };

export const OfficeErrorBodySchema = errorBodySchemaFor(OFFICE_ERROR_CODES).meta({
  id: 'OfficeError',
  description: 'Every error the office server returns: a contract code and a vi/en message (the exchange error shape).',
});

export type OfficeErrorBody = z.infer<typeof OfficeErrorBodySchema>;

/** Builds an error body from the catalog, optionally with a more precise message and details. */
export function officeErrorBody(code: OfficeErrorCode, details?: OfficeErrorBody['details'], message?: { vi: string; en: string }): OfficeErrorBody {
  return errorBodyFrom<OfficeErrorCode, OfficeErrorBody>(officeErrorCatalog, code, details, message);
}

/** The HTTP status of an error code. */
export function officeErrorStatus(code: OfficeErrorCode): number {
  return officeErrorCatalog[code].status;
}
