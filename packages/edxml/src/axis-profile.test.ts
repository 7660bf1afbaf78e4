// The two profiles over the axis fixtures (fixtures/axis, see its README): each is readable under `axis` with exactly
// the expected warnings, and fails `strict` with the expected errors; what breaks delivery fails both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildEdxml,
  checkEdxml,
  classifyOrganId,
  deviationCodes,
  issueMessages,
  parseEdxml,
  type EdxmlIssue,
  type EdxmlProfile,
} from './index.js';
import { sampleDocumentPackage, sampleStatusPackage } from './fixtures.js';

const dir = new URL('../fixtures/axis/', import.meta.url);
interface Expected {
  about: string;
  axisWarnings: string[];
  strictErrors: string[];
  javaReadsOriginal: boolean;
}
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, Expected>;
const fixtures = Object.entries(expected).map(([file, e]) => ({ file, ...e, bytes: readFileSync(new URL(file, dir)) }));

const unique = (issues: EdxmlIssue[]): string[] => [...new Set(issues.map((i) => i.code))].sort();

describe('axis fixtures', () => {
  it('cover every deviation code', () => {
    const covered = new Set(fixtures.flatMap((f) => f.axisWarnings));
    expect([...deviationCodes].filter((c) => !covered.has(c))).toEqual([]);
  });

  it.each(fixtures)('$file: axis reads it with exactly the expected warnings, strict refuses it', async (f) => {
    const axis = await checkEdxml(f.bytes, { profile: 'axis' });
    expect(axis.ok).toBe(true);
    expect(axis.profile).toBe('axis');
    expect(axis.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(unique(axis.issues)).toEqual(f.axisWarnings);
    for (const i of axis.issues) {
      expect(i.location?.path).toMatch(/^\//);
      expect(i.message.length).toBeGreaterThan(10);
    }
    const strict = await checkEdxml(f.bytes, { profile: 'strict', lang: 'en' });
    expect(strict.ok).toBe(false);
    expect(unique(strict.issues.filter((i) => i.severity === 'error'))).toEqual(expect.arrayContaining(f.strictErrors));
    // the default profile of checkEdxml is strict
    expect((await checkEdxml(f.bytes)).issues.map((i) => [i.code, i.severity])).toEqual(
      (await checkEdxml(f.bytes, { profile: 'strict' })).issues.map((i) => [i.code, i.severity]),
    );
    // and parseEdxml reads it (reading deviations as warnings, nothing fatal)
    const parsed = await parseEdxml(f.bytes);
    expect(parsed).toMatchObject({ ok: true });
    expect((parsed.ok ? parsed.warnings : []).every((w) => w.severity === 'warning')).toBe(true);
  });

  it('report located warnings in Vietnamese by default and in English on request', async () => {
    const f = fixtures.find((x) => x.file === 'organ-id-short.edxml');
    const vi = await checkEdxml(f!.bytes, { profile: 'axis' });
    const en = await checkEdxml(f!.bytes, { profile: 'axis', lang: 'en' });
    expect(vi.issues[0]).toMatchObject({
      code: 'EDXML_ORGAN_ID_SHORT',
      severity: 'warning',
      location: { path: '/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader/OrganId', line: 67 },
      params: { value: '01.02.G22', expected: '000.01.02.G22' },
    });
    expect(vi.issues[0]?.message).toContain('rút gọn');
    expect(en.issues[0]?.message).toContain('short form');
  });
});

describe('profiles on conformant packages and on what breaks delivery', () => {
  const doc = buildEdxml(sampleDocumentPackage('replace'));
  const edit = (from: string | RegExp, to: string): string => {
    const out = doc.replace(from, to);
    if (out === doc) throw new Error(`edit did not apply: ${String(from)}`);
    return out;
  };

  it.each<EdxmlProfile>(['axis', 'strict'])('a package our builder writes is clean under %s', async (profile) => {
    expect(await checkEdxml(doc, { profile })).toMatchObject({ ok: true, issues: [] });
    expect(await checkEdxml(buildEdxml(sampleStatusPackage('06')), { profile })).toMatchObject({ ok: true, issues: [] });
  });

  it.each<[string, string, string]>([
    ['no recipient', edit(/<edXML:To>[\s\S]*?<\/edXML:To>\n/, ''), 'EDXML_REQUIRED'],
    ['no sender', edit(/<edXML:From>[\s\S]*?<\/edXML:From>\n/, ''), 'EDXML_REQUIRED'],
    ['a recipient without OrganId', edit('<edXML:OrganId>000.00.00.H49</edXML:OrganId>\n', ''), 'EDXML_REQUIRED'],
    ['an attachment the manifest names is missing', edit(/<Attachment>[\s\S]*<\/Attachment>\n/, ''), 'EDXML_CID_NO_ATTACHMENT'],
    ['not XML at all', 'HTTP/1.1 502 Bad Gateway', 'XML_CONTENT_OUTSIDE_ROOT'],
    ['a DOCTYPE', `<!DOCTYPE x [<!ENTITY a "b">]>${doc}`, 'XML_DOCTYPE_FORBIDDEN'],
  ])('%s is an error under axis too', async (_name, input, code) => {
    for (const profile of ['axis', 'strict'] as const) {
      const r = await checkEdxml(input, { profile });
      expect(r.ok).toBe(false);
      expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toContain(code);
    }
  });

  it('a size limit is an error under axis', async () => {
    const r = await checkEdxml(doc, { profile: 'axis', limits: { maxTotalBytes: 1000 } });
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'XML_LIMIT', severity: 'error' }] });
  });

  it('a status package with an empty StatusCode is an error under axis', async () => {
    const st = buildEdxml(sampleStatusPackage('03')).replace(/<edXML:StatusCode>[^<]*<\/edXML:StatusCode>/, '<edXML:StatusCode/>');
    const r = await checkEdxml(st, { profile: 'axis' });
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'EDXML_REQUIRED', severity: 'error', params: { name: 'StatusCode' } }));
  });

  it('other conformance errors of strict are warnings under axis', async () => {
    const noSubject = edit(/<edXML:Subject>[^<]*<\/edXML:Subject>/, '<edXML:Subject/>');
    expect(await checkEdxml(noSubject, { profile: 'strict' })).toMatchObject({ ok: false, issues: [{ code: 'EDXML_REQUIRED', severity: 'error' }] });
    expect(await checkEdxml(noSubject, { profile: 'axis' })).toMatchObject({ ok: true, issues: [{ code: 'EDXML_REQUIRED', severity: 'warning' }] });
  });

  it('warnings: false leaves only errors, under either profile', async () => {
    const f = fixtures.find((x) => x.file === 'captured-vpcp-2019.edxml')!;
    expect((await checkEdxml(f.bytes, { profile: 'axis', warnings: false })).issues).toEqual([]);
    const strict = await checkEdxml(f.bytes, { profile: 'strict', warnings: false });
    expect(strict.issues.length).toBeGreaterThan(0);
    expect(strict.issues.every((i) => i.severity === 'error')).toBe(true);
  });
});

describe('classifyOrganId (through the agency-code parser of @egov-vn/schemas)', () => {
  it.each([
    ['000.00.00.H49', 'code'],
    ['000.01.02.G22', 'code'],
    ['01.02.G22', 'short'],
    ['02.29.W00', 'short'],
    ['vxp.saas.03', 'system'],
    ['null', 'null'],
    ['NULL', 'null'],
    ['000.00.00.h49', 'invalid'],
    ['G12', 'invalid'],
    ['020100107370', 'invalid'],
    ['001.00.20.TT2', 'invalid'],
  ])('%s is %s', (value, kind) => {
    expect(classifyOrganId(value).kind).toBe(kind);
  });

  it('gives the full form of a short one', () => {
    expect(classifyOrganId('01.02.G22')).toEqual({ kind: 'short', expected: '000.01.02.G22' });
  });
});

describe('deviation messages', () => {
  it.each(deviationCodes)('%s has a Vietnamese and an English message', (code) => {
    const def = issueMessages[code];
    const params = { prefix: 'edXML', ns: 'urn:x', count: 2, bytes: 3, kind: 'whitespace', kindVi: 'khoảng trắng', value: 'v', name: 'To', type: 1, action: 'revokes', actionVi: 'thu hồi', expected: 'e', length: 12, max: 11, manifest: 'a', attachment: 'b' };
    expect(def.vi(params)).not.toBe(def.en(params));
    expect(def.vi(params)).not.toMatch(/undefined/);
    expect(def.en(params)).not.toMatch(/undefined/);
  });
});
