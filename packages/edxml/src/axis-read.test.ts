// parseEdxml reads the shapes real axis packages take (undeclared prefixes, bytes before the prolog, a Signature
// outside XMLDSig, a load-test placeholder as attachment content) without loss, each reported once as a warning.
import { describe, expect, it } from 'vitest';
import { buildEdxml, checkEdxml, checkEdxmlPackage, parseEdxml, readAll, type EdxmlDocumentPackage, type EdxmlIssue } from './index.js';
import { sampleDocumentPackage } from './fixtures.js';
import { chunked, plain } from './test-helpers.js';

const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
const conformant = buildEdxml(sampleDocumentPackage('new'));

async function read(input: string | Uint8Array): Promise<{ pkg: EdxmlDocumentPackage; warnings: EdxmlIssue[] }> {
  const r = await parseEdxml(input);
  if (!r.ok) throw new Error(`expected a package, got ${r.errors.map((e) => e.code).join(', ')}`);
  if (r.value.kind !== 'document') throw new Error('expected a document package');
  return { pkg: r.value, warnings: r.warnings };
}

/** The same package read from a stream of 7-byte chunks: the result must not depend on chunking. */
async function readChunked(input: string): Promise<{ pkg: EdxmlDocumentPackage; warnings: EdxmlIssue[] }> {
  const r = await parseEdxml(chunked(new TextEncoder().encode(input), 7));
  if (!r.ok || r.value.kind !== 'document') throw new Error('expected a document package');
  return { pkg: r.value, warnings: r.warnings };
}

const codes = (ws: EdxmlIssue[]): string[] => ws.map((w) => w.code);

describe('undeclared edXML: and xlink: prefixes', () => {
  // As in the SDK samples: the envelope uses edXML: without declaring it (the root declares only the default).
  const undeclared = conformant.replace(` xmlns:edXML="${NS}"`, '');

  it('reads them in their namespace, loses nothing, and reports each prefix once with a count', async () => {
    expect(undeclared).not.toBe(conformant);
    const { pkg, warnings } = await read(undeclared);
    expect(await plain(pkg)).toEqual(await plain((await read(conformant)).pkg));
    expect(codes(warnings)).toEqual(['EDXML_UNDECLARED_PREFIX']);
    const w = warnings[0] as EdxmlIssue;
    expect(w).toMatchObject({ severity: 'warning', params: { prefix: 'edXML', ns: NS }, location: { line: 3, path: '/edXML/edXMLEnvelope' } });
    expect(Number(w.params['count'])).toBeGreaterThan(50);
    expect(w.message).toContain('edXML');
    expect(await plain((await readChunked(undeclared)).pkg)).toEqual(await plain(pkg));
  });

  it('keeps xlink:href on a manifest Reference and writes its declaration back', async () => {
    const withHref = conformant.replace('<edXML:Reference>', '<edXML:Reference xlink:href="cid:1">');
    const { pkg, warnings } = await read(withHref);
    expect(codes(warnings)).toEqual(['EDXML_UNDECLARED_PREFIX']);
    expect(warnings[0]?.params).toMatchObject({ prefix: 'xlink', ns: 'http://www.w3.org/1999/xlink', count: 1 });
    expect(pkg.manifest?.references[0]?.attributes).toEqual([['xlink:href', 'cid:1']]);
    const rebuilt = buildEdxml(pkg);
    expect(rebuilt).toContain('<edXML:Reference xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="cid:1">');
    const again = await read(rebuilt);
    expect(again.warnings).toEqual([]);
    expect(again.pkg.manifest?.references[0]?.attributes).toEqual([
      ['xmlns:xlink', 'http://www.w3.org/1999/xlink'],
      ['xlink:href', 'cid:1'],
    ]);
  });

  it('still refuses any other undeclared prefix', async () => {
    const r = await parseEdxml(conformant.replace('<edXML:Subject>', '<p:Note/><edXML:Subject>'));
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'XML_UNBOUND_PREFIX', params: { prefix: 'p' } }] });
  });
});

describe('bytes before the XML prolog', () => {
  it.each([
    ['a second byte order mark', '\uFEFF\uFEFF', 'byte order mark'],
    ['blank lines', '\r\n\r\n', 'whitespace'],
    ['stray bytes', 'OK\n', 'other bytes'],
  ])('skips %s, reports them located at the first byte, and reads the same package', async (_name, prefix, kind) => {
    const { pkg, warnings } = await read(prefix + conformant);
    expect(codes(warnings)).toEqual(['EDXML_BYTES_BEFORE_PROLOG']);
    expect(warnings[0]).toMatchObject({ location: { line: 1, column: prefix.startsWith('\uFEFF') ? 2 : 1, path: '/' } });
    expect(String(warnings[0]?.params['kind'])).toContain(kind);
    expect(await plain(pkg)).toEqual(await plain((await read(conformant)).pkg));
    expect(codes((await readChunked(prefix + conformant)).warnings)).toEqual(['EDXML_BYTES_BEFORE_PROLOG']);
  });

  it('gives the same answer whatever the chunking, also with a byte order mark split across chunks', async () => {
    for (const prefix of ['\uFEFF\uFEFF\r\n', ' \uFEFF', 'OK\n', '\uFEFF\n']) {
      const whole = await parseEdxml(prefix + conformant);
      const summary = (r: typeof whole): string[] =>
        r.ok ? r.warnings.map((w) => `${w.code} ${String(w.params['bytes'])} ${String(w.location?.column)}`) : ['failed'];
      expect(summary(whole)).toHaveLength(1);
      for (const size of [1, 2, 3, 5]) {
        expect(summary(await parseEdxml(chunked(new TextEncoder().encode(prefix + conformant), size)))).toEqual(summary(whole));
      }
    }
  });

  it('says nothing about one byte order mark, or whitespace before a root without a declaration (both legal XML)', async () => {
    expect((await read(`\uFEFF${conformant}`)).warnings).toEqual([]);
    const noDecl = conformant.replace(/^<\?xml[^>]*>/, '\n\n');
    expect((await read(noDecl)).warnings).toEqual([]);
  });

  it('still refuses what is not XML at all, and a long run of junk', async () => {
    expect(await parseEdxml('hello, not a package')).toMatchObject({ ok: false, errors: [{ code: 'XML_CONTENT_OUTSIDE_ROOT', location: { line: 1, column: 1 } }] });
    expect(await parseEdxml('   \n')).toMatchObject({ ok: false, errors: [{ code: 'XML_EMPTY' }] });
    expect(await parseEdxml('x'.repeat(5000) + conformant)).toMatchObject({ ok: false, errors: [{ code: 'XML_CONTENT_OUTSIDE_ROOT' }] });
  });
});

describe('a Signature outside the XMLDSig namespace', () => {
  it('is kept as written and reported', async () => {
    const signed = conformant.replace(
      '</edXML:edXMLHeader>',
      '<Signature><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/></SignedInfo></Signature></edXML:edXMLHeader>',
    );
    const { pkg, warnings } = await read(signed);
    expect(codes(warnings)).toEqual(['EDXML_SIGNATURE_NOT_XMLDSIG']);
    expect(warnings[0]).toMatchObject({ params: { ns: NS }, location: { path: '/edXML/edXMLEnvelope/edXMLHeader/Signature' } });
    expect(pkg.signature?.children[0]).toMatchObject({ name: 'SignedInfo' });
    expect(buildEdxml(pkg)).toContain('<Signature><SignedInfo><CanonicalizationMethod');
  });
});

describe('a load-test placeholder as attachment content', () => {
  const placeholder = '${__StringFromFile(/opt/jmeter/data/edoc_base64.txt,,,)}';
  const withPlaceholder = conformant.replace(/(<edXML:ContentTransferEncoded[^>]*>)[^<]*/, `$1${placeholder}`);

  it('is read as text (from a string and from a stream), reported, and written back unchanged', async () => {
    for (const { pkg, warnings } of [await read(withPlaceholder), await readChunked(withPlaceholder)]) {
      expect(codes(warnings)).toEqual(['EDXML_ATTACHMENT_PLACEHOLDER']);
      expect(warnings[0]?.params).toMatchObject({ value: placeholder });
      const a = pkg.attachments[0];
      expect(a?.placeholder).toBe(placeholder);
      expect(new TextDecoder().decode(await readAll(a!.stream()))).toBe(placeholder);
      expect(a?.size).toBe(placeholder.length);
      expect(buildEdxml(pkg)).toContain(`>${placeholder}</edXML:ContentTransferEncoded>`);
    }
  });

  it('is reported by checkEdxmlPackage on a package in memory too, once by checkEdxml', async () => {
    const { pkg } = await read(withPlaceholder);
    expect(checkEdxmlPackage(pkg, { profile: 'axis' }).map((i) => [i.code, i.severity])).toEqual([['EDXML_ATTACHMENT_PLACEHOLDER', 'warning']]);
    const copy: EdxmlDocumentPackage = { ...pkg, attachments: pkg.attachments.map((a) => ({ ...a })) };
    expect(checkEdxmlPackage(copy).map((i) => [i.code, i.severity])).toEqual([['EDXML_ATTACHMENT_PLACEHOLDER', 'error']]);
    expect((await checkEdxml(withPlaceholder, { profile: 'axis' })).issues.map((i) => i.code)).toEqual(['EDXML_ATTACHMENT_PLACEHOLDER']);
  });

  it('does not excuse other content that is not base64', async () => {
    const broken = conformant.replace(/(<edXML:ContentTransferEncoded[^>]*>)/, '$1***');
    expect(await parseEdxml(broken)).toMatchObject({ ok: false, errors: [{ code: 'EDXML_BASE64_INVALID' }] });
    const longBroken = conformant.replace(/(<edXML:ContentTransferEncoded[^>]*>)[^<]*/, `$1\${${'A'.repeat(5000)}}`);
    expect(await parseEdxml(longBroken)).toMatchObject({ ok: false, errors: [{ code: 'EDXML_BASE64_INVALID' }] });
  });
});
