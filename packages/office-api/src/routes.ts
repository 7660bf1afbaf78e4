import type { z } from 'zod';
import type { OfficeErrorCode } from './errors.js';
import * as s from './schemas.js';
import type { Role } from './schemas.js';

/** One operation of the office contract. Paths use OpenAPI templates (`{id}`). */
export interface OfficeRouteDef {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  summary: { vi: string; en: string };
  /** The roles that may call it; `public` needs no token (health). Per-document rules come on top (see README). */
  roles: readonly Role[] | 'public';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success status and body: a JSON schema, or a binary media type. */
  success: { status: 200 | 201; schema: z.ZodType } | { status: 200; mediaType: string; alternatives?: readonly string[] };
  errors: readonly OfficeErrorCode[];
}

const AUTH = ['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED'] as const;
const ALL: readonly Role[] = ['vanThu', 'lanhDao', 'chuyenVien', 'quanTri'];
const DOCS: readonly Role[] = ['vanThu', 'lanhDao', 'chuyenVien'];
const CLERK: readonly Role[] = ['vanThu'];

/** Every operation of the office API, keyed by operation id. */
export const officeRoutes = {
  health: {
    method: 'GET',
    path: '/health',
    summary: { vi: 'Tình trạng máy chủ văn phòng', en: 'Office server health' },
    roles: 'public',
    success: { status: 200, schema: s.OfficeHealthSchema },
    errors: [],
  },
  getMe: {
    method: 'GET',
    path: '/v1/me',
    summary: { vi: 'Người dùng hiện tại và các thao tác được phép', en: 'The current user and what they may do' },
    roles: ALL,
    success: { status: 200, schema: s.MeSchema },
    errors: [...AUTH],
  },
  // ---- incoming ----
  listIncoming: {
    method: 'GET',
    path: '/v1/incoming',
    summary: { vi: 'Danh sách văn bản đến', en: 'List incoming documents' },
    roles: DOCS,
    query: s.ListIncomingQuerySchema,
    success: { status: 200, schema: s.IncomingPageSchema },
    errors: [...AUTH, 'VALIDATION_FAILED'],
  },
  getIncoming: {
    method: 'GET',
    path: '/v1/incoming/{id}',
    summary: { vi: 'Chi tiết văn bản đến', en: 'One incoming document' },
    roles: DOCS,
    params: s.IdParamsSchema,
    success: { status: 200, schema: s.IncomingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  downloadIncomingAttachment: {
    method: 'GET',
    path: '/v1/incoming/{id}/attachments/{index}',
    summary: { vi: 'Tải tệp của văn bản đến', en: 'Download a file of an incoming document' },
    roles: DOCS,
    params: s.AttachmentParamsSchema,
    success: { status: 200, mediaType: 'application/octet-stream' },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  receiveIncoming: {
    method: 'POST',
    path: '/v1/incoming/{id}/receive',
    summary: { vi: 'Tiếp nhận và vào sổ văn bản đến (trạng thái 03)', en: 'Receive and register (status 03)' },
    roles: CLERK,
    params: s.IdParamsSchema,
    body: s.ReceiveIncomingRequestSchema,
    success: { status: 200, schema: s.IncomingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE'],
  },
  assignIncoming: {
    method: 'POST',
    path: '/v1/incoming/{id}/assign',
    summary: { vi: 'Phân công xử lý, hạn theo ngày làm việc (trạng thái 04)', en: 'Assign, due in working days (status 04)' },
    roles: ['vanThu', 'lanhDao'],
    params: s.IdParamsSchema,
    body: s.AssignIncomingRequestSchema,
    success: { status: 200, schema: s.IncomingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE'],
  },
  startIncoming: {
    method: 'POST',
    path: '/v1/incoming/{id}/start',
    summary: { vi: 'Bắt đầu xử lý (trạng thái 05)', en: 'Start handling (status 05)' },
    roles: DOCS,
    params: s.IdParamsSchema,
    body: s.CompleteIncomingRequestSchema,
    success: { status: 200, schema: s.IncomingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE'],
  },
  completeIncoming: {
    method: 'POST',
    path: '/v1/incoming/{id}/done',
    summary: { vi: 'Hoàn thành xử lý (trạng thái 06), chỉ người chủ trì', en: 'Mark done (status 06), lead handler only' },
    roles: DOCS,
    params: s.IdParamsSchema,
    body: s.CompleteIncomingRequestSchema,
    success: { status: 200, schema: s.IncomingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE'],
  },
  returnIncoming: {
    method: 'POST',
    path: '/v1/incoming/{id}/return',
    summary: { vi: 'Trả lại văn bản kèm lý do (trạng thái 02)', en: 'Return with a reason (status 02)' },
    roles: ['vanThu', 'lanhDao'],
    params: s.IdParamsSchema,
    body: s.ReturnIncomingRequestSchema,
    success: { status: 200, schema: s.IncomingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE'],
  },
  // ---- outgoing ----
  listOutgoing: {
    method: 'GET',
    path: '/v1/outgoing',
    summary: { vi: 'Danh sách văn bản đi', en: 'List outgoing documents' },
    roles: DOCS,
    query: s.ListOutgoingQuerySchema,
    success: { status: 200, schema: s.OutgoingPageSchema },
    errors: [...AUTH, 'VALIDATION_FAILED'],
  },
  getOutgoing: {
    method: 'GET',
    path: '/v1/outgoing/{id}',
    summary: { vi: 'Chi tiết văn bản đi và trạng thái từng nơi nhận', en: 'One outgoing document and each recipient’s status' },
    roles: DOCS,
    params: s.IdParamsSchema,
    success: { status: 200, schema: s.OutgoingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  resendOutgoing: {
    method: 'POST',
    path: '/v1/outgoing/{id}/resend',
    summary: { vi: 'Gửi lại tới nơi nhận chưa nhận được', en: 'Send again to recipients that did not get it' },
    roles: CLERK,
    params: s.IdParamsSchema,
    body: s.ResendOutgoingRequestSchema,
    success: { status: 200, schema: s.OutgoingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'EXCHANGE_FAILED'],
  },
  revokeOutgoing: {
    method: 'POST',
    path: '/v1/outgoing/{id}/revoke',
    summary: { vi: 'Thu hồi văn bản đã gửi', en: 'Revoke a sent document' },
    roles: CLERK,
    params: s.IdParamsSchema,
    body: s.RevokeOutgoingRequestSchema,
    success: { status: 200, schema: s.OutgoingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'EXCHANGE_FAILED'],
  },
  replaceOutgoing: {
    method: 'POST',
    path: '/v1/outgoing/{id}/replace',
    summary: { vi: 'Soạn văn bản thay thế văn bản đã gửi', en: 'Draft a document replacing a sent one' },
    roles: DOCS,
    params: s.IdParamsSchema,
    body: s.ReplaceOutgoingRequestSchema,
    success: { status: 201, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE'],
  },
  // ---- drafts ----
  listDrafts: {
    method: 'GET',
    path: '/v1/drafts',
    summary: { vi: 'Danh sách dự thảo', en: 'List drafts' },
    roles: DOCS,
    query: s.ListDraftsQuerySchema,
    success: { status: 200, schema: s.DraftPageSchema },
    errors: [...AUTH, 'VALIDATION_FAILED'],
  },
  createDraft: {
    method: 'POST',
    path: '/v1/drafts',
    summary: { vi: 'Tạo dự thảo', en: 'Create a draft' },
    roles: DOCS,
    body: s.CreateDraftRequestSchema,
    success: { status: 201, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
  },
  getDraft: {
    method: 'GET',
    path: '/v1/drafts/{id}',
    summary: { vi: 'Một dự thảo', en: 'One draft' },
    roles: DOCS,
    params: s.IdParamsSchema,
    success: { status: 200, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  updateDraft: {
    method: 'PUT',
    path: '/v1/drafts/{id}',
    summary: { vi: 'Sửa dự thảo', en: 'Update a draft' },
    roles: DOCS,
    params: s.IdParamsSchema,
    body: s.UpdateDraftRequestSchema,
    success: { status: 200, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'VERSION_CONFLICT', 'PAYLOAD_TOO_LARGE'],
  },
  addDraftAttachment: {
    method: 'POST',
    path: '/v1/drafts/{id}/attachments',
    summary: { vi: 'Đính kèm phụ lục', en: 'Attach an appendix file' },
    roles: DOCS,
    params: s.IdParamsSchema,
    body: s.AddDraftAttachmentRequestSchema,
    success: { status: 200, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'PAYLOAD_TOO_LARGE'],
  },
  downloadDraftPdf: {
    method: 'GET',
    path: '/v1/drafts/{id}/pdf',
    summary: { vi: 'Tải bản PDF đã ký hiện tại', en: 'Download the current signed PDF' },
    roles: DOCS,
    params: s.IdParamsSchema,
    success: { status: 200, mediaType: 'application/pdf' },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  submitDraft: {
    method: 'POST',
    path: '/v1/drafts/{id}/submit',
    summary: { vi: 'Trình ký', en: 'Submit for signature' },
    roles: DOCS,
    params: s.IdParamsSchema,
    body: s.SubmitDraftRequestSchema,
    success: { status: 200, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'INVALID_DOCUMENT', 'SECRET_DOCUMENT'],
  },
  signDraft: {
    method: 'POST',
    path: '/v1/drafts/{id}/sign',
    summary: { vi: 'Lãnh đạo ký (chỉ người được trình)', en: 'The leader signs (only the one submitted to)' },
    roles: ['lanhDao'],
    params: s.IdParamsSchema,
    body: s.SignDraftRequestSchema,
    success: { status: 200, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'INVALID_PDF', 'SIGNATURE_INVALID', 'UNAVAILABLE', 'PAYLOAD_TOO_LARGE'],
  },
  numberDraft: {
    method: 'POST',
    path: '/v1/drafts/{id}/number',
    summary: { vi: 'Văn thư cấp số từ sổ văn bản đi', en: 'The clerk gives the number from the outgoing register' },
    roles: CLERK,
    params: s.IdParamsSchema,
    body: s.NumberDraftRequestSchema,
    success: { status: 200, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE'],
  },
  sealDraft: {
    method: 'POST',
    path: '/v1/drafts/{id}/seal',
    summary: { vi: 'Văn thư ký số của cơ quan (đóng dấu)', en: 'The clerk applies the agency’s digital seal' },
    roles: CLERK,
    params: s.IdParamsSchema,
    body: s.SealDraftRequestSchema,
    success: { status: 200, schema: s.DraftSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'INVALID_PDF', 'SIGNATURE_INVALID', 'UNAVAILABLE', 'PAYLOAD_TOO_LARGE'],
  },
  sendDraft: {
    method: 'POST',
    path: '/v1/drafts/{id}/send',
    summary: { vi: 'Gửi văn bản qua trục', en: 'Send through the exchange' },
    roles: CLERK,
    params: s.IdParamsSchema,
    body: s.SendDraftRequestSchema,
    success: { status: 200, schema: s.OutgoingDetailSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE', 'INVALID_DOCUMENT', 'SECRET_DOCUMENT', 'UNKNOWN_RECIPIENT', 'EXCHANGE_FAILED'],
  },
  // ---- registers ----
  listRegister: {
    method: 'GET',
    path: '/v1/registers/{kind}',
    summary: { vi: 'Sổ đăng ký văn bản đi/đến', en: 'The outgoing or incoming register' },
    roles: ['vanThu', 'lanhDao'],
    params: s.RegisterParamsSchema,
    query: s.ListRegisterQuerySchema,
    success: { status: 200, schema: s.RegisterPageSchema },
    errors: [...AUTH, 'VALIDATION_FAILED'],
  },
  exportRegister: {
    method: 'GET',
    path: '/v1/registers/{kind}/export',
    summary: { vi: 'Xuất sổ đăng ký (CSV, JSON, PDF)', en: 'Export a register (CSV, JSON, PDF)' },
    roles: ['vanThu', 'lanhDao'],
    params: s.RegisterParamsSchema,
    query: s.ExportRegisterQuerySchema,
    success: { status: 200, mediaType: 'text/csv', alternatives: ['application/json', 'application/pdf'] },
    errors: [...AUTH, 'VALIDATION_FAILED'],
  },
  // ---- directory, users, audit ----
  searchDirectory: {
    method: 'GET',
    path: '/v1/directory',
    summary: { vi: 'Tra cứu danh bạ cơ quan', en: 'Search the agency directory' },
    roles: ALL,
    query: s.SearchDirectoryQuerySchema,
    success: { status: 200, schema: s.DirectoryPageSchema },
    errors: [...AUTH, 'VALIDATION_FAILED', 'EXCHANGE_FAILED'],
  },
  listUsers: {
    method: 'GET',
    path: '/v1/users',
    summary: { vi: 'Người dùng của cơ quan', en: 'The agency’s users' },
    roles: ALL,
    query: s.ListUsersQuerySchema,
    success: { status: 200, schema: s.UserPageSchema },
    errors: [...AUTH, 'VALIDATION_FAILED'],
  },
  listRoles: {
    method: 'GET',
    path: '/v1/roles',
    summary: { vi: 'Các vai trò và thao tác được phép', en: 'Roles and what each may do' },
    roles: ALL,
    success: { status: 200, schema: s.RoleListSchema },
    errors: [...AUTH],
  },
  listAudit: {
    method: 'GET',
    path: '/v1/audit',
    summary: { vi: 'Nhật ký thao tác (chỉ quản trị)', en: 'Audit log (administrators only)' },
    roles: ['quanTri'],
    query: s.ListAuditQuerySchema,
    success: { status: 200, schema: s.AuditPageSchema },
    errors: [...AUTH, 'VALIDATION_FAILED'],
  },
} as const satisfies Record<string, OfficeRouteDef>;

export type OfficeRoutes = typeof officeRoutes;
export type OfficeOperationId = keyof OfficeRoutes;

/** The operation ids a user with these roles may call (route roles only; per-document rules come on top). */
export function allowedOperations(roles: readonly Role[]): OfficeOperationId[] {
  return (Object.entries(officeRoutes) as Array<[OfficeOperationId, OfficeRouteDef]>)
    .filter(([, r]) => r.roles !== 'public' && r.roles.some((role) => roles.includes(role)))
    .map(([id]) => id);
}

/** Fills `{name}` templates of a route path. */
export function officeRoutePath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new TypeError(`Missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}
