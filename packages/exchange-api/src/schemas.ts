import { AGENCY_CODE_RE, STATUS_CODES } from '@egov-vn/schemas';
import { z } from 'zod';
import { ErrorIssueSchema } from './errors.js';

// Status codes, their order and the rule for recording them are the kit's one definition (`@egov-vn/schemas`):
// re-exported here so the contract's users need one import. `canRecordStatus` is the rule the hub applies.
export {
  canRecordStatus,
  checkStatusTransition,
  STATUS_CODES,
  STATUS_INFO,
  type StatusCode,
  statusLabel,
  statusRank,
  type StatusTransition,
  statusTransition,
} from '@egov-vn/schemas';

/** Mã định danh: `000.00.00.G22` (the one pattern of the kit, `AGENCY_CODE_RE` of `@egov-vn/schemas`). */
export const AgencyCodeSchema = z
  .string()
  .regex(AGENCY_CODE_RE)
  .meta({ id: 'AgencyCode', description: 'Mã định danh cơ quan (QĐ 20/2020), e.g. 000.00.00.G22', examples: ['000.00.00.G22'] });

export const DocumentIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}$/)
  .meta({ id: 'DocumentId', description: 'The id the hub gives a document (24 hex digits, like the axis DocId).' });

export const StatusCodeSchema = z.enum(STATUS_CODES).meta({
  id: 'StatusCode',
  description: 'edXML status package code: 01 arrived, 02 rejected, 03 accepted, 04 assigned, 05 processing, 06 finished, 13 take back, 15 change accepted, 16 change refused.',
});

/** Transport acknowledgement, as the axis `updateStatus` (done / fail / processing). */
export const DeliveryStateSchema = z
  .enum(['pending', 'done', 'fail', 'processing'])
  .meta({ id: 'DeliveryState', description: 'pending until the receiving system acknowledges it (done, fail or processing).' });

const Timestamp = z.iso.datetime({ offset: true });
const Cursor = z.string().max(200);
const Limit = z.coerce.number().int().min(1).max(200).default(50);

// ---------- Agencies ----------

export const AgencySchema = z
  .object({
    code: AgencyCodeSchema,
    name: z.string(),
    email: z.email().nullable(),
    endpoint: z.url().nullable().describe('Receiving address of the agency system (its own endpoint), if registered.'),
    parentCode: AgencyCodeSchema.nullable(),
    systemId: z.string().describe('The connected system that serves this agency.'),
    updatedAt: Timestamp,
  })
  .meta({ id: 'Agency' });

export const AgencyPageSchema = z
  .object({ items: z.array(AgencySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AgencyPage' });

export const ListAgenciesQuerySchema = z.object({
  q: z.string().max(200).optional().describe('Part of the code or the name (diacritics ignored).'),
  cursor: Cursor.optional(),
  limit: Limit,
});

export const AgencyParamsSchema = z.object({ code: AgencyCodeSchema });

export const RegisterAgencyRequestSchema = z
  .object({
    name: z.string().min(1).max(500),
    email: z.email().describe('Official e-mail (hộp thư công vụ) that receives e-copies.'),
    endpoint: z.url().optional().describe('Receiving address of the agency system.'),
    parentCode: AgencyCodeSchema.optional(),
  })
  .meta({ id: 'RegisterAgencyRequest' });

// ---------- Documents ----------

export const SendDocumentRequestSchema = z
  .object({
    edxml: z.string().min(1).describe('The edXML document package (QCVN 102:2016), as XML text.'),
    messageId: z
      .string()
      .min(8)
      .max(100)
      .regex(/^[\w.:-]+$/)
      .optional()
      .describe('The sender-side id of this message: a retry with the same id is not delivered twice.'),
    paper: z.boolean().optional().describe('A paper copy is also sent (overrides Bussiness/Paper).'),
  })
  .meta({ id: 'SendDocumentRequest' });

export const RecipientDeliverySchema = z
  .object({ agency: AgencyCodeSchema, state: DeliveryStateSchema, deliveredAt: Timestamp })
  .meta({ id: 'RecipientDelivery' });

export const SendDocumentResponseSchema = z
  .object({
    documentId: DocumentIdSchema,
    messageId: z.string(),
    duplicate: z.boolean().describe('true when this send repeated an earlier one (same message id or idempotency key).'),
    sentAt: Timestamp,
    recipients: z.array(RecipientDeliverySchema),
  })
  .meta({ id: 'SendDocumentResponse' });

export const AttachmentInfoSchema = z
  .object({
    index: z.number().int().min(0),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().min(0),
  })
  .meta({ id: 'AttachmentInfo' });

export const StatusEntrySchema = z
  .object({
    code: StatusCodeSchema,
    label: z.object({ vi: z.string(), en: z.string() }),
    description: z.string().nullable(),
    staff: z.string().nullable(),
    at: Timestamp,
  })
  .meta({ id: 'StatusEntry' });

export const DocumentSummarySchema = z
  .object({
    documentId: DocumentIdSchema,
    messageId: z.string(),
    edxmlDocumentId: z.string().nullable().describe('DocumentId inside the package (`<OrganId>,<date>,<số>/<ký hiệu>`).'),
    from: AgencyCodeSchema,
    fromName: z.string().nullable(),
    to: z.array(AgencyCodeSchema),
    subject: z.string().nullable(),
    notation: z.string().nullable().describe('Số/ký hiệu, e.g. 16/VPCP-TTĐT.'),
    promulgationDate: z.string().nullable(),
    priority: z.number().int().nullable(),
    paper: z.boolean(),
    signed: z.boolean().describe('The package carries an XML signature.'),
    size: z.number().int(),
    sentAt: Timestamp,
    attachments: z.array(AttachmentInfoSchema),
    warnings: z
      .array(ErrorIssueSchema)
      .optional()
      .describe("The checker's warnings on the package (deviations the national axis accepts), stored with the delivery."),
  })
  .meta({ id: 'DocumentSummary' });

export const InboxItemSchema = DocumentSummarySchema.extend({
  state: DeliveryStateSchema,
  deliveredAt: Timestamp,
  acknowledgedAt: Timestamp.nullable(),
  status: StatusEntrySchema.nullable().describe('The latest business status this agency reported.'),
}).meta({ id: 'InboxItem' });

export const InboxPageSchema = z
  .object({ items: z.array(InboxItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'InboxPage' });

export const ListInboxQuerySchema = z.object({
  state: z.enum(['pending', 'done', 'fail', 'processing', 'all']).default('all'),
  status: StatusCodeSchema.optional().describe('Only items whose latest business status is this code.'),
  sender: AgencyCodeSchema.optional(),
  since: Timestamp.optional().describe('Delivered at or after.'),
  until: Timestamp.optional().describe('Delivered before.'),
  cursor: Cursor.optional(),
  limit: Limit,
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .optional()
    .describe(
      'Long polling: when nothing matches, wait up to this many seconds (at most 30) for a delivery to this agency, then answer (an empty page at the deadline). Servers without long polling ignore it.',
    ),
});

export const ListSentQuerySchema = z.object({
  since: Timestamp.optional(),
  until: Timestamp.optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});

export const SentPageSchema = z
  .object({ items: z.array(DocumentSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'SentPage' });

export const DocumentParamsSchema = z.object({ id: DocumentIdSchema });
export const AttachmentParamsSchema = z.object({ id: DocumentIdSchema, index: z.coerce.number().int().min(0) });

export const DocumentViewSchema = z
  .object({
    document: DocumentSummarySchema,
    role: z.enum(['sender', 'recipient']),
    delivery: InboxItemSchema.pick({ state: true, deliveredAt: true, acknowledgedAt: true, status: true })
      .nullable()
      .describe('The calling agency’s own delivery when it is a recipient.'),
  })
  .meta({ id: 'DocumentView' });

export const AcknowledgeRequestSchema = z
  .object({
    result: z.enum(['done', 'fail', 'processing']),
    reason: z.string().max(1000).optional(),
  })
  .meta({ id: 'AcknowledgeRequest' });

export const UpdateStatusRequestSchema = z
  .object({
    code: StatusCodeSchema,
    description: z.string().max(2000).optional(),
    staff: z.string().max(200).optional(),
  })
  .meta({
    id: 'UpdateStatusRequest',
    description: 'A status is recorded once per recipient and code: repeating a code (a retry) is answered as a duplicate.',
  });

export const UpdateStatusResponseSchema = z
  .object({ status: StatusEntrySchema, duplicate: z.boolean() })
  .meta({ id: 'UpdateStatusResponse' });

export const TraceRecipientSchema = z
  .object({
    agency: AgencyCodeSchema,
    name: z.string().nullable(),
    state: DeliveryStateSchema,
    deliveredAt: Timestamp,
    acknowledgedAt: Timestamp.nullable(),
    statuses: z.array(StatusEntrySchema),
  })
  .meta({ id: 'TraceRecipient' });

export const TraceSchema = z
  .object({
    documentId: DocumentIdSchema,
    from: AgencyCodeSchema,
    sentAt: Timestamp,
    recipients: z.array(TraceRecipientSchema),
  })
  .meta({ id: 'Trace' });

export const EmailCopyRequestSchema = z
  .object({
    to: z.array(z.email()).min(1).max(50).optional().describe('Default: the official e-mail of the calling agency.'),
  })
  .meta({ id: 'EmailCopyRequest' });

// ---------- Statistics ----------

export const StatsQuerySchema = z.object({
  from: z.iso.date().describe('First day (UTC+7), inclusive.'),
  to: z.iso.date().describe('Last day (UTC+7), inclusive.'),
});

export const StatsSchema = z
  .object({
    agency: AgencyCodeSchema,
    from: z.iso.date(),
    to: z.iso.date(),
    outgoing: z.object({
      total: z.number().int(),
      electronicOnly: z.number().int(),
      withPaper: z.number().int(),
      signed: z.number().int(),
      signedShare: z.number().min(0).max(1),
    }),
    incoming: z.object({
      received: z.number().int(),
      acknowledged: z.number().int(),
      acknowledgedSameDay: z.number().int(),
      sameDayShare: z.number().min(0).max(1),
    }),
  })
  .meta({ id: 'Stats', description: 'Usage statistics of one agency over a period (days counted in UTC+7).' });

export const HealthSchema = z.object({ ok: z.literal(true), version: z.string() }).meta({ id: 'Health' });

export type Agency = z.infer<typeof AgencySchema>;
export type AgencyPage = z.infer<typeof AgencyPageSchema>;
export type ListAgenciesQuery = z.input<typeof ListAgenciesQuerySchema>;
export type RegisterAgencyRequest = z.infer<typeof RegisterAgencyRequestSchema>;
export type SendDocumentRequest = z.infer<typeof SendDocumentRequestSchema>;
export type SendDocumentResponse = z.infer<typeof SendDocumentResponseSchema>;
export type AttachmentInfo = z.infer<typeof AttachmentInfoSchema>;
export type StatusEntry = z.infer<typeof StatusEntrySchema>;
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;
export type InboxItem = z.infer<typeof InboxItemSchema>;
export type InboxPage = z.infer<typeof InboxPageSchema>;
export type ListInboxQuery = z.input<typeof ListInboxQuerySchema>;
export type ListSentQuery = z.input<typeof ListSentQuerySchema>;
export type SentPage = z.infer<typeof SentPageSchema>;
export type DocumentView = z.infer<typeof DocumentViewSchema>;
export type AcknowledgeRequest = z.infer<typeof AcknowledgeRequestSchema>;
export type UpdateStatusRequest = z.infer<typeof UpdateStatusRequestSchema>;
export type UpdateStatusResponse = z.infer<typeof UpdateStatusResponseSchema>;
export type Trace = z.infer<typeof TraceSchema>;
export type TraceRecipient = z.infer<typeof TraceRecipientSchema>;
export type EmailCopyRequest = z.infer<typeof EmailCopyRequestSchema>;
export type StatsQuery = z.infer<typeof StatsQuerySchema>;
export type Stats = z.infer<typeof StatsSchema>;
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;
