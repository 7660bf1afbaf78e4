import { EgovError, type Lang, makeIssue } from '@egov-vn/schemas/time';

/** Machine-readable error codes of this package. */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'OUT_OF_RANGE'
  | 'INVALID_LUNAR_DATE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_ICALENDAR';

/** Language of user-facing messages (the kit's one language type, from `@egov-vn/schemas`). */
export type { Lang };

/**
 * The one error type this package throws, an `EgovError`: `code` is one of {@link CalendarErrorCode}, `message` is
 * Vietnamese by default, `localized` holds both languages (`messages` is the same object), and `where` names the
 * argument or input position the error is about (also the issue's `path`).
 */
export class CalendarError extends EgovError<CalendarErrorCode> {
  override name = 'CalendarError';
  /** The same object as `localized`. */
  readonly messages: { readonly vi: string; readonly en: string };
  readonly where: string | undefined;

  constructor(
    code: CalendarErrorCode,
    vi: string,
    en: string,
    options: { where?: string; lang?: Lang; params?: Readonly<Record<string, unknown>> } = {},
  ) {
    const localized = { vi, en };
    super([makeIssue(code, localized, { path: options.where === undefined ? [] : [options.where], params: options.params, lang: options.lang ?? 'vi' })], {
      code,
      localized,
      lang: options.lang ?? 'vi',
    });
    this.messages = this.localized;
    this.where = options.where;
  }
}
