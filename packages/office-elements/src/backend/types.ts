// The one data-access interface of the office features, typed by the office-api route table.
import { officeErrorCatalog, type OfficeErrorCode, type OfficeRoutes } from '@egov-vn/office-api';
import { EgovError, type Lang, type LocalizedText, makeIssue } from '@egov-vn/schemas';
import type { z } from 'zod';

/** An operation of the office contract (`listIncoming`, `assignIncoming`, …). */
export type OfficeOperation = keyof OfficeRoutes;

type Route<Op extends OfficeOperation> = OfficeRoutes[Op];

/** What a call of `op` takes: its path parameters, query and body as the contract's schemas accept them. */
export type OfficeInput<Op extends OfficeOperation> = (Route<Op> extends { params: infer P extends z.ZodType }
  ? { params: z.input<P> }
  : { params?: undefined }) &
  (Route<Op> extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : { query?: undefined }) &
  (Route<Op> extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: undefined });

/** What a call of `op` answers: the contract's success body, or the bytes of a binary route (PDF, CSV, attachments). */
export type OfficeOutput<Op extends OfficeOperation> = Route<Op>['success'] extends { schema: infer S extends z.ZodType }
  ? z.output<S>
  : Uint8Array;

/** Options of one call. */
export interface OfficeCallOptions {
  /** Abort the call (a feature aborts what it no longer needs, e.g. when it is removed from the page). */
  signal?: AbortSignal;
}

/**
 * How the office features read and change the agency's data: one method over the office-api route table. Two
 * implementations: {@link httpOfficeBackend} (the agency's back end, with the host's token) and `memoryOfficeBackend`
 * (`@egov-vn/office-elements/testing`, for hosts' tests and Storybook). An agency may write its own (e.g. over its
 * existing Java/.NET services); every failure must reject with an {@link OfficeBackendError}.
 */
export interface OfficeBackend {
  call<Op extends OfficeOperation>(op: Op, input: OfficeInput<Op>, options?: OfficeCallOptions): Promise<OfficeOutput<Op>>;
}

/** What went wrong: a contract code, or a transport failure that has no contract answer. */
export type OfficeBackendErrorCode = OfficeErrorCode | 'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE';

const transport: Record<'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE', LocalizedText> = {
  NETWORK: { vi: 'Không kết nối được tới máy chủ văn phòng.', en: 'Could not reach the office server.' },
  TIMEOUT: { vi: 'Máy chủ văn phòng không trả lời kịp thời.', en: 'The office server did not answer in time.' },
  ABORTED: { vi: 'Yêu cầu đã bị hủy.', en: 'The request was aborted.' },
  BAD_RESPONSE: {
    vi: 'Máy chủ văn phòng trả lời không đúng hợp đồng API.',
    en: 'The office server answered outside the API contract.',
  },
};

/** Every failure of an {@link OfficeBackend}: code, HTTP status (0 without a response), Vietnamese and English message. */
export class OfficeBackendError extends EgovError {
  override name = 'OfficeBackendError';
  declare readonly code: OfficeBackendErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    init: { code: OfficeBackendErrorCode; status: number; messages?: LocalizedText; details?: Record<string, unknown> },
    options: { lang?: Lang; cause?: unknown } = {},
  ) {
    const catalog = (officeErrorCatalog as Record<string, LocalizedText | undefined>)[init.code];
    const messages = init.messages ??
      (transport as Record<string, LocalizedText | undefined>)[init.code] ??
      (catalog ? { vi: catalog.vi, en: catalog.en } : { vi: init.code, en: init.code });
    super([makeIssue<string>(init.code, messages, { lang: options.lang ?? 'vi' })], {
      code: init.code,
      localized: messages,
      lang: options.lang ?? 'vi',
      cause: options.cause,
    });
    this.status = init.status;
    this.details = init.details;
  }

  /** True when trying again may help (transport failures, 5xx, rate limiting). */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.code === 'RATE_LIMITED';
  }
}

/** Any thrown value as an OfficeBackendError (a custom backend that throws something else is treated as garbage). */
export function toOfficeBackendError(e: unknown): OfficeBackendError {
  if (e instanceof OfficeBackendError) return e;
  const name = (e as { name?: string } | undefined)?.name;
  if (name === 'AbortError') return new OfficeBackendError({ code: 'ABORTED', status: 0 }, { cause: e });
  if (name === 'TimeoutError') return new OfficeBackendError({ code: 'TIMEOUT', status: 0 }, { cause: e });
  return new OfficeBackendError({ code: 'BAD_RESPONSE', status: 0 }, { cause: e });
}
