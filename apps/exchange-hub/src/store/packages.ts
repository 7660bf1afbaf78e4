// What the checker's report becomes at the hub: refusals with located issues in Vietnamese and English, the warnings
// stored with a delivery, safe attachment types, and how the axis profile reads senders and recipients.
import { type EdxmlCheckReport, type EdxmlIssue, issueMessages } from '@egov-vn/edxml';
import type { ErrorIssue } from '@egov-vn/exchange-api';
import { classifyAgencyCode } from '@egov-vn/schemas';
import type { WarningRow } from '../db.js';
import { HubError } from '../hub-error.js';

/**
 * The issue's message in both languages, from the one check (never a second run of the checker for the other
 * language): the checker builds every message from its code and parameters (`issueMessages` of @egov-vn/edxml).
 */
export function bothLanguages(i: EdxmlIssue): { vi: string; en: string } {
  const def = issueMessages[i.code];
  const params = { ...i.params };
  return { vi: def.vi(params), en: def.en(params) };
}

function toIssue(i: EdxmlIssue): ErrorIssue {
  const out: ErrorIssue = { code: i.code, message: bothLanguages(i) };
  if (i.location?.path) out.path = i.location.path;
  if (i.location?.line !== undefined) out.line = i.location.line;
  if (i.location?.column !== undefined) out.column = i.location.column;
  return out;
}

/** The checker's warnings in both languages, as stored with a delivery (`documents.warnings`). */
export function warningRows(report: EdxmlCheckReport): WarningRow[] {
  return report.issues
    .filter((i) => i.severity === 'warning')
    .map((i) => {
      const row: WarningRow = { code: i.code, message: bothLanguages(i) };
      if (i.location?.path) row.path = i.location.path;
      return row;
    });
}

/** INVALID_EDXML with the checker's located issues in Vietnamese and English (and why the kind is wrong). */
export function invalidPackage(report: EdxmlCheckReport, expected: 'document' | 'status'): HubError {
  const issues = report.issues.filter((i) => i.severity === 'error').map(toIssue);
  if (report.ok && report.kind !== expected) {
    issues.push(
      expected === 'document'
        ? {
            code: 'NOT_A_DOCUMENT_PACKAGE',
            message: {
              vi: 'Gói tin trạng thái được gửi bằng thao tác cập nhật trạng thái, không phải gửi văn bản.',
              en: 'A status package is sent with the status operation, not as a document.',
            },
          }
        : {
            code: 'NOT_A_STATUS_PACKAGE',
            message: {
              vi: 'Gói tin văn bản được gửi với messagetype=edoc, không phải status.',
              en: 'A document package is sent with messagetype=edoc, not status.',
            },
          },
    );
  }
  const first = issues[0];
  return new HubError(
    'INVALID_EDXML',
    { issues },
    first
      ? { vi: `Gói tin edXML không hợp lệ: ${first.message.vi}`, en: `The edXML package is not valid: ${first.message.en}` }
      : undefined,
  );
}

/** A MIME type as a header may carry it: `type/subtype` and parameters, printable ASCII only (no CR, LF, NUL). */
export function isSafeContentType(value: string): boolean {
  return value.length <= 255 && /^[A-Za-z0-9][\w!#$&^.+-]*\/[A-Za-z0-9][\w!#$&^.+-]*(?:\s*;\s*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|"[\x20-\x21\x23-\x7e]*"))*$/.test(value);
}

/**
 * The sender of a package read in the axis profile. Systems on the axis write a system id (`vxp.saas.03`), the text
 * `null` or nothing in From/OrganId (the checker reports each as a warning); the axis itself takes the sender from the
 * authenticated request (`XroadVnpt-from`), so the hub does the same. A short form (`01.02.G22`) is completed; a full
 * code must still be the authenticated agency.
 */
export function axisSender(organId: string | undefined, authenticated: string): string | undefined {
  const c = classifyAgencyCode(organId);
  if (c.kind === 'code') return c.code.code;
  if (c.kind === 'short') return c.completed.code;
  if (c.kind === 'systemId' || c.kind === 'empty') return authenticated;
  return organId;
}

/** A recipient read in the axis profile: short forms completed; anything else as written (unknown ones are refused). */
export function axisRecipient(organId: string | undefined): string | undefined {
  const c = classifyAgencyCode(organId);
  if (c.kind === 'code') return c.code.code;
  if (c.kind === 'short') return c.completed.code;
  return organId;
}
