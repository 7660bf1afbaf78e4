import type { z } from 'zod';
import type { ErrorCode } from './errors.js';
import * as s from './schemas.js';

/** One operation of the contract. Paths use OpenAPI templates (`{id}`). */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  summary: { vi: string; en: string };
  /** false only for the public documents (health, OpenAPI). */
  auth: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * Media types the body may also take instead of JSON: the raw payload itself (the edXML package of a send, streamed
   * into the hub's checker), described in the OpenAPI document beside the JSON form.
   */
  rawBodies?: ReadonlyArray<{ mediaType: string; description: string }>;
  /** Request headers besides the signature headers. */
  headers?: ReadonlyArray<{ name: string; description: string }>;
  /** Success status and body: a JSON schema, or a binary media type. */
  success: { status: 200 | 201; schema: z.ZodType } | { status: 200; mediaType: string };
  errors: readonly ErrorCode[];
}

const AUTH_ERRORS = ['UNAUTHENTICATED', 'BAD_SIGNATURE', 'UNKNOWN_SYSTEM', 'CLOCK_SKEW', 'REPLAYED_REQUEST', 'FORBIDDEN', 'RATE_LIMITED'] as const;

/** Every operation of the exchange API, keyed by operation id. */
export const routes = {
  health: {
    method: 'GET',
    path: '/health',
    summary: { vi: 'Tình trạng của trục', en: 'Hub health' },
    auth: false,
    success: { status: 200, schema: s.HealthSchema },
    errors: [],
  },
  sendDocument: {
    method: 'POST',
    path: '/v1/documents',
    summary: { vi: 'Gửi gói tin văn bản điện tử', en: 'Send a document package' },
    auth: true,
    body: s.SendDocumentRequestSchema,
    rawBodies: [
      {
        mediaType: 'application/xml',
        description:
          'The edXML document package itself (QCVN 102:2016, UTF-8), streamed into the checker as it arrives; the message id in ' +
          '`Idempotency-Key`; paper or not as the package\'s TraceHeaderList/Bussiness/Paper says; `x-egov-content-sha256` is the ' +
          'SHA-256 of these bytes. `text/xml` is accepted as well.',
      },
    ],
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'Used as the message id when the body has none (always, with an XML body): a retry with the same key is not delivered twice.',
      },
    ],
    success: { status: 201, schema: s.SendDocumentResponseSchema },
    errors: [
      ...AUTH_ERRORS,
      'VALIDATION_FAILED',
      'INVALID_EDXML',
      'SECRET_DOCUMENT',
      'UNKNOWN_RECIPIENT',
      'SENDER_MISMATCH',
      'PAYLOAD_TOO_LARGE',
      'REQUEST_TIMEOUT',
      'IDEMPOTENCY_CONFLICT',
    ],
  },
  listInbox: {
    method: 'GET',
    path: '/v1/inbox',
    summary: { vi: 'Danh sách văn bản đến', en: 'List received documents' },
    auth: true,
    query: s.ListInboxQuerySchema,
    success: { status: 200, schema: s.InboxPageSchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED'],
  },
  listSent: {
    method: 'GET',
    path: '/v1/sent',
    summary: { vi: 'Danh sách văn bản đã gửi', en: 'List sent documents' },
    auth: true,
    query: s.ListSentQuerySchema,
    success: { status: 200, schema: s.SentPageSchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED'],
  },
  getDocument: {
    method: 'GET',
    path: '/v1/documents/{id}',
    summary: { vi: 'Thông tin một văn bản', en: 'Get one document' },
    auth: true,
    params: s.DocumentParamsSchema,
    success: { status: 200, schema: s.DocumentViewSchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  downloadEdxml: {
    method: 'GET',
    path: '/v1/documents/{id}/edxml',
    summary: { vi: 'Tải gói tin edXML', en: 'Download the edXML package' },
    auth: true,
    params: s.DocumentParamsSchema,
    success: { status: 200, mediaType: 'application/xml' },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  downloadAttachment: {
    method: 'GET',
    path: '/v1/documents/{id}/attachments/{index}',
    summary: { vi: 'Tải tệp đính kèm', en: 'Download an attachment' },
    auth: true,
    params: s.AttachmentParamsSchema,
    success: { status: 200, mediaType: 'application/octet-stream' },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  acknowledge: {
    method: 'POST',
    path: '/v1/inbox/{id}/ack',
    summary: { vi: 'Xác nhận đã nhận (tầng truyền)', en: 'Acknowledge a delivery (transport level)' },
    auth: true,
    params: s.DocumentParamsSchema,
    body: s.AcknowledgeRequestSchema,
    success: { status: 200, schema: s.InboxItemSchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  updateStatus: {
    method: 'POST',
    path: '/v1/documents/{id}/status',
    summary: { vi: 'Cập nhật trạng thái xử lý (mã 01–16)', en: 'Update the business status (codes 01–16)' },
    auth: true,
    params: s.DocumentParamsSchema,
    body: s.UpdateStatusRequestSchema,
    success: { status: 200, schema: s.UpdateStatusResponseSchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND', 'STATUS_OUT_OF_ORDER'],
  },
  getTrace: {
    method: 'GET',
    path: '/v1/documents/{id}/trace',
    summary: { vi: 'Vết của văn bản: nơi nhận, xác nhận, trạng thái', en: 'Trace: who received, acknowledged, when' },
    auth: true,
    params: s.DocumentParamsSchema,
    success: { status: 200, schema: s.TraceSchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  emailCopy: {
    method: 'POST',
    path: '/v1/documents/{id}/email-copy',
    summary: { vi: 'Bản sao điện tử qua thư điện tử (.eml)', en: 'E-copy by e-mail (.eml)' },
    auth: true,
    params: s.DocumentParamsSchema,
    body: s.EmailCopyRequestSchema,
    success: { status: 200, mediaType: 'message/rfc822' },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  listAgencies: {
    method: 'GET',
    path: '/v1/agencies',
    summary: { vi: 'Danh bạ cơ quan', en: 'Agency directory' },
    auth: true,
    query: s.ListAgenciesQuerySchema,
    success: { status: 200, schema: s.AgencyPageSchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED'],
  },
  getAgency: {
    method: 'GET',
    path: '/v1/agencies/{code}',
    summary: { vi: 'Tra cứu cơ quan theo mã định danh', en: 'Look up an agency by code' },
    auth: true,
    params: s.AgencyParamsSchema,
    success: { status: 200, schema: s.AgencySchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  registerAgency: {
    method: 'PUT',
    path: '/v1/agencies/{code}',
    summary: {
      vi: 'Đăng ký địa chỉ nhận và hộp thư công vụ của cơ quan',
      en: "Register an agency's receiving address and official e-mail",
    },
    auth: true,
    params: s.AgencyParamsSchema,
    body: s.RegisterAgencyRequestSchema,
    success: { status: 200, schema: s.AgencySchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED'],
  },
  getStats: {
    method: 'GET',
    path: '/v1/stats',
    summary: { vi: 'Thống kê sử dụng theo kỳ', en: 'Usage statistics for a period' },
    auth: true,
    query: s.StatsQuerySchema,
    success: { status: 200, schema: s.StatsSchema },
    errors: [...AUTH_ERRORS, 'VALIDATION_FAILED'],
  },
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type OperationId = keyof Routes;

/** Fills `{name}` templates of a route path. */
export function routePath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new TypeError(`Missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}
