// fast-check arbitraries for valid edXML packages, for property tests in your own code:
//   import { arbitraries } from '@egov-vn/edxml/testing';
//   fc.assert(fc.property(arbitraries.documentPackage(), (pkg) => …));
import * as fc from 'fast-check';
import { attachmentFromBytes } from './attachment.js';
import { formatDocumentId } from './check.js';
import type {
  EdxmlBussiness,
  EdxmlDocumentPackage,
  EdxmlOrganization,
  EdxmlStatusPackage,
} from './model.js';
import { statusCodes } from './status.js';
import type { XmlElement } from './xml.js';

export { sampleDocumentPackage, sampleStatusCodes, sampleStatusPackage, type SampleBusiness } from './fixtures.js';

const chars = [
  ...Array.from('abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY0123456789'),
  ...Array.from('àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĐƠƯ'),
  ...Array.from(' .,;:-/()&<>"\'[]!?%#+*=_@'),
  '\n',
  '\t',
];

/** Non-empty text of XML-safe characters (Vietnamese letters, punctuation, markup characters, newlines). */
export function text(maxLength = 40): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength })
    .filter((s) => s.trim() !== '');
}

const digit = fc.constantFrom(...Array.from('0123456789'));
const upper = fc.constantFrom(...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ'));

/** A structurally valid agency code `V1V2V3.Z1Z2.Y1Y2.X1X2X3`, e.g. `000.00.00.H49`. */
export function organId(): fc.Arbitrary<string> {
  const group = (n: number): fc.Arbitrary<string> => fc.string({ unit: digit, minLength: n, maxLength: n });
  return fc
    .tuple(group(3), group(2), group(2), upper, group(2))
    .map(([a, b, c, l, d]) => `${a}.${b}.${c}.${l}${d}`);
}

/** A real date `yyyy/MM/dd`. */
export function date(): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replace(/-/g, '/'));
}

/** A timestamp `yyyy/MM/dd HH:mm:ss`. */
export function timestamp(): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' '));
}

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** An agency block (`From`/`To`). */
export function organization(): fc.Arbitrary<EdxmlOrganization> {
  return fc
    .record({
      organId: organId(),
      organizationInCharge: optional(text()),
      organName: text(),
      organAdd: optional(text()),
      email: optional(fc.constantFrom('vanthu@gov.vn', 'ubnd@quangninh.gov.vn', 'vpcp@chinhphu.vn')),
      telephone: optional(fc.string({ unit: digit, minLength: 1, maxLength: 11 })),
      fax: optional(fc.string({ unit: digit, minLength: 1, maxLength: 11 })),
      website: optional(fc.constantFrom('gov.vn', 'chinhphu.vn')),
    })
    .map(compact);
}

/** A foreign-namespace extension element (kept and written back by the parser and the builder). */
export function extensionElement(): fc.Arbitrary<XmlElement> {
  return fc
    .record({
      local: fc.constantFrom('Note', 'Meta', 'x-Tag'),
      attr: optional(text(10)),
      inner: optional(fc.oneof(text(20), fc.constant<'child'>('child'))),
    })
    .map(({ local, attr, inner }): XmlElement => {
      const attributes: Array<[string, string]> = [['xmlns:ext', 'urn:example:ext']];
      if (attr !== undefined) attributes.push(['ext:a', attr]);
      const children: XmlElement['children'] =
        inner === undefined ? [] : inner === 'child' ? [{ name: 'ext:Child', attributes: [], children: [] }] : [inner];
      return { name: `ext:${local}`, attributes, children };
    });
}

function bussiness(kind: 0 | 1 | 2 | 3): fc.Arbitrary<EdxmlBussiness> {
  return fc
    .record({
      staff: text(),
      reason: text(),
      target: fc.tuple(organId(), date(), fc.integer({ min: 1, max: 9999 })),
      organs: fc.array(organId(), { minLength: 1, maxLength: 3 }),
      receivers: fc.array(fc.record({ organId: organId(), receiverType: fc.integer({ min: 0, max: 1 }) }), { maxLength: 3 }),
    })
    .map(({ staff, reason, target, organs, receivers }) => {
      const b: EdxmlBussiness = {
        bussinessDocType: kind,
        bussinessDocReason: reason,
        paper: 0,
        staffInfo: { staff },
      };
      const targetId = formatDocumentId(target[0], target[1], String(target[2]).padStart(2, '0'), 'UBND-VP');
      if (kind > 0) b.documentId = targetId;
      if (kind === 3) b.replacementInfoList = [{ documentId: targetId, organIdList: organs }];
      if (kind === 2) b.bussinessDocumentInfo = { documentInfo: 1, documentReceiver: 0, receiverList: receivers };
      return b;
    });
}

/** A valid document package: it passes `checkEdxmlPackage` without errors and survives build → parse unchanged. */
export function documentPackage(options: { maxAttachmentBytes?: number; extensions?: boolean } = {}): fc.Arbitrary<EdxmlDocumentPackage> {
  const maxBytes = options.maxAttachmentBytes ?? 256;
  return fc
    .record({
      from: organization(),
      to: fc.uniqueArray(organization(), { minLength: 1, maxLength: 3, selector: (o) => o.organId }),
      number: fc.integer({ min: 1, max: 99999 }).map((n) => String(n).padStart(2, '0')),
      notation: fc.constantFrom('UBND-VP', 'VPCP-TTĐT', 'BTTTT-CĐSQG', 'QĐ-UBND', 'CV'),
      date: date(),
      place: text(20),
      typeName: fc.constantFrom('Công văn', 'Quyết định', 'Thông báo', 'Tờ trình', 'Kế hoạch'),
      type: fc.integer({ min: 0, max: 99 }),
      subject: text(120),
      signer: fc.record({ fullName: text(30), position: optional(text(40)), competence: optional(fc.constantFrom('TM.', 'KT.', 'TL.', 'TUQ.', 'Q.')) }).map(compact),
      priority: fc.integer({ min: 0, max: 4 }),
      steeringType: optional(fc.integer({ min: 0, max: 2 })),
      dueDate: optional(date()),
      toPlaces: optional(fc.array(text(30), { maxLength: 3 })),
      appendixes: optional(fc.array(text(30), { maxLength: 2 })),
      direction: optional(fc.boolean()),
      business: fc.constantFrom(0, 1, 2, 3).chain((k) => bussiness(k)),
      trace: fc.array(fc.record({ organId: organId(), timestamp: timestamp() }), { minLength: 1, maxLength: 3 }),
      files: fc.array(
        fc.record({
          name: fc.constantFrom('van-ban.pdf', 'phu-luc.docx', 'bang.xlsx'),
          type: fc.constantFrom('application/pdf', 'application/zip', 'application/msword'),
          bytes: fc.uint8Array({ maxLength: maxBytes }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      ext: options.extensions === false ? fc.constant(undefined) : optional(fc.array(extensionElement(), { minLength: 1, maxLength: 2 })),
    })
    .map((r): EdxmlDocumentPackage => {
      const otherInfo = compact({
        priority: r.priority,
        sphereOfPromulgation: 'Liên thông văn bản quốc gia',
        direction: r.direction,
        appendixes: r.appendixes,
      });
      const header: EdxmlDocumentPackage['header'] = compact({
        from: r.from,
        to: r.to,
        documentId: formatDocumentId(r.from.organId as string, r.date, r.number, r.notation),
        code: { codeNumber: r.number, codeNotation: r.notation },
        promulgationInfo: { place: r.place, promulgationDate: r.date },
        documentType: { type: r.type, typeName: r.typeName },
        subject: r.subject,
        signerInfo: r.signer,
        dueDate: r.dueDate,
        otherInfo,
        steeringType: r.steeringType,
        toPlaces: r.toPlaces,
        responseFor: [],
        extensions: r.ext,
      });
      const files = r.files.map((f, i) => ({ ...f, cid: `cid:${i + 1}` }));
      return {
        kind: 'document',
        header,
        traceHeaderList: { traceHeaders: r.trace, bussiness: r.business },
        manifest: {
          version: '1.0',
          references: files.map((f) => ({ contentId: f.cid, contentType: f.type, attachmentName: f.name, description: f.name })),
        },
        attachments: files.map((f) =>
          attachmentFromBytes({ contentId: f.cid, attachmentName: f.name, contentType: f.type, description: f.name }, f.bytes),
        ),
      };
    });
}

/** A valid status package with one of the known status codes. */
export function statusPackage(): fc.Arbitrary<EdxmlStatusPackage> {
  return fc
    .record({
      from: organization(),
      original: fc.tuple(organId(), date(), fc.integer({ min: 1, max: 9999 })),
      code: fc.constantFrom(...statusCodes.map((s) => s.code)),
      description: text(60),
      timestamp: timestamp(),
      staff: optional(fc.record({ department: text(20), staff: text(20) })),
      headerElement: optional(fc.constant<'Status'>('Status')),
    })
    .map((r): EdxmlStatusPackage => {
      const [org, d, n] = r.original;
      const pkg: EdxmlStatusPackage = {
        kind: 'status',
        header: compact({
          from: r.from,
          responseFor: { organId: org, code: `${n}/UBND-VP`, promulgationDate: d, documentId: formatDocumentId(org, d, String(n), 'UBND-VP') },
          staffInfo: r.staff,
          statusCode: r.code,
          description: r.description,
          timestamp: r.timestamp,
        }),
      };
      if (r.headerElement) pkg.headerElement = r.headerElement;
      return pkg;
    });
}

/** Any valid package (document or status). */
export function edxmlPackage(): fc.Arbitrary<EdxmlDocumentPackage | EdxmlStatusPackage> {
  return fc.oneof(documentPackage(), statusPackage());
}

/** All arbitraries in one object. */
export const arbitraries = {
  text,
  organId,
  date,
  timestamp,
  organization,
  extensionElement,
  documentPackage,
  statusPackage,
  edxmlPackage,
};
