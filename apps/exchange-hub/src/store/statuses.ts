// Transport acknowledgements (done / fail / processing, as the axis `updateStatus`) and business statuses (edXML
// codes 01–16) recorded by one ordering rule, each status also delivered to the sender as an edXML status package;
// the status packages received on /vxp; the sender's trace.
import { buildEdxml, checkEdxml, statusCodeInfo, type EdxmlStatusPackage } from '@egov-vn/edxml';
import { type InboxItem, type StatusCode, type StatusEntry, statusRank, type Trace } from '@egov-vn/exchange-api';
import { formatEdxmlTimestamp, statusTransition } from '@egov-vn/schemas';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import type { Database } from '../db.js';
import { HubError } from '../hub-error.js';
import type { Directory } from './directory.js';
import type { Documents } from './documents.js';
import { axisSender, invalidPackage } from './packages.js';
import { currentRegistration, inboxItem, iso, statusesOf, newDocumentId, statusEntry } from './rows.js';
import { type Caller, type CheckProfile, DOC_META_AS_DOC, type DocMeta } from './types.js';

export class Statuses {
  constructor(
    readonly db: Kysely<Database>,
    readonly documents: Documents,
    readonly directory: Directory,
  ) {}

  async acknowledge(caller: Caller, id: string, result: 'done' | 'fail' | 'processing', reason?: string): Promise<InboxItem> {
    const { doc, delivery } = await this.documents.access(caller, id);
    if (!delivery) throw new HubError('NOT_FOUND');
    let row = delivery;
    // done is final: a later fail/processing does not undo an acknowledgement (idempotent retries).
    if (delivery.state !== 'done') {
      const updated = await this.db
        .updateTable('deliveries')
        .set({
          state: result,
          acknowledged_at: result === 'done' ? new Date() : null,
          ack_reason: reason ?? null,
        })
        .where('document_id', '=', id)
        .where('recipient', '=', caller.agency)
        .where('state', '!=', 'done')
        .returningAll()
        .executeTakeFirst();
      if (updated) row = updated;
      else row = (await this.documents.access(caller, id)).delivery ?? delivery;
    }
    // the latest status the recipient reported (the highest id of the unique key's rows), not all of them
    const latest = await this.db
      .selectFrom('statuses')
      .select(['code', 'description', 'staff', 'at'])
      .where('document_id', '=', id)
      .where('recipient', '=', caller.agency)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return inboxItem(doc, row, latest);
  }

  async updateStatus(
    caller: Caller,
    id: string,
    input: { code: StatusCode; description?: string; staff?: string },
  ): Promise<{ status: StatusEntry; duplicate: boolean }> {
    const { doc, delivery } = await this.documents.access(caller, id);
    if (!delivery) throw new HubError('FORBIDDEN', undefined, {
      vi: 'Chỉ cơ quan nhận mới cập nhật được trạng thái xử lý văn bản.',
      en: 'Only a recipient can update the status of a document.',
    });
    const r = await this.#recordStatus(doc, caller.agency, input);
    return { status: r.status, duplicate: r.duplicate };
  }

  /**
   * Records a status of `recipient` on `doc` (ordering rules: the 01…06 chain never goes back; 13/15/16 follow any
   * step; a repeated code is a duplicate) and delivers it to the sender as an edXML status package: the package
   * given (one received on the axis API), or one built from the status.
   */
  async #recordStatus(
    doc: DocMeta,
    recipient: string,
    input: { code: StatusCode; description?: string; staff?: string },
    received?: Uint8Array,
  ): Promise<{ status: StatusEntry; duplicate: boolean; statusDocumentId: string | undefined }> {
    const id = doc.id;
    const rank = statusRank[input.code];
    const statusMessageId = `status:${id}:${recipient}:${input.code}`;
    const statusDocumentId = async (): Promise<string | undefined> =>
      (
        await this.db
          .selectFrom('documents')
          .select('id')
          .where('sender', '=', recipient)
          .where('message_id', '=', statusMessageId)
          .executeTakeFirst()
      )?.id;
    const result = await this.db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('statuses')
        .selectAll()
        .where('document_id', '=', id)
        .where('recipient', '=', recipient)
        .orderBy('id')
        .execute();
      const same = existing.find((s) => s.code === input.code);
      if (same) return { status: statusEntry(same), duplicate: true };
      // One rule for every layer (statusTransition of @egov-vn/schemas): the chain 01 → 03 → 04 → 05 → 06 (02 in place
      // of 03) never goes back and closes after 02 or 06; 13/15/16 may follow any step and do not move the chain.
      const decision = statusTransition(
        existing.map((s) => s.code),
        input.code,
      );
      if (decision.kind === 'refuse') {
        const latest = existing.at(-1);
        const text = decision.issue.localized;
        throw new HubError('STATUS_OUT_OF_ORDER', { current: latest?.code ?? null, requested: input.code }, text ? { vi: text.vi, en: text.en } : undefined);
      }
      const row = await tx
        .insertInto('statuses')
        .values({
          document_id: id,
          recipient: recipient,
          code: input.code,
          rank,
          description: input.description ?? null,
          staff: input.staff ?? null,
          at: new Date(),
        })
        .onConflict((oc) => oc.columns(['document_id', 'recipient', 'code']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        const again = await tx
          .selectFrom('statuses')
          .selectAll()
          .where('document_id', '=', id)
          .where('recipient', '=', recipient)
          .where('code', '=', input.code)
          .executeTakeFirstOrThrow();
        return { status: statusEntry(again), duplicate: true };
      }
      // The same status as an edXML status package delivered to the sender, as the axis carries it (messagetype
      // status): a system on the axis-compatible API collects it from its inbox of status messages.
      const pkg: EdxmlStatusPackage = {
        kind: 'status',
        header: {
          from: { organId: recipient },
          responseFor: {
            organId: doc.sender,
            code: doc.notation ?? undefined,
            promulgationDate: doc.promulgation_date ?? undefined,
            documentId: doc.edxml_document_id ?? undefined,
          },
          staffInfo: input.staff ? { staff: input.staff } : undefined,
          statusCode: input.code,
          description: input.description ?? statusCodeInfo(input.code)?.vi,
          timestamp: formatEdxmlTimestamp(row.at),
        },
      };
      const bytes = received ?? new TextEncoder().encode(buildEdxml(pkg));
      const statusDoc = await tx
        .insertInto('documents')
        .values({
          id: newDocumentId(),
          kind: 'status',
          message_id: statusMessageId,
          sender: recipient,
          body_sha256: createHash('sha256').update(bytes).digest('hex'),
          edxml: bytes,
          edxml_document_id: doc.edxml_document_id,
          from_name: null,
          subject: null,
          notation: doc.notation,
          promulgation_date: doc.promulgation_date,
          priority: null,
          paper: false,
          signed: false,
          size: bytes.length,
          recipients: [doc.sender],
          attachments: '[]',
          sent_at: row.at,
        })
        .onConflict((oc) => oc.columns(['sender', 'message_id']).doNothing())
        .returning(['id', 'sent_at'])
        .executeTakeFirst();
      if (statusDoc) {
        await tx
          .insertInto('deliveries')
          .values({ document_id: statusDoc.id, recipient: doc.sender, state: 'pending', delivered_at: statusDoc.sent_at, edoc: false })
          .execute();
      }
      return { status: statusEntry(row), duplicate: false };
    });
    return { ...result, statusDocumentId: await statusDocumentId() };
  }

  async trace(caller: Caller, id: string): Promise<Trace> {
    const { doc } = await this.documents.access(caller, id);
    if (doc.sender !== caller.agency) {
      throw new HubError('FORBIDDEN', undefined, {
        vi: 'Chỉ cơ quan gửi mới xem được vết của văn bản.',
        en: 'Only the sender can see the trace of a document.',
      });
    }
    const deliveries = await this.db
      .selectFrom('deliveries as d')
      .leftJoin('agencies as a', 'a.code', 'd.recipient')
      .selectAll('d')
      .select('a.name')
      .where('d.document_id', '=', id)
      .orderBy('d.seq')
      .execute();
    const statuses = await statusesOf(this.db, [id]);
    return {
      documentId: doc.id,
      from: doc.sender,
      sentAt: iso(doc.sent_at),
      recipients: deliveries.map((d) => ({
        agency: d.recipient,
        name: d.name,
        state: d.state as Trace['recipients'][number]['state'],
        deliveredAt: iso(d.delivered_at),
        acknowledgedAt: d.acknowledged_at ? iso(d.acknowledged_at) : null,
        statuses: (statuses.get(`${id}|${d.recipient}`) ?? []).map(statusEntry),
      })),
    };
  }

  /**
   * An incoming edXML status package (the axis `sendEdoc messagetype=status`): its `From` must be the caller's
   * agency; it is recorded against the original document, found by `ResponseFor` (the sender's organisation and the
   * edXML DocumentId, else the notation and date) among the documents delivered to the caller, with the same ordering
   * rules as `updateStatus`, and the package itself is delivered to the original sender.
   */
  async receiveStatus(
    caller: Caller,
    bytes: Uint8Array,
    profile: CheckProfile = 'strict',
  ): Promise<{ statusDocumentId: string; documentId: string; duplicate: boolean; status: StatusEntry }> {
    if (bytes.length > this.documents.options.maxPackageBytes) {
      throw new HubError('PAYLOAD_TOO_LARGE', { limit: this.documents.options.maxPackageBytes, size: bytes.length });
    }
    const report = await checkEdxml(bytes, { lang: 'vi', warnings: false, profile });
    if (!report.ok || report.kind !== 'status' || report.package?.kind !== 'status') {
      throw invalidPackage(report, 'status');
    }
    const header = report.package.header;
    const from = profile === 'axis' ? axisSender(header.from?.organId, caller.agency) : header.from?.organId;
    if (!from || from !== caller.agency) {
      throw new HubError('SENDER_MISMATCH', { from: from ?? null, agency: caller.agency });
    }
    const code = header.statusCode;
    if (!code || !(code in statusRank)) {
      throw new HubError('VALIDATION_FAILED', { field: 'StatusCode', value: code ?? null }, {
        vi: `Mã trạng thái không hợp lệ: ${code ?? '(trống)'}.`,
        en: `Invalid status code: ${code ?? '(empty)'}.`,
      });
    }
    const rf = header.responseFor;
    const to = rf?.organId;
    if (!to || (!rf.documentId && !rf.code)) {
      throw new HubError('VALIDATION_FAILED', { field: 'ResponseFor' }, {
        vi: 'Gói tin trạng thái phải nêu văn bản gốc (ResponseFor: OrganId và DocumentId hoặc Code).',
        en: 'A status package must name the original document (ResponseFor: OrganId and DocumentId or Code).',
      });
    }
    if ((await this.directory.unknownAgencies([to])).length > 0) {
      throw new HubError('UNKNOWN_RECIPIENT', { unknown: [to] }, {
        vi: `Cơ quan nhận không có trong danh bạ của trục: ${to}.`,
        en: `Recipient agencies not in the hub directory: ${to}.`,
      });
    }
    let q = this.db
      .selectFrom('documents as doc')
      .innerJoin('deliveries as d', 'd.document_id', 'doc.id')
      .select(DOC_META_AS_DOC)
      .where('doc.kind', '=', 'edoc')
      .where('doc.sender', '=', to)
      .where('d.recipient', '=', caller.agency)
      .where(currentRegistration('d'));
    if (rf.documentId) q = q.where('doc.edxml_document_id', '=', rf.documentId);
    else {
      q = q.where('doc.notation', '=', rf.code ?? '');
      if (rf.promulgationDate) q = q.where('doc.promulgation_date', '=', rf.promulgationDate);
    }
    const doc = await q.orderBy('doc.seq', 'desc').executeTakeFirst();
    if (!doc) {
      const which = rf.documentId ?? rf.code ?? '';
      throw new HubError('NOT_FOUND', { responseFor: which }, {
        vi: `Không tìm thấy văn bản gốc ${which} của ${to} đã gửi tới ${caller.agency}.`,
        en: `No original document ${which} from ${to} delivered to ${caller.agency}.`,
      });
    }
    const input: { code: StatusCode; description?: string; staff?: string } = { code: code as StatusCode };
    if (header.description) input.description = header.description;
    if (header.staffInfo?.staff) input.staff = header.staffInfo.staff;
    const r = await this.#recordStatus(doc, caller.agency, input, bytes);
    if (!r.statusDocumentId) throw new HubError('INTERNAL');
    return { statusDocumentId: r.statusDocumentId, documentId: doc.id, duplicate: r.duplicate, status: r.status };
  }
}
