/**
 * The document security store (DSS, ISO 32000-2 §12.8.4.3): certificates, CRLs and OCSP responses kept for
 * long-term validation, as arrays of streams. Read by the verifier and extended by `addValidationData`.
 */
import type { PdfFile } from './file.js';
import { decodeStream } from './filters.js';
import { PdfRef, PdfStream, type PdfDict, type PdfObject } from './objects.js';

/** The DSS arrays, by the ValidationData field they hold. */
export const DSS_ARRAYS = [
  ['Certs', 'certificates'],
  ['CRLs', 'crls'],
  ['OCSPs', 'ocsps'],
] as const;

export type DssField = (typeof DSS_ARRAYS)[number][1];

export interface StoredDss {
  /** The catalog's /DSS value as it stands (usually a reference) and the dictionary it resolves to. */
  readonly object: PdfObject | undefined;
  readonly dict: PdfDict | undefined;
  /** Per field, each array item as written and its decoded stream data (items that are not streams are kept, without data). */
  readonly entries: Record<DssField, { readonly item: PdfObject; readonly data?: Uint8Array }[]>;
}

/** The DSS of the latest revision (empty when there is none). */
export async function readDss(file: PdfFile): Promise<StoredDss> {
  const object = (await file.catalog()).get('DSS');
  const dict = await file.resolveDict(object);
  const entries = { certificates: [], crls: [], ocsps: [] } as StoredDss['entries'];
  for (const [key, field] of DSS_ARRAYS) {
    for (const item of (await file.resolveArray(dict?.get(key))) ?? []) {
      const stream = item instanceof PdfRef ? await file.resolve(item) : item;
      entries[field].push(stream instanceof PdfStream ? { item, data: await decodeStream(stream) } : { item });
    }
  }
  return { object, dict, entries };
}
