import { type OfficeErrorBody, officeErrorBody, type OfficeErrorCode, officeErrorStatus } from '@egov-vn/office-api';
import { type Issue, validate } from '@egov-vn/schemas';
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

type ContractIssue = NonNullable<NonNullable<OfficeErrorBody['details']>['issues']>[number];

/** JSON-pointer path of an issue. */
function pointer(path: readonly (string | number)[]): string {
  return `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** Issues of the contract (vi and en messages, JSON-pointer paths) from the issues of one validation in each language. */
export function bilingualIssues(vi: readonly Issue[], en: readonly Issue[], prefix: (string | number)[] = []): ContractIssue[] {
  return vi.map((issue, i) => ({
    code: issue.code,
    path: pointer([...prefix, ...issue.path]),
    message: { vi: issue.message, en: en[i]?.message ?? issue.message },
  }));
}

/** Validates with located vi/en messages; answers the value or the contract issues. */
export function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: (string | number)[] = [],
): { ok: true; value: z.output<S> } | { ok: false; issues: ContractIssue[] } {
  const vi = validate(schema, input, { lang: 'vi' });
  if (vi.ok) return { ok: true, value: vi.value };
  const en = validate(schema, input, { lang: 'en' });
  return { ok: false, issues: bilingualIssues(vi.issues, en.ok ? [] : en.issues, prefix) };
}

/** Parses with `schema` or throws VALIDATION_FAILED with located issues. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const r = check(schema, input, [where]);
  if (!r.ok) throw new OfficeError('VALIDATION_FAILED', { issues: r.issues });
  return r.value;
}
