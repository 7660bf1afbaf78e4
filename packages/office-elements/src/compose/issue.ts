// The clerk's issuing step in <egov-compose>: the number the register gave and the date of issue, written into the
// blanks of the PDF the leader signed (before the seal signs over them). See @egov-vn/pdf-signature's README,
// "Number and date of issue".
import type { renderDocumentPdf as RenderDocumentPdf } from '@egov-vn/document-pdf';
import type { Draft } from '@egov-vn/office-api';
import type { issuePdf as IssuePdf } from '@egov-vn/pdf-signature';
import { formatDayMonth, padDocumentNumber, safeToCivilDate } from '@egov-vn/schemas';

/** The number as written before "/symbol" ("05") and the date as written after the place ("ngày 02 tháng 12 năm 2026"). */
function issueTexts(draft: Pick<Draft, 'number' | 'issuedDate'>): { number: string; date: string } | undefined {
  if (draft.number === null || draft.issuedDate === null) return undefined;
  const date = safeToCivilDate(draft.issuedDate);
  if (!date.ok) return undefined;
  const { day, month } = formatDayMonth(date.value);
  return { number: padDocumentNumber(draft.number), date: `ngày ${day} tháng ${month} năm ${date.value.year}` };
}

interface IssueTools {
  readonly renderDocumentPdf: typeof RenderDocumentPdf;
  readonly issuePdf: typeof IssuePdf;
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array; readonly italic: Uint8Array; readonly boldItalic: Uint8Array };
}

/**
 * The signed PDF with the number and the date of issue written in (an incremental update: the leader's bytes come
 * first, unchanged). The blanks are found by laying the document out again as the leader's PDF was rendered (without
 * its number, `issueBlanks`), which is deterministic for the same document and fonts. A draft not numbered yet is
 * returned as it is.
 */
export async function issueSignedPdf(signed: Uint8Array, draft: Pick<Draft, 'number' | 'issuedDate' | 'document'>, tools: IssueTools): Promise<Uint8Array> {
  const texts = issueTexts(draft);
  if (!texts) return signed;
  const { number: _number, ...unnumbered } = draft.document;
  const { issueFields } = await tools.renderDocumentPdf(unnumbered as never, { fonts: tools.fonts, lang: 'vi', issueBlanks: true });
  return tools.issuePdf(signed, { ...texts, fields: issueFields, fonts: { regular: tools.fonts.regular, italic: tools.fonts.italic } });
}
