import { type ErrorBody, errorBody, type ErrorCode, errorStatus } from '@egov-vn/exchange-api';
import { EgovError, makeIssue } from '@egov-vn/schemas';

/**
 * An error with a contract code; the HTTP layer turns it into `{ code, message: { vi, en }, details? }` (`body`).
 * It is the kit's one error base (`EgovError` of `@egov-vn/schemas`): `code`, `localized` (both languages) and
 * `issues` (the located issues of `details.issues`, e.g. the edXML checker's, else one issue: the error itself).
 */
export class HubError extends EgovError {
  override name = 'HubError';
  declare readonly code: ErrorCode;
  /** The wire shape of the answer. */
  readonly body: ErrorBody;
  /** The HTTP status of `code`. */
  readonly status: number;
  /** Why, for the hub's own log only (never in the answer): e.g. `unknown-system` behind a BAD_SIGNATURE. */
  logReason?: string;

  constructor(code: ErrorCode, details?: ErrorBody['details'], message?: { vi: string; en: string }) {
    const body = errorBody(code, details, message);
    const issues = (body.details?.issues ?? []).map((i) =>
      makeIssue(i.code, i.message, {
        path: i.path === undefined ? [] : [i.path],
        params: { ...(i.line === undefined ? {} : { line: i.line }), ...(i.column === undefined ? {} : { column: i.column }) },
        lang: 'en',
      }),
    );
    // `message` stays English (server logs); both languages are in `localized` and in the body.
    super(issues.length > 0 ? issues : [makeIssue<string>(code, body.message, { lang: 'en' })], { code, localized: body.message, lang: 'en' });
    this.body = body;
    this.status = errorStatus(code);
  }
}
