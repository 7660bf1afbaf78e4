/** Machine-readable error codes of this package. */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'OUT_OF_RANGE'
  | 'INVALID_LUNAR_DATE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_ICALENDAR';

/** Language of user-facing messages: Vietnamese by default, English on request. */
export type Lang = 'vi' | 'en';

/**
 * The one error type this package throws. `message` is Vietnamese by default; `messages.en` always holds the
 * English text, and `where` names the argument or input position the error is about.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly messages: { readonly vi: string; readonly en: string };
  readonly where: string | undefined;

  constructor(code: CalendarErrorCode, vi: string, en: string, options: { where?: string; lang?: Lang } = {}) {
    super(options.lang === 'en' ? en : vi);
    this.code = code;
    this.messages = { vi, en };
    this.where = options.where;
  }
}
