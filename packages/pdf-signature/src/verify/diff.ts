/**
 * Modification analysis of the revisions after a signed one, reject by default (pyHanko-style whitelist):
 * new signature fields and their widgets, form values and their appearances, DSS/document timestamps, and
 * annotations are recognised; any other change to an object that existed when signing is OTHER.
 */
import type { Message } from '../errors.js';
import type { PdfFile } from '../pdf/file.js';
import { PdfArray, PdfDict, PdfRef, PdfStream, isName, type PdfObject } from '../pdf/objects.js';
import { serialize } from '../pdf/writer.js';
import { MODIFICATION_ORDER, type ModificationLevel } from './report.js';

export interface DiffResult {
  level: ModificationLevel;
  findings: Message[];
  /** New visible signature widgets in new fields (SSA risk under certification). */
  newVisibleSignatureWidgets: number;
  /** New non-widget annotations (EAA risk). */
  newAnnotations: number;
}

const max = (a: ModificationLevel, b: ModificationLevel): ModificationLevel =>
  MODIFICATION_ORDER.indexOf(a) >= MODIFICATION_ORDER.indexOf(b) ? a : b;

function same(a: PdfObject | undefined, b: PdfObject | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a instanceof PdfStream || b instanceof PdfStream) {
    if (!(a instanceof PdfStream) || !(b instanceof PdfStream)) return false;
    const da = a.dict.clone();
    const db = b.dict.clone();
    da.map.delete('Length');
    db.map.delete('Length');
    if (serialize(da) !== serialize(db) || a.data.length !== b.data.length) return false;
    for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
    return true;
  }
  return serialize(a) === serialize(b);
}

function refKeys(arr: PdfObject | undefined): string[] {
  return arr instanceof PdfArray ? arr.map((x) => (x instanceof PdfRef ? x.key : serialize(x))) : [];
}

function changedKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.map.keys(), ...b.map.keys()]);
  return [...keys].filter((k) => !same(a.get(k), b.get(k)));
}

function rectVisible(d: PdfDict): boolean {
  const r = d.get('Rect');
  const f = d.get('F');
  const hidden = typeof f === 'number' && (f & 2) !== 0;
  if (!(r instanceof PdfArray) || r.length !== 4 || hidden) return false;
  const [x1, y1, x2, y2] = r.map((v) => (typeof v === 'number' ? v : 0)) as [number, number, number, number];
  return Math.abs(x2 - x1) > 0 && Math.abs(y2 - y1) > 0;
}

/** Analyse revisions rev+1 .. last against revision `rev`. */
export async function analyseModifications(file: PdfFile, rev: number): Promise<DiffResult> {
  const result: DiffResult = { level: 'NONE', findings: [], newVisibleSignatureWidgets: 0, newAnnotations: 0 };
  const last = file.sections.length - 1;
  if (rev >= last) return result;
  const flag = (level: ModificationLevel, vi: string, en: string): void => {
    result.level = max(result.level, level);
    if (level !== 'NONE') result.findings.push({ vi, en });
  };

  // Roles of objects as of the signed revision.
  const rootRef = file.sections[rev]!.trailer.get('Root');
  const rootNum = rootRef instanceof PdfRef ? rootRef.num : -1;
  const catalog = await file.catalog(rev);
  const pages = new Set((await file.pages(rev)).map((p) => p.num));
  const acroRef = catalog.get('AcroForm');
  const acro = await file.resolveDict(acroRef, rev);
  const fieldsRef = acro?.get('Fields');
  const annotArrays = new Map<number, number>();
  for (const p of pages) {
    const pd = await file.resolveDict(new PdfRef(p, 0), rev).catch(() => undefined);
    const a = pd?.get('Annots');
    if (a instanceof PdfRef) annotArrays.set(a.num, p);
  }
  const fieldObjs = new Set<number>();
  const signedSigFields = new Set<number>();
  const apStreams = new Set<number>();
  const walkFields = async (arr: PdfObject | undefined, depth: number): Promise<void> => {
    if (depth > 32) return;
    for (const f of (await file.resolveArray(arr, rev)) ?? []) {
      if (!(f instanceof PdfRef) || fieldObjs.has(f.num) || fieldObjs.size > 100_000) continue;
      fieldObjs.add(f.num);
      const d = await file.resolveDict(f, rev);
      if (!d) continue;
      if (isName(d.get('FT'), 'Sig') && d.get('V') !== undefined) signedSigFields.add(f.num);
      const ap = await file.resolveDict(d.get('AP'), rev);
      for (const k of ['N', 'D', 'R']) {
        const v = ap?.get(k);
        if (v instanceof PdfRef) apStreams.add(v.num);
        const sub = v instanceof PdfDict ? v : undefined;
        for (const s of sub?.map.values() ?? []) if (s instanceof PdfRef) apStreams.add(s.num);
      }
      await walkFields(d.get('Kids'), depth + 1);
    }
  };
  await walkFields(fieldsRef, 0);

  const classifyNewAnnots = async (before: PdfObject | undefined, after: PdfObject | undefined, at: number): Promise<void> => {
    const b = refKeys(before);
    const a = refKeys(after);
    const removed = b.filter((k) => !a.includes(k));
    if (removed.length) flag('ANNOTATIONS', 'Chú thích bị xoá khỏi trang', 'Annotations were removed from a page');
    for (const item of (await file.resolveArray(after, at)) ?? []) {
      const key = item instanceof PdfRef ? item.key : serialize(item);
      if (b.includes(key)) continue;
      const d = await file.resolveDict(item, at);
      if (!d) continue;
      const parent = await file.resolveDict(d.get('Parent'), at);
      const isSig = isName(d.get('FT'), 'Sig') || isName(parent?.get('FT'), 'Sig');
      if (isName(d.get('Subtype'), 'Widget') && isSig) {
        const v = await file.resolveDict(d.get('V') ?? parent?.get('V'), at);
        if (isName(v?.get('Type'), 'DocTimeStamp')) flag('LTA_UPDATES', 'Thêm dấu thời gian tài liệu', 'Document timestamp added');
        else flag('FORM_FILLING', 'Thêm trường chữ ký mới', 'A new signature field was added');
        if (rectVisible(d)) result.newVisibleSignatureWidgets++;
      } else if (isName(d.get('Subtype'), 'Widget')) {
        flag('OTHER', 'Thêm trường biểu mẫu mới (không phải chữ ký)', 'A new non-signature form field was added');
      } else {
        result.newAnnotations++;
        const sub = d.get('Subtype');
        flag(
          'ANNOTATIONS',
          `Thêm chú thích ${sub instanceof Object && 'name' in sub ? sub.name : ''} có thể che nội dung trang`,
          `Added a ${sub instanceof Object && 'name' in sub ? sub.name : ''} annotation that may paint over page content`,
        );
      }
    }
  };

  for (let r = rev + 1; r <= last; r++) {
    const section = file.sections[r]!;
    for (const [num, entry] of section.entries) {
      const existed = file.entry(num, rev);
      const before = existed && existed.type !== 0 ? await file.get(num, rev).catch(() => undefined) : undefined;
      if (entry.type === 0) {
        if (before !== undefined) flag('OTHER', `Đối tượng ${num} bị xoá`, `Object ${num} was deleted`);
        continue;
      }
      let after: PdfObject | undefined;
      try {
        after = await file.get(num, r);
      } catch {
        flag('OTHER', `Đối tượng ${num} của phiên bản sau không đọc được`, `Object ${num} of a later revision is unreadable`);
        continue;
      }
      if (before === undefined) continue; // new objects only matter through references from changed ones
      const container = (o: PdfObject | undefined): boolean =>
        o instanceof PdfStream && (isName(o.dict.get('Type'), 'XRef') || isName(o.dict.get('Type'), 'ObjStm'));
      if (container(before) && container(after)) continue;
      if (same(before, after)) continue;
      if (num === rootNum && before instanceof PdfDict && after instanceof PdfDict) {
        for (const k of changedKeys(before, after)) {
          if (k === 'DSS') flag('LTA_UPDATES', 'Thêm/cập nhật DSS', 'DSS added or updated');
          else if (k === 'AcroForm') {
            const ba = await file.resolveDict(before.get('AcroForm'), rev);
            const aa = await file.resolveDict(after.get('AcroForm'), r);
            if (!aa) flag('OTHER', 'AcroForm bị xoá', 'AcroForm removed');
            else await classifyAcroForm(ba, aa, r);
          } else flag('OTHER', `Catalog thay đổi khoá /${k}`, `Catalog key /${k} changed`);
        }
      } else if (acroRef instanceof PdfRef && num === acroRef.num && before instanceof PdfDict && after instanceof PdfDict) {
        await classifyAcroForm(before, after, r);
      } else if (fieldsRef instanceof PdfRef && num === fieldsRef.num) {
        await classifyFields(before, after);
      } else if (pages.has(num) && before instanceof PdfDict && after instanceof PdfDict) {
        for (const k of changedKeys(before, after)) {
          if (k === 'Annots') await classifyNewAnnots(await file.resolve(before.get('Annots'), rev), await file.resolve(after.get('Annots'), r), r);
          else flag('OTHER', `Trang thay đổi khoá /${k}`, `Page key /${k} changed`);
        }
      } else if (annotArrays.has(num)) {
        await classifyNewAnnots(before, after, r);
      } else if (fieldObjs.has(num) && before instanceof PdfDict && after instanceof PdfDict) {
        for (const k of changedKeys(before, after)) {
          if (signedSigFields.has(num) && k === 'V') flag('OTHER', 'Giá trị của trường chữ ký đã ký bị thay', 'The value of an already signed signature field was replaced');
          else if (k === 'V' || k === 'AP' || k === 'AS') flag('FORM_FILLING', 'Điền giá trị biểu mẫu', 'Form field filled in');
          else flag('OTHER', `Trường biểu mẫu thay đổi khoá /${k}`, `Form field key /${k} changed`);
        }
      } else if (apStreams.has(num)) {
        flag('FORM_FILLING', 'Hình thể hiện của trường biểu mẫu thay đổi', 'A form field appearance changed');
      } else {
        const kind = after instanceof PdfStream ? 'stream' : after instanceof PdfDict && after.get('Type') instanceof Object ? `/${(after.get('Type') as { name?: string }).name ?? ''}` : '';
        flag('OTHER', `Đối tượng ${num} ${kind} đã ký bị thay đổi`, `Signed object ${num} ${kind} was changed`);
      }
    }
  }

  async function classifyFields(before: PdfObject | undefined, after: PdfObject | undefined): Promise<void> {
    const b = refKeys(before);
    const a = refKeys(after);
    if (b.some((k) => !a.includes(k))) flag('OTHER', 'Trường biểu mẫu bị xoá', 'Form fields were removed');
    else if (a.length > b.length) flag('FORM_FILLING', 'Thêm trường vào AcroForm', 'Fields added to the AcroForm');
    await Promise.resolve();
  }

  async function classifyAcroForm(before: PdfDict | undefined, after: PdfDict, r: number): Promise<void> {
    for (const k of before ? changedKeys(before, after) : [...after.map.keys()]) {
      if (k === 'Fields') await classifyFields(await file.resolve(before?.get('Fields'), rev), await file.resolve(after.get('Fields'), r));
      else if (k === 'SigFlags' || k === 'DR' || k === 'DA' || k === 'NeedAppearances') flag('FORM_FILLING', `AcroForm /${k} thay đổi`, `AcroForm /${k} changed`);
      else flag('OTHER', `AcroForm thay đổi khoá /${k}`, `AcroForm key /${k} changed`);
    }
  }

  return result;
}
