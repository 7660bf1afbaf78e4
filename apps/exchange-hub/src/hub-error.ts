import { type ErrorBody, errorBody, type ErrorCode, errorStatus } from '@egov-vn/exchange-api';

/** An error with a contract code; the HTTP layer turns it into `{ code, message: { vi, en }, details? }`. */
export class HubError extends Error {
  readonly body: ErrorBody;
  readonly status: number;
  constructor(code: ErrorCode, details?: ErrorBody['details'], message?: { vi: string; en: string }) {
    const body = errorBody(code, details, message);
    super(body.message.en);
    this.name = 'HubError';
    this.body = body;
    this.status = errorStatus(code);
  }
}
