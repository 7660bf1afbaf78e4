import type { Locale } from '@egov-vn/elements-core';

/** A date and time in Vietnam time (Asia/Ho_Chi_Minh), written the local way for the locale. */
export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
}
