import type { ErrorBody, ErrorCode } from '@egov-vn/exchange-api';

/** What went wrong: a contract code, or a transport failure that has no response. */
export type ExchangeErrorCode = ErrorCode | 'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE' | 'AXIS_FAIL';

const transport: Record<'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE' | 'AXIS_FAIL', { vi: string; en: string }> = {
  NETWORK: { vi: 'Không kết nối được tới trục trao đổi.', en: 'Could not reach the exchange hub.' },
  TIMEOUT: { vi: 'Trục trao đổi không trả lời kịp thời.', en: 'The exchange hub did not answer in time.' },
  ABORTED: { vi: 'Yêu cầu đã bị hủy.', en: 'The request was aborted.' },
  BAD_RESPONSE: { vi: 'Trục trả lời không đúng hợp đồng API.', en: 'The hub answered outside the API contract.' },
  // A FAIL envelope of the axis whose ErrorCode is none of the contract's (details.axisErrorCode keeps it).
  AXIS_FAIL: { vi: 'Trục trả lời FAIL.', en: 'The axis answered FAIL.' },
};

/** Every failure of the client: contract code, HTTP status (0 without a response), Vietnamese and English message. */
export class ExchangeError extends Error {
  override readonly name = 'ExchangeError';
  readonly code: ExchangeErrorCode;
  readonly status: number;
  readonly messages: { vi: string; en: string };
  readonly details: ErrorBody['details'] | undefined;

  constructor(
    init: { code: ExchangeErrorCode; status: number; messages?: { vi: string; en: string }; details?: ErrorBody['details'] },
    options: { lang?: 'vi' | 'en'; cause?: unknown } = {},
  ) {
    const fallback = (transport as Record<string, { vi: string; en: string } | undefined>)[init.code];
    const messages = init.messages ?? fallback ?? { vi: init.code, en: init.code };
    super(messages[options.lang ?? 'vi'], { cause: options.cause });
    this.code = init.code;
    this.status = init.status;
    this.messages = messages;
    this.details = init.details;
  }
}
