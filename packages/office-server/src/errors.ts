import { checkOfficeInput, type OfficeErrorBody, officeErrorBody, type OfficeErrorCode, officeErrorStatus } from '@egov-vn/office-api';
import type { z } from 'zod';

/** An error with a contract code; the HTTP layer turns it into `{ code, message: { vi, en }, details? }`. */
export class OfficeError extends Error {
  readonly body: OfficeErrorBody;
  readonly status: number;
  constructor(code: OfficeErrorCode, details?: OfficeErrorBody['details'], message?: { vi: string; en: string }) {
    const body = officeErrorBody(code, details, message);
    super(body.message.en);
    this.name = 'OfficeError';
    this.body = body;
    this.status = officeErrorStatus(code);
  }
}

/** Parses with `schema` or throws VALIDATION_FAILED with located issues. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const r = checkOfficeInput(schema, input, [where]);
  if (!r.ok) throw new OfficeError('VALIDATION_FAILED', { issues: r.issues });
  return r.value;
}

/** Validates with located vi/en messages (the contract's shared check, also used by the in-memory backend). */
export const check = checkOfficeInput;
