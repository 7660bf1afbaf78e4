import type { ErrorBody, ErrorCode } from '@egov-vn/exchange-api';
import { EgovError, type Lang, type LocalizedText, makeIssue } from '@egov-vn/schemas';

/** What went wrong: a contract code, or a transport failure that has no response. */
export type ExchangeErrorCode = ErrorCode | 'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE' | 'AXIS_FAIL';

const transport: Record<'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE' | 'AXIS_FAIL', LocalizedText> = {
  NETWORK: { vi: 'Không kết nối được tới trục trao đổi.', en: 'Could not reach the exchange hub.' },
  TIMEOUT: { vi: 'Trục trao đổi không trả lời kịp thời.', en: 'The exchange hub did not answer in time.' },
  ABORTED: { vi: 'Yêu cầu đã bị hủy.', en: 'The request was aborted.' },
  BAD_RESPONSE: { vi: 'Trục trả lời không đúng hợp đồng API.', en: 'The hub answered outside the API contract.' },
  // A FAIL envelope of the axis whose ErrorCode is none of the contract's (details.axisErrorCode keeps it).
  AXIS_FAIL: { vi: 'Trục trả lời FAIL.', en: 'The axis answered FAIL.' },
};

/** Every failure of the client: contract code, HTTP status (0 without a response), Vietnamese and English message. */
export class ExchangeError extends EgovError {
  override name = 'ExchangeError';
  /** The error's code (its issues keep their own codes, e.g. the edXML checker's). */
  declare readonly code: ExchangeErrorCode;
  readonly status: number;
  /** The same object as `localized` (the message in both languages). */
  readonly messages: LocalizedText;
  readonly details: ErrorBody['details'] | undefined;

  constructor(
    init: { code: ExchangeErrorCode; status: number; messages?: LocalizedText; details?: ErrorBody['details'] },
    options: { lang?: Lang; cause?: unknown } = {},
  ) {
    const fallback = (transport as Record<string, LocalizedText | undefined>)[init.code];
    const messages = init.messages ?? fallback ?? { vi: init.code, en: init.code };
    const lang = options.lang ?? 'vi';
    // The hub's located issues (edXML checker findings, …) become the kit's Issue shape; otherwise one issue, the error.
    const issues = (init.details?.issues ?? []).map((i) =>
      makeIssue(i.code, i.message, {
        path: i.path === undefined ? [] : [i.path],
        params: { ...(i.line === undefined ? {} : { line: i.line }), ...(i.column === undefined ? {} : { column: i.column }) },
        lang,
      }),
    );
    super(issues.length > 0 ? issues : [makeIssue<string>(init.code, messages, { lang })], { code: init.code, localized: messages, lang, cause: options.cause });
    this.status = init.status;
    this.messages = this.localized;
    this.details = init.details;
  }
}
