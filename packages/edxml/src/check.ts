import { isEdxmlDate, isEdxmlTimestamp, isSecretClassification } from '@egov-vn/schemas/core';
import { makeIssue, type EdxmlIssue, type EdxmlIssueCode, type EdxmlLang, type EdxmlLocation } from './issues.js';
import type {
  EdxmlBussiness,
  EdxmlDocumentPackage,
  EdxmlOrganization,
  EdxmlPackage,
  EdxmlStatusPackage,
} from './model.js';
import { readTree, treeToPackage, type EdxmlInput, type Locations, type ParseOptions, type TreeNode } from './reader.js';
import { classifyOrganId, profileSeverity, type EdxmlProfile } from './profile.js';
import { statusCodeInfo } from './status.js';

/** Result of `checkEdxml`: every problem found, not just the first. */
export interface EdxmlCheckReport {
  /** What the input turned out to be. */
  kind: 'document' | 'status' | 'unknown';
  /** The profile the package was checked against. */
  profile: EdxmlProfile;
  /** true when there is no error (warnings allowed). */
  ok: boolean;
  issues: EdxmlIssue[];
  package?: EdxmlPackage;
}

export interface CheckOptions extends ParseOptions {
  /** Also report warnings (default true). */
  warnings?: boolean;
  /**
   * `strict` (default): the text of QCVN 102:2016, what `buildEdxml` writes; every deviation is an error.
   * `axis`: what the national axis exchanges; only what breaks delivery is an error, deviations are warnings.
   */
  profile?: EdxmlProfile;
}

const UUID = /^\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;
const CID = /^cid:\S+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Dates and timestamps (`yyyy/MM/dd`, `yyyy/MM/dd HH:mm:ss` and Bkav's `dd/MM/yyyy HH:mm:ss`) and the secret-document
// guard are the kit's one definition (@egov-vn/schemas), re-exported where this package's API had them.
export { isEdxmlDate, isEdxmlTimestamp } from '@egov-vn/schemas/core';

/** Splits a DocumentId `<OrganId>,<yyyy/MM/dd>,<number>/<symbol>`. */
export function parseDocumentId(
  id: string,
): { organId: string; date: string; number: string; notation: string } | undefined {
  const m = /^([^,]+),(\d{4}\/\d{2}\/\d{2}),([^/,]+)\/([^,]+)$/.exec(id);
  if (!m || !isEdxmlDate(m[2] as string)) return undefined;
  return { organId: m[1] as string, date: m[2] as string, number: m[3] as string, notation: m[4] as string };
}

/** Builds a DocumentId from its parts. */
export function formatDocumentId(organId: string, date: string, number: string, notation: string): string {
  return `${organId},${date},${number}/${notation}`;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _c of s) n++;
  return n;
}

class Checker {
  issues: EdxmlIssue[] = [];
  constructor(
    private readonly lang: EdxmlLang,
    private readonly locations: Locations | undefined,
    private readonly warnings: boolean,
    private readonly profile: EdxmlProfile,
  ) {}

  /** Location of `obj` (or of its field `key`) with a path fallback when the package was not read from text. */
  loc(obj: object | undefined, path: string, key?: string): EdxmlLocation {
    const entry = obj ? this.locations?.get(obj) : undefined;
    const node: TreeNode | undefined = key ? (entry?.fields.get(key) ?? entry?.node) : entry?.node;
    if (node) return node.loc;
    return { path };
  }

  /** Adds a finding; its severity follows the profile. `critical`: it breaks delivery (an error in every profile). */
  add(code: EdxmlIssueCode, params: Record<string, string | number>, location: EdxmlLocation, severity?: 'warning', critical = false): void {
    const issue = makeIssue(code, params, location, this.lang, severity);
    issue.severity = profileSeverity(code, issue.severity, this.profile, critical);
    if (issue.severity === 'warning' && !this.warnings) return;
    this.issues.push(issue);
  }

  required(obj: object | undefined, key: string, el: string, path: string, critical = false): boolean {
    const v = obj ? (obj as Record<string, unknown>)[key] : undefined;
    if (v === undefined || v === '' || (typeof v === 'string' && v.trim() === '')) {
      this.add('EDXML_REQUIRED', { name: el }, this.loc(obj, path), undefined, critical);
      return false;
    }
    return true;
  }

  /** A DocumentId that is not `<OrganId>,<yyyy/MM/dd>,<number>/<symbol>`: a UUID (seen on the axis) or anything else. */
  documentIdFormat(obj: object, value: string, path: string): void {
    const code = UUID.test(value.trim()) ? 'EDXML_DOCUMENT_ID_UUID' : 'EDXML_DOCUMENT_ID_FORMAT';
    this.add(code, { value }, this.loc(obj, `${path}/DocumentId`, 'documentId'));
  }

  maxLength(obj: object | undefined, key: string, el: string, path: string, max: number, severity?: 'warning'): void {
    const v = obj ? (obj as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'string' && codePoints(v) > max) {
      this.add('EDXML_TOO_LONG', { name: el, length: codePoints(v), max }, this.loc(obj, `${path}/${el}`, key), severity);
    }
  }

  date(obj: object | undefined, key: string, el: string, path: string): void {
    const v = obj ? (obj as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'string' && v !== '' && !isEdxmlDate(v)) {
      this.add('EDXML_DATE_FORMAT', { value: v }, this.loc(obj, `${path}/${el}`, key));
    }
  }

  range(obj: object | undefined, key: string, el: string, path: string, min: number, max: number): void {
    const v = obj ? (obj as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'number' && (v < min || v > max)) {
      this.add('EDXML_RANGE', { name: el, value: v, range: `${min}–${max}` }, this.loc(obj, `${path}/${el}`, key));
    }
  }

  organId(obj: object | undefined, key: string, path: string): void {
    const v = obj ? (obj as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'string' && v !== '') this.organIdValue(v, this.loc(obj, `${path}/OrganId`, key));
  }

  organIdValue(v: string, location: EdxmlLocation): void {
    const c = classifyOrganId(v);
    if (c.kind === 'short') this.add('EDXML_ORGAN_ID_SHORT', { value: v, expected: c.expected }, location);
    else if (c.kind === 'system') this.add('EDXML_ORGAN_ID_SYSTEM', { value: v }, location);
    else if (c.kind === 'null') this.add('EDXML_ORGAN_ID_NULL', { value: v }, location);
    else if (c.kind === 'invalid') this.add('EDXML_ORGAN_ID_FORMAT', { value: v }, location);
  }

  email(obj: object | undefined, key: string, path: string): void {
    const v = obj ? (obj as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'string' && v !== '' && !EMAIL.test(v)) {
      this.add('EDXML_EMAIL_FORMAT', { value: v }, this.loc(obj, `${path}/Email`, key));
    }
  }

  /** From / To: without them (or their OrganId) the axis cannot deliver, an error in every profile. */
  organization(o: EdxmlOrganization | undefined, path: string, el: string, parent: object, parentPath: string, parentKey: string): void {
    if (!o) {
      this.add('EDXML_REQUIRED', { name: el }, this.loc(parent, parentPath, parentKey), undefined, true);
      return;
    }
    if (this.required(o, 'organId', 'OrganId', path, true)) this.organId(o, 'organId', path);
    if (o.organName !== undefined && o.organName.trim() === '') {
      this.add('EDXML_ORGAN_NAME_EMPTY', { name: el }, this.loc(o, `${path}/OrganName`, 'organName'));
    } else this.required(o, 'organName', 'OrganName', path);
    this.maxLength(o, 'organName', 'OrganName', path, 200);
    this.email(o, 'email', path);
  }

  document(pkg: EdxmlDocumentPackage): void {
    const H = '/edXML/edXMLEnvelope/edXMLHeader/MessageHeader';
    const h = pkg.header;
    this.organization(h.from, `${H}/From`, 'From', h, H, 'from');
    if (h.to.length === 0) this.add('EDXML_REQUIRED', { name: 'To' }, this.loc(h, H), undefined, true);
    const seen = new Set<string>();
    h.to.forEach((t, i) => {
      const path = `${H}/To${i > 0 ? `[${i + 1}]` : ''}`;
      this.organization(t, path, 'To', h, H, 'to');
      if (t.organId) {
        if (seen.has(t.organId)) this.add('EDXML_DUPLICATE_RECIPIENT', { value: t.organId }, this.loc(t, path, 'organId'));
        seen.add(t.organId);
      }
    });
    if (this.required(h, 'code', 'Code', H) && h.code) {
      this.required(h.code, 'codeNumber', 'CodeNumber', `${H}/Code`);
      this.required(h.code, 'codeNotation', 'CodeNotation', `${H}/Code`);
      const n = h.code.codeNumber;
      if (n !== undefined && codePoints(n) > 11) {
        this.add('EDXML_CODE_NUMBER_TOO_LONG', { value: n, length: codePoints(n), max: 11 }, this.loc(h.code, `${H}/Code/CodeNumber`, 'codeNumber'));
      }
      this.maxLength(h.code, 'codeNotation', 'CodeNotation', `${H}/Code`, 30);
    }
    if (this.required(h, 'promulgationInfo', 'PromulgationInfo', H) && h.promulgationInfo) {
      const P = `${H}/PromulgationInfo`;
      this.required(h.promulgationInfo, 'place', 'Place', P);
      if (this.required(h.promulgationInfo, 'promulgationDate', 'PromulgationDate', P)) {
        this.date(h.promulgationInfo, 'promulgationDate', 'PromulgationDate', P);
      }
    }
    if (this.required(h, 'documentId', 'DocumentId', H) && h.documentId) {
      const id = parseDocumentId(h.documentId);
      if (!id) this.documentIdFormat(h, h.documentId, H);
      else {
        const expected = formatDocumentId(
          h.from?.organId ?? id.organId,
          h.promulgationInfo?.promulgationDate ?? id.date,
          h.code?.codeNumber ?? id.number,
          h.code?.codeNotation ?? id.notation,
        );
        if (expected !== h.documentId) {
          this.add(
            'EDXML_DOCUMENT_ID_MISMATCH',
            { field: 'From/OrganId, PromulgationDate and Code', fieldVi: 'From/OrganId, PromulgationDate và Code', expected },
            this.loc(h, `${H}/DocumentId`, 'documentId'),
          );
        }
      }
    }
    if (this.required(h, 'documentType', 'DocumentType', H) && h.documentType) {
      this.required(h.documentType, 'typeName', 'TypeName', `${H}/DocumentType`);
      this.maxLength(h.documentType, 'typeName', 'TypeName', `${H}/DocumentType`, 100);
    }
    if (this.required(h, 'subject', 'Subject', H)) this.maxLength(h, 'subject', 'Subject', H, 500);
    if (h.signerInfo) {
      const S = `${H}/SignerInfo`;
      this.required(h.signerInfo, 'fullName', 'FullName', S);
      this.maxLength(h.signerInfo, 'fullName', 'FullName', S, 50);
      this.maxLength(h.signerInfo, 'position', 'Position', S, 100);
    } else this.add('EDXML_REQUIRED', { name: 'SignerInfo' }, this.loc(h, H));
    this.date(h, 'dueDate', 'DueDate', H);
    if (h.otherInfo) {
      const O = `${H}/OtherInfo`;
      this.range(h.otherInfo, 'priority', 'Priority', O, 0, 4);
      this.range(h.otherInfo, 'promulgationAmount', 'PromulgationAmount', O, 0, 999);
      this.range(h.otherInfo, 'pageAmount', 'PageAmount', O, 0, 999);
      if (isSecretClassification(h.otherInfo.sphereOfPromulgation)) {
        this.add('EDXML_SECRET_DOCUMENT', {}, this.loc(h.otherInfo, O, 'sphereOfPromulgation'));
      }
      (h.otherInfo.appendixes ?? []).forEach((a, i) => {
        if (codePoints(a) > 250) {
          this.add('EDXML_TOO_LONG', { name: 'Appendix', length: codePoints(a), max: 250 }, this.loc(h.otherInfo, O, `appendixes.${i}`), 'warning');
        }
      });
    }
    this.range(h, 'steeringType', 'SteeringType', H, 0, 2);
    (h.toPlaces ?? []).forEach((p, i) => {
      if (codePoints(p) > 150) {
        this.add('EDXML_TOO_LONG', { name: 'Place', length: codePoints(p), max: 150 }, this.loc(h, `${H}/ToPlaces`, `toPlaces.${i}`), 'warning');
      }
    });
    for (const [i, rf] of h.responseFor.entries()) {
      const R = `${H}/ResponseFor${i > 0 ? `[${i + 1}]` : ''}`;
      this.organId(rf, 'organId', R);
      this.date(rf, 'promulgationDate', 'PromulgationDate', R);
    }
    const T = '/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList';
    for (const [i, th] of (pkg.traceHeaderList?.traceHeaders ?? []).entries()) {
      const p = `${T}/TraceHeader${i > 0 ? `[${i + 1}]` : ''}`;
      if (this.required(th, 'organId', 'OrganId', p)) this.organId(th, 'organId', p);
      if (this.required(th, 'timestamp', 'Timestamp', p) && th.timestamp && !isEdxmlTimestamp(th.timestamp)) {
        this.add('EDXML_TIMESTAMP_FORMAT', { value: th.timestamp }, this.loc(th, `${p}/Timestamp`, 'timestamp'));
      }
    }
    if (pkg.traceHeaderList?.bussiness) this.bussiness(pkg.traceHeaderList.bussiness, `${T}/Bussiness`);
    this.signature(pkg);
    this.manifest(pkg);
  }

  bussiness(b: EdxmlBussiness, B: string): void {
    if (this.required(b, 'bussinessDocType', 'BussinessDocType', B)) this.range(b, 'bussinessDocType', 'BussinessDocType', B, 0, 3);
    this.range(b, 'paper', 'Paper', B, 0, 1);
    if (b.documentId && !parseDocumentId(b.documentId)) this.documentIdFormat(b, b.documentId, B);
    const t = b.bussinessDocType;
    if (t !== undefined && t > 0 && (b.documentId ?? '').trim() === '') {
      // The official revoke, update and replace samples leave it out.
      const action = t === 1 ? ['revokes', 'thu hồi'] : t === 2 ? ['updates', 'cập nhật'] : ['replaces', 'thay thế'];
      this.add('EDXML_BUSSINESS_DOCUMENT_ID_MISSING', { type: t, action: action[0] as string, actionVi: action[1] as string }, this.loc(b, B));
    }
    if (b.bussinessDocType === 3 && (b.replacementInfoList ?? []).length === 0) {
      this.add('EDXML_REPLACEMENT_REQUIRED', {}, this.loc(b, B, 'replacementInfoList'));
    }
    for (const [i, ri] of (b.replacementInfoList ?? []).entries()) {
      const p = `${B}/ReplacementInfoList/ReplacementInfo${i > 0 ? `[${i + 1}]` : ''}`;
      this.required(ri, 'documentId', 'DocumentId', p);
      if (ri.organIdList.length === 0) this.add('EDXML_REQUIRED', { name: 'OrganIdList/OrganId' }, this.loc(ri, p));
      ri.organIdList.forEach((id, k) => this.organIdValue(id, this.loc(ri, `${p}/OrganIdList`, `organIdList.${k}`)));
    }
    if (b.bussinessDocType === 2 && !b.bussinessDocumentInfo) this.add('EDXML_UPDATE_INFO_REQUIRED', {}, this.loc(b, B));
    if (b.bussinessDocumentInfo) {
      const I = `${B}/BussinessDocumentInfo`;
      this.range(b.bussinessDocumentInfo, 'documentInfo', 'DocumentInfo', I, 0, 1);
      this.range(b.bussinessDocumentInfo, 'documentReceiver', 'DocumentReceiver', I, 0, 1);
      for (const [i, rc] of (b.bussinessDocumentInfo.receiverList ?? []).entries()) {
        const p = `${I}/ReceiverList/Receiver${i > 0 ? `[${i + 1}]` : ''}`;
        if (this.required(rc, 'organId', 'OrganId', p)) this.organId(rc, 'organId', p);
        this.range(rc, 'receiverType', 'ReceiverType', p, 0, 1);
      }
    }
    if (b.staffInfo) this.email(b.staffInfo, 'email', `${B}/StaffInfo`);
  }

  signature(pkg: EdxmlPackage): void {
    if (pkg.signature && pkg.signature.children.every((c) => typeof c === 'string' && c.trim() === '')) {
      this.add('EDXML_SIGNATURE_PRESENT_EMPTY', {}, { path: '/edXML/edXMLEnvelope/edXMLHeader/Signature' });
    }
  }

  manifest(pkg: EdxmlDocumentPackage): void {
    const M = '/edXML/edXMLEnvelope/edXMLBody/edXMLManifest';
    const A = '/edXML/AttachmentEncoded';
    const refs = pkg.manifest?.references ?? [];
    if (!pkg.manifest) this.add('EDXML_REQUIRED', { name: 'edXMLManifest' }, this.loc(pkg, '/edXML/edXMLEnvelope'));
    const attachmentIds = new Map<string, number>();
    pkg.attachments.forEach((a, i) => {
      const p = `${A}/Attachment${i > 0 ? `[${i + 1}]` : ''}`;
      // Read from text, the reader has reported it already (at ContentTransferEncoded); in memory, the checker does.
      if (a.placeholder !== undefined && !this.locations?.has(a)) {
        this.add('EDXML_ATTACHMENT_PLACEHOLDER', { name: a.attachmentName ?? a.contentId ?? '', value: a.placeholder.trim().slice(0, 120) }, { path: `${p}/ContentTransferEncoded` });
      }
      if (!this.required(a, 'contentId', 'ContentId', p) || !a.contentId) return;
      if (!CID.test(a.contentId)) this.add('EDXML_CID_FORMAT', { value: a.contentId }, this.loc(a, `${p}/ContentId`, 'contentId'));
      if (attachmentIds.has(a.contentId)) this.add('EDXML_CID_DUPLICATE', { value: a.contentId }, this.loc(a, `${p}/ContentId`, 'contentId'));
      attachmentIds.set(a.contentId, i);
    });
    const referenced = new Set<string>();
    refs.forEach((r, i) => {
      const p = `${M}/Reference${i > 0 ? `[${i + 1}]` : ''}`;
      if (!this.required(r, 'contentId', 'ContentId', p) || !r.contentId) return;
      if (!CID.test(r.contentId)) this.add('EDXML_CID_FORMAT', { value: r.contentId }, this.loc(r, `${p}/ContentId`, 'contentId'));
      if (referenced.has(r.contentId)) this.add('EDXML_CID_DUPLICATE', { value: r.contentId }, this.loc(r, `${p}/ContentId`, 'contentId'));
      referenced.add(r.contentId);
      const a = pkg.attachments[attachmentIds.get(r.contentId) ?? -1];
      if (a && r.contentType && a.contentType && r.contentType.trim() !== a.contentType.trim()) {
        // Seen on the axis: the manifest says application/pdf, the attachment (zipped) application/zip.
        this.add('EDXML_CONTENT_TYPE_MISMATCH', { value: r.contentId, manifest: r.contentType, attachment: a.contentType }, this.loc(r, `${p}/ContentType`, 'contentType'));
      }
      if (!attachmentIds.has(r.contentId)) this.add('EDXML_CID_NO_ATTACHMENT', { value: r.contentId }, this.loc(r, `${p}/ContentId`, 'contentId'), undefined, true);
    });
    pkg.attachments.forEach((a, i) => {
      if (a.contentId && !referenced.has(a.contentId)) {
        this.add('EDXML_CID_UNREFERENCED', { value: a.contentId }, this.loc(a, `${A}/Attachment${i > 0 ? `[${i + 1}]` : ''}`, 'contentId'), 'warning');
      }
    });
    if (pkg.attachments.length === 0) this.add('EDXML_NO_ATTACHMENT', {}, this.loc(pkg, '/edXML'));
  }

  status(pkg: EdxmlStatusPackage): void {
    const H = `/edXML/edXMLEnvelope/edXMLHeader/${pkg.headerElement ?? 'MessageHeader'}`;
    const h = pkg.header;
    this.organization(h.from, `${H}/From`, 'From', h, H, 'from');
    // A status without the document it answers, or without a code, tells the sender nothing: errors in every profile.
    if (!h.responseFor) this.add('EDXML_REQUIRED', { name: 'ResponseFor' }, this.loc(h, H), undefined, true);
    else {
      const R = `${H}/ResponseFor`;
      if (this.required(h.responseFor, 'organId', 'OrganId', R)) this.organId(h.responseFor, 'organId', R);
      if (this.required(h.responseFor, 'documentId', 'DocumentId', R) && h.responseFor.documentId && !parseDocumentId(h.responseFor.documentId)) {
        this.documentIdFormat(h.responseFor, h.responseFor.documentId, R);
      }
      this.date(h.responseFor, 'promulgationDate', 'PromulgationDate', R);
    }
    if (this.required(h, 'statusCode', 'StatusCode', H, true) && h.statusCode && !statusCodeInfo(h.statusCode)) {
      this.add('EDXML_STATUS_CODE_UNKNOWN', { value: h.statusCode }, this.loc(h, `${H}/StatusCode`, 'statusCode'));
    }
    if (this.required(h, 'timestamp', 'Timestamp', H) && h.timestamp && !isEdxmlTimestamp(h.timestamp)) {
      this.add('EDXML_TIMESTAMP_FORMAT', { value: h.timestamp }, this.loc(h, `${H}/Timestamp`, 'timestamp'));
    }
    if (h.staffInfo) this.email(h.staffInfo, 'email', `${H}/StaffInfo`);
    this.signature(pkg);
  }
}

/** Checks a package already in memory against QCVN 102:2016 and the rules of Nghị định 30/2020. */
export function checkEdxmlPackage(
  pkg: EdxmlPackage,
  options: { lang?: EdxmlLang; warnings?: boolean; locations?: Locations; profile?: EdxmlProfile } = {},
): EdxmlIssue[] {
  const c = new Checker(options.lang ?? 'vi', options.locations, options.warnings ?? true, options.profile ?? 'strict');
  if (pkg.kind === 'document') c.document(pkg);
  else c.status(pkg);
  return c.issues;
}

/**
 * Reads and checks an edXML package: every problem, each with its location and a stable code. Never throws.
 * `profile` (default `strict`) decides what is an error: see {@link CheckOptions.profile}.
 */
export async function checkEdxml(input: EdxmlInput, options: CheckOptions = {}): Promise<EdxmlCheckReport> {
  const lang = options.lang ?? 'vi';
  const profile = options.profile ?? 'strict';
  const withWarnings = options.warnings ?? true;
  const tree = await readTree(input, options);
  if (!tree.ok) return { kind: 'unknown', profile, ok: false, issues: tree.errors };
  const { pkg, errors, warnings, locations } = treeToPackage(tree.root, lang);
  // Deviations found while reading (prefixes, prolog, signature, placeholder) take the profile's severity.
  const read = [...tree.warnings, ...warnings].map((w) => ({ ...w, severity: profileSeverity(w.code, w.severity, profile) }));
  const issues = [...errors, ...read.filter((w) => withWarnings || w.severity === 'error')];
  if (!pkg) return { kind: 'unknown', profile, ok: false, issues };
  issues.push(...checkEdxmlPackage(pkg, { lang, warnings: withWarnings, locations, profile }));
  issues.sort((a, b) => (a.location?.offset ?? Infinity) - (b.location?.offset ?? Infinity));
  return { kind: pkg.kind, profile, ok: !issues.some((i) => i.severity === 'error'), issues, package: pkg };
}
