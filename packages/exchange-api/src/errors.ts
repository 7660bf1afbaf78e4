import { z } from 'zod';

/** Every error code of the contract, with its HTTP status and its Vietnamese and English message. */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  INVALID_EDXML: { status: 422, vi: 'Gói tin edXML không hợp lệ.', en: 'The edXML package is not valid.' },
  SECRET_DOCUMENT: {
    status: 422,
    vi: 'Văn bản mật không được gửi qua mạng.',
    en: 'Secret documents must not be sent over the network.',
  },
  UNKNOWN_RECIPIENT: {
    status: 422,
    vi: 'Cơ quan nhận không có trong danh bạ của trục.',
    en: 'A recipient agency is not in the hub directory.',
  },
  SENDER_MISMATCH: {
    status: 403,
    vi: 'Cơ quan gửi trong gói tin không thuộc hệ thống đang kết nối.',
    en: 'The sending agency in the package does not belong to the calling system.',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    vi: 'Thân yêu cầu đến quá chậm: kết nối bị cắt, hãy gửi lại.',
    en: 'The request body arrived too slowly: the connection was cut off, send it again.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Gói tin vượt quá dung lượng cho phép.', en: 'The package is larger than allowed.' },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Thiếu thông tin xác thực của hệ thống gửi.',
    en: 'The request carries no system authentication.',
  },
  BAD_SIGNATURE: { status: 401, vi: 'Chữ ký HMAC của yêu cầu không đúng.', en: 'The HMAC signature of the request is wrong.' },
  UNKNOWN_SYSTEM: {
    status: 401,
    vi: 'Hệ thống (system id) chưa được đăng ký trên trục.',
    en: 'The system id is not registered on the hub.',
  },
  CLOCK_SKEW: {
    status: 401,
    vi: 'Thời điểm ký yêu cầu lệch quá giới hạn cho phép.',
    en: 'The request timestamp is outside the allowed clock skew.',
  },
  REPLAYED_REQUEST: {
    status: 401,
    vi: 'Yêu cầu đã được gửi trước đó (phát lại).',
    en: 'The request was already received (replay).',
  },
  FORBIDDEN: { status: 403, vi: 'Hệ thống không có quyền thực hiện thao tác này.', en: 'The system may not do this.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    vi: 'Khóa chống trùng đã được dùng cho một gói tin khác.',
    en: 'The idempotency key was already used for a different package.',
  },
  STATUS_OUT_OF_ORDER: {
    status: 409,
    vi: 'Trạng thái không thể lùi về bước trước đó.',
    en: 'The status cannot go back to an earlier step.',
  },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests, try again later.' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống của trục.', en: 'Internal hub error.' },
  UNAVAILABLE: { status: 503, vi: 'Trục tạm thời không phục vụ được.', en: 'The hub is temporarily unavailable.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;
export const ERROR_CODES = Object.keys(errorCatalog) as [ErrorCode, ...ErrorCode[]];

export const LocalizedMessageSchema = z
  .object({ vi: z.string(), en: z.string() })
  .meta({ id: 'LocalizedMessage', description: 'A message in Vietnamese (first) and English.' });

/** An issue inside `details.issues`: where and what. */
export const ErrorIssueSchema = z
  .object({
    code: z.string(),
    path: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    message: LocalizedMessageSchema,
  })
  .meta({ id: 'ErrorIssue' });

/**
 * The one error body of the kit's HTTP APIs for a catalogue of codes: `{ code, message: { vi, en }, details? }`, with
 * located issues in `details.issues`. The exchange API's `ErrorBodySchema` and the office API's are both made here.
 */
export function errorBodySchemaFor<const Codes extends readonly [string, ...string[]]>(codes: Codes) {
  return z.object({
    code: z.enum(codes),
    message: LocalizedMessageSchema,
    details: z
      .object({ issues: z.array(ErrorIssueSchema).optional() })
      .catchall(z.unknown())
      .optional(),
  });
}

/** The body of error `code` of a catalogue, with its catalogue message unless a more precise one is given. */
export function errorBodyFrom<Code extends string, Body extends { code: Code; message: { vi: string; en: string }; details?: unknown }>(
  catalog: Record<Code, { vi: string; en: string }>,
  code: Code,
  details?: Body['details'],
  message?: { vi: string; en: string },
): Body {
  const def = catalog[code];
  const body = { code, message: message ?? { vi: def.vi, en: def.en } } as Body;
  if (details !== undefined) body.details = details;
  return body;
}

export const ErrorBodySchema = errorBodySchemaFor(ERROR_CODES).meta({
  id: 'Error',
  description: 'Every error the hub returns: a contract code and a vi/en message.',
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

/** Builds an error body from the catalog, optionally with a more precise message and details. */
export function errorBody(code: ErrorCode, details?: ErrorBody['details'], message?: { vi: string; en: string }): ErrorBody {
  return errorBodyFrom<ErrorCode, ErrorBody>(errorCatalog, code, details, message);
}

/** The HTTP status of an error code. */
export function errorStatus(code: ErrorCode): number {
  return errorCatalog[code].status;
}
