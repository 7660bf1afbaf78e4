// Property: generated packages with a random set of the deviations real axis traffic shows. Reading never throws and
// always succeeds; the axis profile reports only warnings (each applied deviation among them); strict makes each of
// them an error.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdxml, checkEdxml, parseEdxml, type EdxmlDeviationCode, type EdxmlDocumentPackage } from './index.js';
import { chunked, fuzzRuns } from './test-helpers.js';
import { documentPackage } from './testing.js';

// A case runs a parse and two checks of a whole package: a twentieth of the usual count (500 under CI, 100 locally;
// `pnpm fuzz` runs 10 000).
const runs = Math.max(100, Math.floor(fuzzRuns(500) / 20));
const NS_DECL = ' xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"';

/**
 * A deviation of the model (before building) or of the text (after), and the code it must be reported with. A model
 * deviation returns the field it changed (a later one on the same field replaces it), or undefined if it had none.
 */
type Deviation =
  | { on: 'model'; code: EdxmlDeviationCode; apply: (p: EdxmlDocumentPackage) => string | undefined }
  | { on: 'text'; code: EdxmlDeviationCode; apply: (x: string) => string };

const organIds: Array<[string, EdxmlDeviationCode]> = [
  ['vxp.saas.03', 'EDXML_ORGAN_ID_SYSTEM'],
  ['null', 'EDXML_ORGAN_ID_NULL'],
  ['01.02.G22', 'EDXML_ORGAN_ID_SHORT'],
];

const deviation: fc.Arbitrary<Deviation> = fc.oneof(
  fc.tuple(fc.constantFrom(...organIds), fc.constantFrom('from', 'to', 'trace')).map(([[id, code], where]): Deviation => ({
    on: 'model',
    code,
    apply: (p) => {
      const target = where === 'from' ? p.header.from : where === 'to' ? p.header.to[0] : p.traceHeaderList?.traceHeaders[0];
      if (!target) return undefined;
      target.organId = id;
      return `${where}.organId`;
    },
  })),
  fc.uuid().map((id): Deviation => ({ on: 'model', code: 'EDXML_DOCUMENT_ID_UUID', apply: (p) => ((p.header.documentId = id), 'documentId') })),
  fc.stringMatching(/^[0-9]{12,20}$/).map((n): Deviation => ({
    on: 'model',
    code: 'EDXML_CODE_NUMBER_TOO_LONG',
    apply: (p) => (p.header.code ? ((p.header.code.codeNumber = n), 'codeNumber') : undefined),
  })),
  fc.constant<Deviation>({ on: 'model', code: 'EDXML_ORGAN_NAME_EMPTY', apply: (p) => (p.header.to[0] ? ((p.header.to[0].organName = ''), 'to.organName') : undefined) }),
  fc.constant<Deviation>({
    on: 'model',
    code: 'EDXML_BUSSINESS_DOCUMENT_ID_MISSING',
    apply: (p) => {
      const b = p.traceHeaderList?.bussiness;
      if (!b || !b.bussinessDocType) return undefined;
      delete b.documentId;
      return 'bussiness.documentId';
    },
  }),
  fc.constant<Deviation>({
    on: 'model',
    code: 'EDXML_CONTENT_TYPE_MISMATCH',
    apply: (p) => {
      const ref = p.manifest?.references.find((r) => p.attachments.some((a) => a.contentId === r.contentId && a.contentType));
      if (!ref) return undefined;
      ref.contentType = 'application/x-other';
      return 'reference.contentType';
    },
  }),
  fc.constantFrom('\uFEFF\uFEFF', '\r\n', 'OK\n', ' \uFEFF').map((junk): Deviation => ({ on: 'text', code: 'EDXML_BYTES_BEFORE_PROLOG', apply: (x) => junk + x })),
  fc.constant<Deviation>({
    on: 'text',
    code: 'EDXML_UNDECLARED_PREFIX',
    apply: (x) => x.replace(`<edXML:ContentTransferEncoded${NS_DECL}>`, '<edXML:ContentTransferEncoded>'),
  }),
  fc.constant<Deviation>({ on: 'text', code: 'EDXML_UNDECLARED_PREFIX', apply: (x) => x.replace('<edXML:Reference>', '<edXML:Reference xlink:href="cid:x">') }),
  fc.constant<Deviation>({
    on: 'text',
    code: 'EDXML_SIGNATURE_NOT_XMLDSIG',
    apply: (x) => x.replace('</edXML:edXMLHeader>', '<Signature><SignedInfo/></Signature></edXML:edXMLHeader>'),
  }),
  fc.constant<Deviation>({
    on: 'text',
    code: 'EDXML_ATTACHMENT_PLACEHOLDER',
    apply: (x) => x.replace(/(<edXML:ContentTransferEncoded[^>]*>)[^<]*/, '$1${__StringFromFile(data.txt,,,)}'),
  }),
);

describe('axis deviations (property)', () => {
  it('parse never fails, axis reports only warnings, strict makes every applied deviation an error', async () => {
    await fc.assert(
      fc.asyncProperty(documentPackage(), fc.array(deviation, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 64 }), async (pkg, deviations, chunk) => {
        const fields = new Map<string, EdxmlDeviationCode>();
        for (const d of deviations) {
          const field = d.on === 'model' ? d.apply(pkg) : undefined;
          if (field) fields.set(field, d.code);
        }
        const applied = new Set(fields.values());
        let xml = buildEdxml(pkg);
        for (const d of deviations) {
          if (d.on !== 'text') continue;
          const next = d.apply(xml);
          if (next !== xml) applied.add(d.code);
          xml = next;
        }
        const bytes = new TextEncoder().encode(xml);
        const parsed = await parseEdxml(chunked(bytes, chunk));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
        const axis = await checkEdxml(bytes, { profile: 'axis' });
        expect(axis.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(axis.ok).toBe(true);
        const axisCodes = new Set(axis.issues.map((i) => i.code));
        const strict = await checkEdxml(bytes, { profile: 'strict' });
        const strictErrors = new Set(strict.issues.filter((i) => i.severity === 'error').map((i) => i.code));
        for (const code of applied) {
          expect(axisCodes).toContain(code);
          expect(strictErrors).toContain(code);
        }
        expect(strict.ok).toBe(applied.size === 0);
      }),
      { numRuns: runs },
    );
  });
});
