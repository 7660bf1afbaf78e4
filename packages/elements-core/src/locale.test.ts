import { describe, expect, it } from 'vitest';
import { defaultLocale, defineMessages, normalizeLocale, resolveLocale, translate } from './locale.js';

describe('normalizeLocale', () => {
  it('keeps the primary subtag of supported languages, in any case', () => {
    expect(normalizeLocale('vi')).toBe('vi');
    expect(normalizeLocale('vi-VN')).toBe('vi');
    expect(normalizeLocale(' EN-gb ')).toBe('en');
    expect(normalizeLocale('en_US')).toBe('en');
  });

  it('gives undefined for empty or unsupported tags', () => {
    expect(normalizeLocale('')).toBeUndefined();
    expect(normalizeLocale(null)).toBeUndefined();
    expect(normalizeLocale(undefined)).toBeUndefined();
    expect(normalizeLocale('fr')).toBeUndefined();
    expect(normalizeLocale('env')).toBeUndefined();
  });

  it('defaults to Vietnamese where no supported language is set', () => {
    // A detached element without `lang`, in a document whose language is `docLang`.
    const element = (docLang: string | null) =>
      ({
        getAttribute: () => null,
        getRootNode: () => ({}),
        parentElement: null,
        ownerDocument: { documentElement: { getAttribute: () => docLang } },
      }) as unknown as Element;
    expect(resolveLocale(element(null))).toBe('vi');
    expect(resolveLocale(element('fr'))).toBe('vi');
    expect(resolveLocale(element('en-GB'))).toBe('en');
    expect(defaultLocale).toBe(resolveLocale(element(null)));
  });
});

describe('translate', () => {
  const messages = defineMessages({
    vi: { close: 'Đóng', pages: (n: number) => `${n} trang` },
    en: { close: 'Close', pages: (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}` },
  });

  it('reads plain texts in each language', () => {
    expect(translate(messages, 'vi', 'close')).toBe('Đóng');
    expect(translate(messages, 'en', 'close')).toBe('Close');
  });

  it('applies typed parameters', () => {
    expect(translate(messages, 'vi', 'pages', 3)).toBe('3 trang');
    expect(translate(messages, 'en', 'pages', 1)).toBe('1 page');
    expect(translate(messages, 'en', 'pages', 2)).toBe('2 pages');
  });

  it('falls back to Vietnamese, then to the key, when a catalogue built without types lacks an entry', () => {
    const partial = { vi: { only: 'Chỉ tiếng Việt' }, en: {} } as unknown as typeof messages;
    expect(translate(partial, 'en', 'close' as never)).toBe('close');
    expect(translate(partial as never, 'en', 'only' as never)).toBe('Chỉ tiếng Việt');
  });
});
