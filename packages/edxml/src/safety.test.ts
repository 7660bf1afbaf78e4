import { describe, expect, it } from 'vitest';
import { parseEdxml, type EdxmlIssue } from './index.js';

const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

async function firstError(input: string | Uint8Array, limits = {}): Promise<EdxmlIssue> {
  const r = await parseEdxml(input, { limits });
  if (r.ok) throw new Error('expected an error');
  return r.errors[0] as EdxmlIssue;
}

describe('safe XML', () => {
  it('refuses billion laughs before expanding anything', async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<edXML xmlns="${NS}">&lol9;</edXML>`;
    expect(await firstError(lol)).toMatchObject({ code: 'XML_DOCTYPE_FORBIDDEN', location: { line: 2, column: 1 } });
  });

  it('refuses XXE (external entity) and external DTD references', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><edXML xmlns="${NS}">&xxe;</edXML>`;
    expect((await firstError(xxe)).code).toBe('XML_DOCTYPE_FORBIDDEN');
    const dtd = `<?xml version="1.0"?><!DOCTYPE edXML SYSTEM "http://example.invalid/x.dtd"><edXML xmlns="${NS}"/>`;
    expect((await firstError(dtd)).code).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('refuses the quadratic blowup (one large entity used many times)', async () => {
    const big = 'A'.repeat(100_000);
    const xml = `<!DOCTYPE kaboom [<!ENTITY a "${big}">]><edXML xmlns="${NS}">${'&a;'.repeat(10_000)}</edXML>`;
    expect((await firstError(xml)).code).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('refuses undeclared entities without a DOCTYPE', async () => {
    const e = await firstError(`<edXML xmlns="${NS}">&lol;</edXML>`);
    expect(e).toMatchObject({ code: 'XML_ENTITY_UNKNOWN', params: { entity: 'lol' } });
  });

  it('limits nesting depth', async () => {
    const deep = `<edXML xmlns="${NS}">${'<a>'.repeat(100_000)}`;
    expect(await firstError(deep)).toMatchObject({ code: 'XML_LIMIT', params: { name: 'maxDepth', max: 64 } });
  });

  it('limits element count', async () => {
    const many = `<edXML xmlns="${NS}">${'<a/>'.repeat(1000)}</edXML>`;
    expect(await firstError(many, { maxElements: 500 })).toMatchObject({ code: 'XML_LIMIT', params: { name: 'maxElements' } });
  });

  it('limits attributes per element and attribute length', async () => {
    const attrs = Array.from({ length: 100 }, (_, i) => `a${i}="x"`).join(' ');
    expect(await firstError(`<edXML xmlns="${NS}" ${attrs}/>`)).toMatchObject({ params: { name: 'maxAttributes' } });
    const long = `<edXML xmlns="${NS}" a="${'x'.repeat(70_000)}"/>`;
    expect(await firstError(long)).toMatchObject({ params: { name: 'maxAttributeLength' } });
  });

  it('limits text length, token length and total size', async () => {
    const text = `<edXML xmlns="${NS}"><x>${'y'.repeat(2_000_000)}</x></edXML>`;
    expect(await firstError(text)).toMatchObject({ params: { name: 'maxTextLength' } });
    const comment = `<edXML xmlns="${NS}"><!--${'c'.repeat(5_000_000)}`;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        const bytes = new TextEncoder().encode(comment);
        for (let o = 0; o < bytes.length; o += 65536) c.enqueue(bytes.slice(o, o + 65536));
        c.close();
      },
    });
    const r = await parseEdxml(stream);
    expect(!r.ok && r.issues[0]?.params['name']).toBe('maxTokenLength');
    expect(await firstError(`<edXML xmlns="${NS}"/>`, { maxTotalBytes: 10 })).toMatchObject({ params: { name: 'maxTotalBytes' } });
  });

  it('refuses non-UTF-8 encodings and invalid bytes', async () => {
    expect((await firstError(`<?xml version="1.0" encoding="windows-1258"?><edXML xmlns="${NS}"/>`)).code).toBe('XML_ENCODING_UNSUPPORTED');
    const bad = new Uint8Array([...new TextEncoder().encode(`<edXML xmlns="${NS}"><x>`), 0xc3, 0x28, ...new TextEncoder().encode('</x></edXML>')]);
    expect((await firstError(bad)).code).toBe('XML_INVALID_UTF8');
  });

  it('refuses control characters, unbound prefixes, duplicate attributes and stray content', async () => {
    expect((await firstError(`<edXML xmlns="${NS}"><x>&#1;</x></edXML>`)).code).toBe('XML_ENTITY_UNKNOWN');
    expect((await firstError(`<edXML xmlns="${NS}"><x>\u0001</x></edXML>`)).code).toBe('XML_INVALID_CHAR');
    expect((await firstError(`<edXML xmlns="${NS}"><p:x/></edXML>`)).code).toBe('XML_UNBOUND_PREFIX');
    expect((await firstError(`<edXML xmlns="${NS}" a="1" a="2"/>`)).code).toBe('XML_DUPLICATE_ATTRIBUTE');
    expect((await firstError(`<edXML xmlns="${NS}"/>trailing`)).code).toBe('XML_CONTENT_OUTSIDE_ROOT');
    expect((await firstError(`<edXML xmlns="${NS}"/><edXML xmlns="${NS}"/>`)).code).toBe('XML_CONTENT_OUTSIDE_ROOT');
    expect((await firstError('')).code).toBe('XML_EMPTY');
    expect((await firstError(`<edXML xmlns="${NS}"><a>`)).code).toBe('XML_UNCLOSED');
  });
});
