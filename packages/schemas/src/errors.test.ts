import { describe, expect, it } from 'vitest';
import { EgovError, failure, isEgovError, makeIssue, ok, unwrap } from './errors.js';
import { safeParseAgencyCode } from './agency/code.js';

describe('Issue, Result and EgovError', () => {
  it('builds an issue with code, path, params and the message in the asked language and in both', () => {
    const issue = makeIssue('x.rule', { vi: 'Sai', en: 'Wrong' }, { path: ['a', 0], params: { n: 1 }, lang: 'en' });
    expect(issue).toEqual({ code: 'x.rule', path: ['a', 0], params: { n: 1 }, message: 'Wrong', localized: { vi: 'Sai', en: 'Wrong' } });
  });

  it('gives failed results both issues and the deprecated errors (one array)', () => {
    const r = failure([makeIssue('x', { vi: 'a', en: 'b' })]);
    expect(r.ok).toBe(false);
    expect(r.errors).toBe(r.issues);
    expect(ok(3)).toEqual({ ok: true, value: 3 });
  });

  it('throws an EgovError with code, issues and a localised message', () => {
    const r = safeParseAgencyCode('nope', { path: ['from'] });
    let caught: unknown;
    try {
      unwrap(r);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EgovError);
    const err = caught as EgovError;
    expect(err.code).toBe('agencyCode.format');
    expect(err.message).toMatch(/^from: Mã định danh "nope"/);
    expect(err.text('en')).toMatch(/^from: Agency code "nope"/);
    expect(isEgovError(err)).toBe(true);
    expect(isEgovError(new Error('x'))).toBe(false);
  });

  it('lets a package subclass it with its own code union and one bilingual message', () => {
    type Code = 'A' | 'B';
    class PkgError extends EgovError<Code> {
      override name = 'PkgError';
    }
    const e = new PkgError([makeIssue<Code>('B', { vi: 'Lỗi B', en: 'Error B' })], { code: 'B', localized: { vi: 'Lỗi B', en: 'Error B' }, lang: 'en' });
    expect(e.message).toBe('Error B');
    expect(e.code).toBe('B');
    expect(e).toBeInstanceOf(EgovError);
  });
});
