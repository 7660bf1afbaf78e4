import { AgencyCodeSchema, DeliveryStateSchema, ErrorIssueSchema, LocalizedMessageSchema, StatusCodeSchema } from '@egov-vn/exchange-api';
import { URGENCY_LEVELS } from '@egov-vn/schemas';
import { z } from 'zod';

export { AgencyCodeSchema, StatusCodeSchema };

const Timestamp = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();
const Cursor = z.string().max(200);
const Limit = z.coerce.number().int().min(1).max(200).default(50);
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const Note = z.string().max(2000);
/** Base64 of a PDF, at most 20 MiB decoded. */
const PdfBase64 = z
  .string()
  .min(8)
  .max(Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .describe('The PDF, base64 (at most 20 MiB).');

/** Ids the office server gives its records: 24 lowercase hex digits. */
export const OfficeIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}$/)
  .meta({ id: 'OfficeId', description: 'An id given by the office server (24 hex digits).' });

// ---------- Users and roles ----------

/**
 * The roles of an agency office: văn thư (clerk: registers, numbers, seals, sends), lãnh đạo (leader: assigns, signs),
 * chuyên viên (officer: drafts and handles), quản trị (administrator: users and audit log).
 */
export const ROLES = ['vanThu', 'lanhDao', 'chuyenVien', 'quanTri'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES).meta({
  id: 'Role',
  description: 'vanThu = văn thư (clerk), lanhDao = lãnh đạo (leader), chuyenVien = chuyên viên (officer), quanTri = quản trị (administrator).',
});
export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  vanThu: { vi: 'Văn thư', en: 'Clerk' },
  lanhDao: { vi: 'Lãnh đạo', en: 'Leader' },
  chuyenVien: { vi: 'Chuyên viên', en: 'Officer' },
  quanTri: { vi: 'Quản trị', en: 'Administrator' },
};

export const UserRefSchema = z
  .object({ id: z.string().min(1).max(200), name: z.string() })
  .meta({ id: 'UserRef', description: 'A user by id (the token subject) and display name.' });

export const UserSchema = z
  .object({
    id: z.string().min(1).max(200).describe('The subject (`sub`) of the user’s token.'),
    name: z.string(),
    agency: AgencyCodeSchema,
    agencyName: z.string(),
    roles: z.array(RoleSchema),
    title: z.string().nullable().describe('Chức vụ, e.g. "Phó Giám đốc".'),
    email: z.string().nullable(),
    lastSeenAt: Timestamp.nullable(),
  })
  .meta({ id: 'User' });

export const UserPageSchema = z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() }).meta({ id: 'UserPage' });

export const ListUsersQuerySchema = z.object({
  role: RoleSchema.optional(),
  q: z.string().max(200).optional().describe('Part of the name (diacritics ignored).'),
  cursor: Cursor.optional(),
  limit: Limit,
});

export const RoleInfoSchema = z
  .object({ role: RoleSchema, label: LocalizedMessageSchema, actions: z.array(z.string()) })
  .meta({ id: 'RoleInfo', description: 'A role and the operation ids it may call.' });
export const RoleListSchema = z.object({ items: z.array(RoleInfoSchema) }).meta({ id: 'RoleList' });

// ---------- Statuses ----------

/** Where an incoming document is in the agency, with the edXML status code sent back for each step. */
export const INCOMING_STATES = ['arrived', 'registered', 'assigned', 'processing', 'done', 'returned'] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];
export const IncomingStateSchema = z.enum(INCOMING_STATES).meta({
  id: 'IncomingState',
  description:
    'arrived (01 đã đến), registered (03 tiếp nhận, vào sổ đến), assigned (04 phân công), processing (05 đang xử lý), done (06 hoàn thành), returned (02 trả lại).',
});
/** The edXML status code answered to the sender when an incoming document reaches each state. */
export const INCOMING_STATE_STATUS: Record<IncomingState, '01' | '02' | '03' | '04' | '05' | '06'> = {
  arrived: '01',
  registered: '03',
  assigned: '04',
  processing: '05',
  done: '06',
  returned: '02',
};

export const UrgencySchema = z
  .enum(['thuong', ...URGENCY_LEVELS])
  .meta({ id: 'Urgency', description: 'Độ khẩn: thuong (thường), khan (khẩn), thuongKhan (thượng khẩn), hoaToc (hỏa tốc).' });

export const StatusReportSchema = z
  .object({
    code: StatusCodeSchema,
    label: LocalizedMessageSchema,
    description: z.string().nullable(),
    staff: z.string().nullable(),
    at: Timestamp,
  })
  .meta({ id: 'StatusReport', description: 'An edXML business status (01–16) reported by a recipient.' });

export const AttachmentSchema = z
  .object({ index: z.number().int().min(0), name: z.string(), contentType: z.string(), size: z.number().int().min(0) })
  .meta({ id: 'OfficeAttachment' });

export const AgencyRefSchema = z.object({ code: AgencyCodeSchema, name: z.string() }).meta({ id: 'AgencyRef' });

// ---------- Incoming ----------

export const IncomingItemSchema = z
  .object({
    id: OfficeIdSchema,
    exchangeId: z.string().describe('The id of the document on the exchange.'),
    from: AgencyRefSchema,
    subject: z.string().nullable().describe('Trích yếu.'),
    notation: z.string().nullable().describe('Số/ký hiệu, e.g. "16/VPCP-TTĐT".'),
    typeName: z.string().nullable(),
    promulgationDate: IsoDate.nullable(),
    urgency: UrgencySchema,
    state: IncomingStateSchema,
    arrivedAt: Timestamp,
    arrivalNumber: z.number().int().positive().nullable().describe('Số đến in the incoming register, once registered.'),
    arrivalDate: IsoDate.nullable(),
    dueDate: IsoDate.nullable().describe('Hạn xử lý (Việt Nam day).'),
    overdue: z.boolean().describe('Past its due date (Việt Nam time) and not done.'),
    leadHandler: UserRefSchema.nullable(),
    unread: z.boolean().describe('The calling user has not opened it.'),
    attachments: z.array(AttachmentSchema),
  })
  .meta({ id: 'IncomingItem' });

export const IncomingPageSchema = z
  .object({ items: z.array(IncomingItemSchema), nextCursor: z.string().nullable(), total: z.number().int().nullable() })
  .meta({ id: 'IncomingPage' });

export const ListIncomingQuerySchema = z.object({
  state: IncomingStateSchema.optional(),
  urgency: UrgencySchema.optional(),
  sender: AgencyCodeSchema.optional(),
  from: IsoDate.optional().describe('Arrived on or after this day (Việt Nam time).'),
  to: IsoDate.optional().describe('Arrived on or before this day (Việt Nam time).'),
  overdue: Flag.optional(),
  mine: Flag.optional().describe('Only documents the caller handles (lead or co-handler) or follows.'),
  unread: Flag.optional(),
  q: z.string().max(200).optional().describe('Words of the subject or the number/notation (diacritics ignored).'),
  cursor: Cursor.optional(),
  limit: Limit,
});

export const AssignmentSchema = z
  .object({
    lead: UserRefSchema.describe('Chủ trì: the lead handler.'),
    coHandlers: z.array(UserRefSchema).describe('Phối hợp.'),
    forInformation: z.array(UserRefSchema).describe('Để biết.'),
    workingDays: z.number().int().positive().nullable(),
    dueDate: IsoDate,
    note: z.string().nullable(),
    by: UserRefSchema,
    at: Timestamp,
  })
  .meta({ id: 'Assignment' });

export const HistoryEntrySchema = z
  .object({
    action: z.string().describe('The operation id (receiveIncoming, assignIncoming, …) or `arrived`.'),
    actor: UserRefSchema.nullable().describe('null for the system (e.g. arrival).'),
    at: Timestamp,
    note: z.string().nullable(),
    statusCode: StatusCodeSchema.nullable().describe('The status package answered to the sender, if any.'),
  })
  .meta({ id: 'HistoryEntry' });

export const IncomingDetailSchema = IncomingItemSchema.extend({
  assignment: AssignmentSchema.nullable(),
  returnReason: z.string().nullable(),
  history: z.array(HistoryEntrySchema),
  metadata: z
    .object({
      edxmlDocumentId: z.string().nullable(),
      signed: z.boolean().describe('The edXML package carries an XML signature.'),
      to: z.array(AgencyRefSchema),
      signerName: z.string().nullable(),
      signerPosition: z.string().nullable(),
    })
    .describe('What the edXML header says.'),
}).meta({ id: 'IncomingDetail' });

export const IdParamsSchema = z.object({ id: OfficeIdSchema });
export const AttachmentParamsSchema = z.object({ id: OfficeIdSchema, index: z.coerce.number().int().min(0).max(999) });

export const ReceiveIncomingRequestSchema = z
  .object({ note: Note.optional() })
  .meta({ id: 'ReceiveIncomingRequest', description: 'Tiếp nhận: registers the document in the incoming register (số đến).' });

export const AssignIncomingRequestSchema = z
  .object({
    lead: z.string().min(1).max(200).describe('User id of the lead handler (chủ trì).'),
    coHandlers: z.array(z.string().min(1).max(200)).max(50).default([]),
    forInformation: z.array(z.string().min(1).max(200)).max(50).default([]),
    workingDays: z.number().int().min(1).max(365).optional().describe('Due in this many working days (WorkCalendar).'),
    dueDate: IsoDate.optional().describe('Or an explicit due date.'),
    note: Note.optional(),
  })
  .refine((v) => v.workingDays !== undefined || v.dueDate !== undefined, {
    message: 'workingDays or dueDate is required',
    path: ['workingDays'],
  })
  .meta({ id: 'AssignIncomingRequest' });

export const CompleteIncomingRequestSchema = z.object({ note: Note.optional() }).meta({ id: 'CompleteIncomingRequest' });
export const ReturnIncomingRequestSchema = z
  .object({ reason: z.string().min(1).max(2000) })
  .meta({ id: 'ReturnIncomingRequest', description: 'Trả lại: refuses the document with a reason (status 02).' });

// ---------- Outgoing ----------

export const OUTGOING_STATES = ['sending', 'sent', 'failed', 'revoked'] as const;
export const OutgoingStateSchema = z.enum(OUTGOING_STATES).meta({
  id: 'OutgoingState',
  description: 'sending (stored, the exchange call is under way or will be retried), sent, failed (refused by the exchange), revoked (thu hồi).',
});

export const OutgoingRecipientSchema = z
  .object({
    agency: AgencyRefSchema,
    delivery: DeliveryStateSchema.nullable().describe('Transport state on the exchange; null before it is sent.'),
    status: StatusReportSchema.nullable().describe('The latest business status the recipient reported.'),
  })
  .meta({ id: 'OutgoingRecipient' });

export const OutgoingItemSchema = z
  .object({
    id: OfficeIdSchema,
    draftId: OfficeIdSchema.nullable(),
    exchangeId: z.string().nullable(),
    subject: z.string().nullable(),
    notation: z.string().describe('Số/ký hiệu.'),
    number: z.number().int().positive(),
    issuedDate: IsoDate,
    kind: z.enum(['new', 'revoke']),
    state: OutgoingStateSchema,
    sentAt: Timestamp.nullable(),
    recipients: z.array(OutgoingRecipientSchema),
  })
  .meta({ id: 'OutgoingItem' });

export const OutgoingPageSchema = z
  .object({ items: z.array(OutgoingItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'OutgoingPage' });

export const ListOutgoingQuerySchema = z.object({
  state: OutgoingStateSchema.optional(),
  q: z.string().max(200).optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});

export const OutgoingDetailSchema = OutgoingItemSchema.extend({
  trace: z.array(
    z.object({ agency: AgencyRefSchema, statuses: z.array(StatusReportSchema), acknowledgedAt: Timestamp.nullable() }),
  ),
  lastError: z.object({ code: z.string(), message: LocalizedMessageSchema }).nullable(),
  history: z.array(HistoryEntrySchema),
  replaces: OfficeIdSchema.nullable().optional().describe('Thay thế: the earlier outgoing document this one replaces (edXML business type 3).'),
  replacedBy: OfficeIdSchema.nullable()
    .optional()
    .describe('The outgoing document that replaced this one, once the exchange took it (this one is then no longer in force).'),
}).meta({ id: 'OutgoingDetail' });

export const ResendOutgoingRequestSchema = z
  .object({ recipients: z.array(AgencyCodeSchema).min(1).max(200).optional().describe('Default: those not delivered.') })
  .meta({ id: 'ResendOutgoingRequest' });

export const ReplaceOutgoingRequestSchema = z
  .object({ reason: z.string().min(1).max(2000) })
  .meta({
    id: 'ReplaceOutgoingRequest',
    description:
      'Thay thế: starts a draft replacing a sent document (its content and recipients copied, to be corrected); once numbered, sealed and sent it goes with edXML business type 3 (replace) naming the earlier document.',
  });

export const RevokeOutgoingRequestSchema = z
  .object({ reason: z.string().min(1).max(2000) })
  .meta({ id: 'RevokeOutgoingRequest', description: 'Thu hồi: sends a revoke package (edXML business type 1) to every recipient.' });

// ---------- Drafts ----------

export const DRAFT_STATES = ['draft', 'submitted', 'signed', 'numbered', 'sealed', 'sent'] as const;
export const DraftStateSchema = z.enum(DRAFT_STATES).meta({
  id: 'DraftState',
  description: 'draft → submitted (trình ký) → signed (lãnh đạo ký) → numbered (văn thư cấp số) → sealed (đóng dấu số) → sent.',
});

export const DraftDocumentSchema = z
  .record(z.string(), z.unknown())
  .meta({
    id: 'DraftDocument',
    description:
      'An AdministrativeDocument of @egov-vn/schemas (JSON Schema: @egov-vn/schemas/json-schema/administrative-document.json), possibly incomplete while a draft; checked at submit. `number` is given by the register.',
  });

export const DraftSchema = z
  .object({
    id: OfficeIdSchema,
    state: DraftStateSchema,
    version: z.number().int().positive().describe('Incremented by every change; send it back with an update.'),
    document: DraftDocumentSchema,
    recipients: z.array(AgencyRefSchema).describe('The agencies it is sent to through the exchange.'),
    issues: z.array(ErrorIssueSchema).describe('What the document still lacks to be submitted (Nghị định 30 rules).'),
    createdBy: UserRefSchema,
    signer: UserRefSchema.nullable().describe('The leader it is submitted to.'),
    signedBy: UserRefSchema.nullable(),
    signedAt: Timestamp.nullable(),
    number: z.number().int().positive().nullable(),
    notation: z.string().nullable().describe('Số/ký hiệu once numbered.'),
    issuedDate: IsoDate.nullable(),
    sealedBy: UserRefSchema.nullable(),
    pdf: z.object({ size: z.number().int(), sha256: z.string() }).nullable().describe('The current signed PDF.'),
    attachments: z.array(AttachmentSchema).describe('Appendices sent as separate files.'),
    outgoingId: OfficeIdSchema.nullable(),
    replaces: z
      .object({ outgoingId: OfficeIdSchema, notation: z.string(), reason: z.string() })
      .nullable()
      .optional()
      .describe('Thay thế: the sent document this draft replaces once it is sent, and why.'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Draft' });

export const DraftPageSchema = z
  .object({ items: z.array(DraftSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'DraftPage' });

export const ListDraftsQuerySchema = z.object({
  state: DraftStateSchema.optional(),
  mine: Flag.optional().describe('Only drafts the caller created or must sign.'),
  cursor: Cursor.optional(),
  limit: Limit,
});

export const CreateDraftRequestSchema = z
  .object({ document: DraftDocumentSchema, recipients: z.array(AgencyCodeSchema).max(200).default([]) })
  .meta({ id: 'CreateDraftRequest' });

export const UpdateDraftRequestSchema = z
  .object({
    version: z.number().int().positive().describe('The version read; a stale version is refused (VERSION_CONFLICT).'),
    document: DraftDocumentSchema.optional(),
    recipients: z.array(AgencyCodeSchema).max(200).optional(),
  })
  .meta({ id: 'UpdateDraftRequest' });

export const AddDraftAttachmentRequestSchema = z
  .object({ name: z.string().min(1).max(255), contentType: z.string().min(1).max(100), data: PdfBase64 })
  .meta({ id: 'AddDraftAttachmentRequest', description: 'An appendix file (base64, at most 20 MiB).' });

export const SubmitDraftRequestSchema = z
  .object({ signer: z.string().min(1).max(200).describe('User id of the leader who signs.'), note: Note.optional() })
  .meta({ id: 'SubmitDraftRequest', description: 'Trình ký.' });

export const SignDraftRequestSchema = z
  .object({ pdf: PdfBase64, note: Note.optional() })
  .meta({
    id: 'SignDraftRequest',
    description: 'The PDF signed by the leader (PAdES, in the browser with the leader’s token or signing service).',
  });

export const NumberDraftRequestSchema = z
  .object({ date: IsoDate.optional().describe('Ngày ban hành (default: today, Việt Nam time).') })
  .meta({ id: 'NumberDraftRequest', description: 'Cấp số: the next number of the outgoing register.' });

export const SealDraftRequestSchema = z
  .object({ pdf: PdfBase64 })
  .meta({ id: 'SealDraftRequest', description: 'The PDF with the agency’s digital signature (ký số của cơ quan) over the number.' });

export const SendDraftRequestSchema = z.object({}).meta({ id: 'SendDraftRequest' });

// ---------- Registers ----------

export const REGISTER_KINDS = ['incoming', 'outgoing'] as const;
export const RegisterKindSchema = z
  .enum(REGISTER_KINDS)
  .meta({ id: 'RegisterKind', description: 'incoming = sổ đăng ký văn bản đến, outgoing = sổ đăng ký văn bản đi.' });

/** One row of a register, with the fields of Nghị định 30/2020 Phụ lục VI (names in brackets). */
export const RegisterEntrySchema = z
  .object({
    kind: RegisterKindSchema,
    year: z.number().int(),
    number: z.number().int().positive().describe('Số đến (ArrivalNumber) or số văn bản đi (CodeNumber).'),
    registeredAt: Timestamp,
    documentId: OfficeIdSchema.describe('The incoming or outgoing document.'),
    organId: AgencyCodeSchema.describe('Issuing body (OrganId).'),
    organName: z.string().describe('OrganName.'),
    codeNumber: z.string().nullable().describe('CodeNumber.'),
    codeNotation: z.string().nullable().describe('CodeNotation.'),
    issuedDate: IsoDate.nullable().describe('IssuedDate.'),
    typeName: z.string().nullable().describe('TypeName.'),
    subject: z.string().nullable().describe('Subject.'),
    signer: z.string().nullable().describe('SignerInfo (FullName, Position).'),
    priority: z.number().int().min(0).max(9).describe('Priority: độ khẩn (0 thường).'),
    arrivalDate: IsoDate.nullable().describe('ArrivalDate (incoming).'),
    toPlaces: z.string().nullable().describe('ToPlaces (outgoing: nơi nhận; incoming: the handling unit/person).'),
    dueDate: IsoDate.nullable().describe('DueDate.'),
    note: z.string().nullable(),
  })
  .meta({ id: 'RegisterEntry' });

export const RegisterPageSchema = z
  .object({ items: z.array(RegisterEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'RegisterPage' });

export const RegisterParamsSchema = z.object({ kind: RegisterKindSchema });
export const ListRegisterQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2200).optional().describe('Default: this year (Việt Nam time).'),
  q: z.string().max(200).optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export const ExportRegisterQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2200).optional(),
  format: z.enum(['csv', 'json', 'pdf']).default('csv').describe('csv (UTF-8 with BOM), json (RegisterEntry[]) or pdf (A4 landscape, the Phụ lục VI columns).'),
});

// ---------- Directory ----------

export const DirectoryEntrySchema = z
  .object({ code: AgencyCodeSchema, name: z.string(), parentCode: AgencyCodeSchema.nullable(), email: z.string().nullable() })
  .meta({ id: 'DirectoryEntry' });
export const DirectoryPageSchema = z
  .object({ items: z.array(DirectoryEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'DirectoryPage' });
export const SearchDirectoryQuerySchema = z.object({
  q: z.string().max(200).optional().describe('Part of the code or the name (diacritics ignored).'),
  cursor: Cursor.optional(),
  limit: Limit,
});

// ---------- Audit ----------

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: Timestamp,
    actor: UserRefSchema.nullable(),
    agency: AgencyCodeSchema,
    action: z.string(),
    targetType: z.enum(['incoming', 'outgoing', 'draft', 'register', 'user', 'system']),
    targetId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry', description: 'Who did what to which document when (append-only).' });
export const AuditPageSchema = z
  .object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });
export const ListAuditQuerySchema = z.object({
  targetId: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});

// ---------- Session and health ----------

export const MeSchema = z
  .object({ user: UserSchema, actions: z.array(z.string()).describe('The operation ids the user may call.') })
  .meta({ id: 'Me' });

export const OfficeHealthSchema = z
  .object({
    ok: z.boolean(),
    version: z.string(),
    database: z.enum(['pglite', 'postgres']),
    agencies: z.array(z.object({ code: AgencyCodeSchema, receiving: z.boolean(), lastPollAt: Timestamp.nullable() })),
  })
  .meta({ id: 'OfficeHealth' });

export type User = z.infer<typeof UserSchema>;
export type UserRef = z.infer<typeof UserRefSchema>;
export type UserPage = z.infer<typeof UserPageSchema>;
export type ListUsersQuery = z.input<typeof ListUsersQuerySchema>;
export type RoleInfo = z.infer<typeof RoleInfoSchema>;
export type RoleList = z.infer<typeof RoleListSchema>;
export type Urgency = z.infer<typeof UrgencySchema>;
export type StatusReport = z.infer<typeof StatusReportSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type AgencyRef = z.infer<typeof AgencyRefSchema>;
export type IncomingItem = z.infer<typeof IncomingItemSchema>;
export type IncomingPage = z.infer<typeof IncomingPageSchema>;
export type ListIncomingQuery = z.input<typeof ListIncomingQuerySchema>;
export type Assignment = z.infer<typeof AssignmentSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type IncomingDetail = z.infer<typeof IncomingDetailSchema>;
export type ReceiveIncomingRequest = z.input<typeof ReceiveIncomingRequestSchema>;
export type AssignIncomingRequest = z.input<typeof AssignIncomingRequestSchema>;
export type CompleteIncomingRequest = z.input<typeof CompleteIncomingRequestSchema>;
export type ReturnIncomingRequest = z.input<typeof ReturnIncomingRequestSchema>;
export type OutgoingState = z.infer<typeof OutgoingStateSchema>;
export type OutgoingRecipient = z.infer<typeof OutgoingRecipientSchema>;
export type OutgoingItem = z.infer<typeof OutgoingItemSchema>;
export type OutgoingPage = z.infer<typeof OutgoingPageSchema>;
export type ListOutgoingQuery = z.input<typeof ListOutgoingQuerySchema>;
export type OutgoingDetail = z.infer<typeof OutgoingDetailSchema>;
export type ResendOutgoingRequest = z.input<typeof ResendOutgoingRequestSchema>;
export type RevokeOutgoingRequest = z.input<typeof RevokeOutgoingRequestSchema>;
export type ReplaceOutgoingRequest = z.input<typeof ReplaceOutgoingRequestSchema>;
export type DraftState = z.infer<typeof DraftStateSchema>;
export type Draft = z.infer<typeof DraftSchema>;
export type DraftPage = z.infer<typeof DraftPageSchema>;
export type ListDraftsQuery = z.input<typeof ListDraftsQuerySchema>;
export type CreateDraftRequest = z.input<typeof CreateDraftRequestSchema>;
export type UpdateDraftRequest = z.input<typeof UpdateDraftRequestSchema>;
export type AddDraftAttachmentRequest = z.input<typeof AddDraftAttachmentRequestSchema>;
export type SubmitDraftRequest = z.input<typeof SubmitDraftRequestSchema>;
export type SignDraftRequest = z.input<typeof SignDraftRequestSchema>;
export type NumberDraftRequest = z.input<typeof NumberDraftRequestSchema>;
export type SealDraftRequest = z.input<typeof SealDraftRequestSchema>;
export type RegisterKind = z.infer<typeof RegisterKindSchema>;
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;
export type RegisterPage = z.infer<typeof RegisterPageSchema>;
export type ListRegisterQuery = z.input<typeof ListRegisterQuerySchema>;
export type ExportRegisterQuery = z.input<typeof ExportRegisterQuerySchema>;
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
export type DirectoryPage = z.infer<typeof DirectoryPageSchema>;
export type SearchDirectoryQuery = z.input<typeof SearchDirectoryQuerySchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type ListAuditQuery = z.input<typeof ListAuditQuerySchema>;
export type Me = z.infer<typeof MeSchema>;
export type OfficeHealth = z.infer<typeof OfficeHealthSchema>;
