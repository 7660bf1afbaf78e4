import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suffixTags, tagSuffix } from './build.js';
import { cspHash, importMapFor, importMapText, scriptSrc, snippet, sri } from './importmap.js';
import type { CdnManifest } from './importmap.js';

const manifest: CdnManifest = {
  version: '1.2.3',
  tagSuffix: '1-2',
  tags: { 'egov-deadline': 'calendar-elements/deadline-AAAAAAAA.js' },
  suffixedTags: { 'egov-deadline-1-2': 'suffixed/calendar-elements/deadline-BBBBBBBB.js' },
  imports: { lit: 'vendor/lit-CCCCCCCC.js' },
  integrity: {
    'loader.js': 'sha384-loader',
    'loader-suffixed.js': 'sha384-loader-suffixed',
    'calendar-elements/deadline-AAAAAAAA.js': 'sha384-a',
    'suffixed/calendar-elements/deadline-BBBBBBBB.js': 'sha384-b',
    'vendor/lit-CCCCCCCC.js': 'sha384-c',
  },
  packages: { '@egov-vn/calendar-elements': '1.2.3' },
};

describe('importMapFor', () => {
  it('maps the shared modules in a scope of the versioned folder only, with the integrity of its own variant', () => {
    expect(importMapFor(manifest)).toEqual({
      scopes: { '/egov-vn/1.2.3/': { lit: '/egov-vn/1.2.3/vendor/lit-CCCCCCCC.js' } },
      integrity: {
        '/egov-vn/1.2.3/loader.js': 'sha384-loader',
        '/egov-vn/1.2.3/calendar-elements/deadline-AAAAAAAA.js': 'sha384-a',
        '/egov-vn/1.2.3/vendor/lit-CCCCCCCC.js': 'sha384-c',
      },
    });
    const suffixed = importMapFor(manifest, 'https://cdn.tinh.gov.vn/js/egov-vn/1.2.3', { suffixed: true });
    expect(Object.keys(suffixed.integrity!)).toEqual([
      'https://cdn.tinh.gov.vn/js/egov-vn/1.2.3/loader-suffixed.js',
      'https://cdn.tinh.gov.vn/js/egov-vn/1.2.3/suffixed/calendar-elements/deadline-BBBBBBBB.js',
      'https://cdn.tinh.gov.vn/js/egov-vn/1.2.3/vendor/lit-CCCCCCCC.js',
    ]);
    expect(suffixed.imports).toBeUndefined();
  });

  it('writes a snippet whose import map hashes to the script-src it prints', () => {
    const html = snippet(manifest);
    const text = /<script type="importmap">(.*)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(text)).toEqual(importMapFor(manifest));
    expect(html).toContain('<script type="module" src="/egov-vn/1.2.3/loader.js" integrity="sha384-loader"></script>');
    expect(scriptSrc(manifest)).toBe(`script-src 'self' 'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    expect(snippet(manifest, undefined, { suffixed: true })).toContain('src="/egov-vn/1.2.3/loader-suffixed.js" integrity="sha384-loader-suffixed"');
  });

  it('computes SRI and CSP hashes as the standards define them (known vectors)', () => {
    // SHA-384("abc") and SHA-256("abc"), FIPS 180-2 appendix examples, in base64.
    expect(sri('abc')).toBe('sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn');
    expect(cspHash('abc')).toBe("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
    expect(importMapText({ imports: { a: '/b' } })).toBe('{"imports":{"a":"/b"}}');
  });
});

describe('version-suffixed tags', () => {
  it('takes the suffix from major and minor', () => {
    expect(tagSuffix('1.2.3')).toBe('1-2');
    expect(tagSuffix('0.10.0-next.1')).toBe('0-10');
    expect(() => tagSuffix('latest')).toThrow(/semantic version/);
  });

  it('rewrites tags in templates, selectors and define calls, never event names or custom properties', () => {
    const code =
      "html`<egov-sign-dialog .pdf=${x}></egov-sign-dialog>`; q('egov-pdf-viewer'); X.define(\"egov-sign-dialog\");" +
      " emit('egov-sign-dialog-open'); css`--egov-sign-dialog-width: 1px; egov-pdf-viewer{}`;";
    expect(suffixTags(code, ['egov-sign-dialog', 'egov-pdf-viewer'], '1-2')).toBe(
      "html`<egov-sign-dialog-1-2 .pdf=${x}></egov-sign-dialog-1-2>`; q('egov-pdf-viewer-1-2'); X.define(\"egov-sign-dialog-1-2\");" +
        " emit('egov-sign-dialog-open'); css`--egov-sign-dialog-width: 1px; egov-pdf-viewer-1-2{}`;",
    );
  });

  it('leaves code without a whole tag in it unchanged (property)', () => {
    const tags = ['egov-deadline', 'egov-pdf-viewer'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom('egov-deadline-change', '--egov-pdf-viewer-x', 'xegov-deadline', 'a', ' ', '`', '"', '<', '>', '-'), { maxLength: 30 }), (parts) => {
        const code = parts.join('');
        fc.pre(!/(?<![\w-])egov-(deadline|pdf-viewer)(?![\w-])/.test(code));
        expect(suffixTags(code, tags, '1-2')).toBe(code);
      }),
    );
  });
});
