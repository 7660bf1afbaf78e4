/**
 * signPdf: PAdES B-B / B-T (or legacy adbe.pkcs7.detached) by incremental update. The input bytes are never
 * changed: the output starts with them, so earlier signatures stay valid.
 */
import { formatPdfDate } from '@egov-vn/schemas/time';
import type { CmsAttributeLike } from '../cms/attribute-like.js';
import { buildSignedData, encodeAttribute, prepareSigner } from '../cms/build.js';
import { joinAndDigest } from '../cms/crypto.js';
import { OID, type HashAlgorithm } from '../cms/oids.js';
import { requestTimestamp, type TimestampOptions } from '../cms/timestamp.js';
import { pdfError } from '../errors.js';
import { latin1Bytes, toHex } from '../pdf/bytes.js';
import { PdfFile } from '../pdf/file.js';
import { PdfArray, PdfDict, PdfRef, PdfStream, PdfString, arr, dict, isName, name, textString, type PdfObject } from '../pdf/objects.js';
import { IncrementalUpdate, RawBody, serialize } from '../pdf/writer.js';
import type { Signer } from './signer.js';

export type SubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';
export type DocMdpPermission = 1 | 2 | 3;
export type Rect = readonly [number, number, number, number];

/** What an appearance factory may do: add objects to the update. */
export interface AppearanceContext {
  readonly add: (body: PdfObject | PdfStream) => PdfRef;
  readonly file: PdfFile;
  readonly pageRef: PdfRef;
  readonly pageIndex: number;
  readonly signingTime: Date;
}

export interface AppearanceResult {
  /** Rectangle on the page, in default user space. */
  readonly rect: Rect;
  /** Content stream of the /AP /N form XObject (BBox = [0 0 width height]). */
  readonly content: Uint8Array;
  readonly resources: PdfDict;
}

/** Builds the visible appearance; see `appearance/` for the Nghị định 30 layouts. */
export type AppearanceFactory = (ctx: AppearanceContext) => Promise<AppearanceResult>;

/** Writes annotations into the update (`issueAnnotations` for the number and date of issue) and says on which page each goes. */
export type IssueWriter = (ctx: {
  readonly add: (body: PdfObject | PdfStream) => PdfRef;
  readonly file: PdfFile;
  /** The signing time as a PDF date, for the annotations' /M. */
  readonly time: string;
}) => Promise<readonly { readonly page: number; readonly annot: PdfRef }[]>;

export interface SignPdfOptions {
  readonly signer: Signer;
  readonly hash?: HashAlgorithm;
  /** Default ETSI.CAdES.detached (PAdES). */
  readonly subFilter?: SubFilter;
  readonly fieldName?: string;
  readonly reason?: string;
  readonly location?: string;
  readonly contactInfo?: string;
  readonly name?: string;
  /** Claimed signing time written to /M (default now). */
  readonly signingTime?: Date;
  /** Offset of /M from UTC in minutes (default 420, Vietnam UTC+07:00). */
  readonly timeZoneOffsetMinutes?: number;
  /** Adds an RFC 3161 signature time-stamp (PAdES B-T). */
  readonly timestamp?: TimestampOptions;
  /** Makes this a certification signature with DocMDP permission P. */
  readonly certify?: DocMdpPermission;
  /** Page index (0-based) for the widget (default 0). */
  readonly page?: number;
  readonly appearance?: AppearanceFactory;
  /**
   * The issuing step (văn thư cấp số): `issueAnnotations({ number, date, fields, fonts })` writes the number and the
   * date of issue into the blanks (document-pdf's `issueFields`) in the same incremental update as this signature, so
   * the signature covers them and earlier ones stay valid (an annotation added after them). For the agency seal after
   * the leader's signature.
   */
  readonly issue?: IssueWriter;
  /** Bytes reserved for the CMS (default: estimated from the chain; grown and retried once if short). */
  readonly reservedBytes?: number;
  /** @internal Test hook for building broken fixtures; not part of the stable API. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pkijs Attribute objects; typed loosely so declarations need no pkijs types
  readonly mutateSignedAttributes?: (attributes: any[]) => CmsAttributeLike[];
}

/** A PDF date (`D:20261123100405+07'00'`) at a UTC offset in minutes: `formatPdfDate` of `@egov-vn/schemas`. */
export function pdfDate(date: Date, offsetMinutes = 420): string {
  return formatPdfDate(date, offsetMinutes);
}

async function existingFieldNames(file: PdfFile, fields: PdfArray | undefined): Promise<{ names: Set<string>; certP?: number; signed: number }> {
  const names = new Set<string>();
  let signed = 0;
  for (const f of fields ?? []) {
    const d = await file.resolveDict(f);
    const t = d?.get('T');
    if (t && typeof t === 'object' && 'text' in t) names.add(t.text());
    if (d && isName(d.get('FT'), 'Sig') && d.get('V') !== undefined) signed++;
  }
  return { names, signed };
}

/** @internal The DocMDP permission of a certified document (undefined when not certified). */
export async function docMdpPermission(file: PdfFile, catalog: PdfDict): Promise<number | undefined> {
  const perms = await file.resolveDict(catalog.get('Perms'));
  const sig = await file.resolveDict(perms?.get('DocMDP'));
  if (!sig) return undefined;
  for (const ref of (await file.resolveArray(sig.get('Reference'))) ?? []) {
    const r = await file.resolveDict(ref);
    if (r && isName(r.get('TransformMethod'), 'DocMDP')) {
      const p = (await file.resolveDict(r.get('TransformParams')))?.get('P');
      return typeof p === 'number' ? p : 2;
    }
  }
  return 2;
}

/** @internal */
export function issueNotAllowed(): Error {
  return pdfError(
    'SIGN_DOCMDP',
    'Tài liệu đã được chứng thực chỉ cho phép điền biểu mẫu và ký (DocMDP P=2): không ghi được số và ngày ban hành',
    'The document is certified for form filling and signing only (DocMDP P=2): the number and date of issue cannot be added',
  );
}

/** @internal Appends annotations to a page's /Annots in the update (the array object, or the page when inline). */
export async function appendAnnots(file: PdfFile, upd: IncrementalUpdate, pageRef: PdfRef, added: readonly PdfRef[]): Promise<void> {
  const page = (await file.resolveDict(pageRef))!.clone();
  const annotsObj = page.get('Annots');
  const annots = PdfArray.of2([...((await file.resolveArray(annotsObj)) ?? []), ...added]);
  if (annotsObj instanceof PdfRef) upd.set(annotsObj, annots);
  else {
    page.set('Annots', annots);
    upd.set(pageRef, page);
  }
}

export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<Uint8Array> {
  const first = await signOnce(pdf, options, options.reservedBytes);
  if (first.ok) return first.bytes;
  return (await signOnce(pdf, options, first.needed + 2048)).bytes;
}

async function signOnce(
  pdf: Uint8Array,
  options: SignPdfOptions,
  reserved: number | undefined,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; needed: number; bytes: Uint8Array }> {
  const hash = options.hash ?? 'SHA-256';
  const subFilter = options.subFilter ?? 'ETSI.CAdES.detached';
  const signingTime = options.signingTime ?? new Date();
  // The signer's chain is parsed while the PDF is read and written.
  const preparing = prepareSigner(options.signer, hash);
  preparing.catch(() => undefined);
  const file = await PdfFile.open(pdf);
  if (file.trailer.has('Encrypt')) {
    throw pdfError('PDF_ENCRYPTED', 'Không hỗ trợ ký tệp PDF đã mã hoá', 'Signing encrypted PDFs is not supported');
  }
  const rootRef = file.trailer.get('Root') as PdfRef;
  const catalog = (await file.catalog()).clone();
  let catalogChanged = false;
  const pageIndex = options.page ?? 0;
  const pageRef = await file.pageAt(pageIndex);
  if (!pageRef) throw pdfError('SIGN_PAGE', `Không có trang số ${pageIndex + 1}`, `There is no page ${pageIndex + 1}`);

  const upd = new IncrementalUpdate(file);
  const add = (body: PdfObject | PdfStream): PdfRef => {
    const ref = upd.allocate();
    upd.set(ref, body);
    return ref;
  };
  const sigRef = upd.allocate();
  const widgetRef = upd.allocate();

  // AcroForm and its /Fields.
  const acroObj = catalog.get('AcroForm');
  const acro = ((await file.resolveDict(acroObj))?.clone() ?? new PdfDict()).set('SigFlags', 3);
  const fieldsObj = acro.get('Fields');
  const fields = await file.resolveArray(fieldsObj);
  const info = await existingFieldNames(file, fields);
  const mdp = await docMdpPermission(file, catalog);
  if (mdp === 1) {
    throw pdfError('SIGN_DOCMDP', 'Tài liệu đã được chứng thực không cho phép thay đổi (DocMDP P=1)', 'The document is certified with no changes allowed (DocMDP P=1)');
  }
  if (options.issue && mdp === 2) throw issueNotAllowed();
  if (options.certify && (info.signed > 0 || mdp !== undefined)) {
    throw pdfError('SIGN_CERTIFY_FIRST', 'Chữ ký chứng thực phải là chữ ký đầu tiên', 'A certification signature must be the first signature');
  }
  let fieldName = options.fieldName ?? `Signature${info.names.size + 1}`;
  for (let i = 2; info.names.has(fieldName); i++) fieldName = `${options.fieldName ?? 'Signature'}${i}`;
  const newFields = PdfArray.of2([...(fields ?? []), widgetRef]);
  if (fieldsObj instanceof PdfRef) upd.set(fieldsObj, newFields);
  else acro.set('Fields', newFields);
  if (acroObj instanceof PdfRef) upd.set(acroObj, acro);
  else {
    catalog.set('AcroForm', add(acro));
    catalogChanged = true;
  }

  // The pages' /Annots: the widget, and the number and date of issue.
  const newAnnots = new Map<string, { ref: PdfRef; annots: PdfRef[] }>([[pageRef.key, { ref: pageRef, annots: [widgetRef] }]]);
  if (options.issue) {
    const written = await options.issue({ add, file, time: pdfDate(signingTime, options.timeZoneOffsetMinutes) });
    for (const w of written) {
      const ref = (await file.pageAt(w.page))!;
      const entry = newAnnots.get(ref.key) ?? { ref, annots: [] };
      entry.annots.push(w.annot);
      newAnnots.set(ref.key, entry);
    }
  }
  for (const { ref, annots: added } of newAnnots.values()) await appendAnnots(file, upd, ref, added);

  // Appearance.
  let rect: Rect = [0, 0, 0, 0];
  let apContent: Uint8Array = new Uint8Array(0);
  let apResources = new PdfDict();
  if (options.appearance) {
    const ap = await options.appearance({ add, file, pageRef, pageIndex, signingTime });
    rect = ap.rect;
    apContent = ap.content;
    apResources = ap.resources;
  }
  const w = Math.abs(rect[2] - rect[0]);
  const h = Math.abs(rect[3] - rect[1]);
  const apRef = add(
    new PdfStream(dict({ Type: name('XObject'), Subtype: name('Form'), BBox: arr(0, 0, w, h), Resources: apResources }), apContent),
  );
  upd.set(
    widgetRef,
    dict({
      Type: name('Annot'),
      Subtype: name('Widget'),
      FT: name('Sig'),
      T: textString(fieldName),
      V: sigRef,
      F: 132,
      P: pageRef,
      Rect: arr(...rect),
      AP: dict({ N: apRef }),
    }),
  );

  if (options.certify) {
    catalog.set('Perms', dict({ DocMDP: sigRef }));
    catalogChanged = true;
  }
  if (catalogChanged) upd.set(rootRef, catalog);

  // The signature dictionary, written by hand so the placeholder offsets are known.
  const chainBytes = (await preparing).chainDer.reduce((n, c) => n + c.length, 0);
  const reserve = reserved ?? chainBytes + 4096 + (options.timestamp ? 8192 : 0);
  const brPlaceholder = `[0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;
  const contentsToken = `<${'0'.repeat(reserve * 2)}>`;
  const extra = new PdfDict();
  extra.set('M', new PdfString(latin1Bytes(pdfDate(signingTime, options.timeZoneOffsetMinutes)), false));
  if (options.name) extra.set('Name', textString(options.name));
  if (options.reason) extra.set('Reason', textString(options.reason));
  if (options.location) extra.set('Location', textString(options.location));
  if (options.contactInfo) extra.set('ContactInfo', textString(options.contactInfo));
  if (options.certify) {
    extra.set(
      'Reference',
      arr(
        dict({
          Type: name('SigRef'),
          TransformMethod: name('DocMDP'),
          TransformParams: dict({ Type: name('TransformParams'), P: options.certify, V: name('1.2') }),
        }),
      ),
    );
  }
  const head = `<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/${subFilter}/ByteRange`;
  const extraText = serialize(extra).slice(2, -2);
  const sigText = `${head}${brPlaceholder}/Contents${contentsToken}${extraText}>>`;
  upd.set(sigRef, new RawBody(sigText));
  const { update, bodyOffsets } = upd.write();
  const body = bodyOffsets.get(sigRef.num)!;
  const brAt = body + head.length;
  const a = brAt + brPlaceholder.length + '/Contents'.length;
  const b = a + contentsToken.length;
  const c = pdf.length + update.length - b;
  const br = `[0 ${a} ${b} ${c}]`.padEnd(brPlaceholder.length, ' ');
  update.set(latin1Bytes(br), brAt - pdf.length);

  // The output is assembled and hashed in one pass where the runtime allows it (see joinAndDigest).
  const [{ bytes: out, digest: contentDigest }, prepared] = await Promise.all([joinAndDigest(pdf, update, a, b, hash), preparing]);
  const built = await buildSignedData({
    prepared,
    signer: options.signer,
    hash,
    contentDigest,
    ...(subFilter === 'adbe.pkcs7.detached' ? { signingTime } : {}),
    ...(options.mutateSignedAttributes ? { mutateSignedAttributes: options.mutateSignedAttributes } : {}),
  });
  const unsigned = options.timestamp ? [encodeAttribute(OID.signatureTimeStampToken, await requestTimestamp(built.signatureValue, options.timestamp))] : [];
  const cms = built.encode(unsigned);
  if (cms.length > reserve) return { ok: false, needed: cms.length, bytes: out };
  out.set(latin1Bytes(toHex(cms)), a + 1);
  return { ok: true, bytes: out };
}

