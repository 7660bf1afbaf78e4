// pnpm bench: time to render a 3-page công văn and a 40-page kế hoạch with renderDocumentPdf, as a ratio to writing
// the same text with the same fonts through pdf-lib without layout (drawText of fixed-length slices), in one run.
import { medianTime } from '@egov-vn/vitest-config/bench';
import fontkit from '@cantoo/fontkit';
import type { AdministrativeDocument, ContentBlock } from '@egov-vn/schemas';
import { PDFDocument } from '@cantoo/pdf-lib';
import { loadBundledFonts, renderDocumentPdf } from '../src/node.js';
import { congVan, keHoach } from '../src/templates.testutil.js';

const fonts = await loadBundledFonts();

function blocksText(blocks: readonly ContentBlock[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        return [b.text];
      case 'list':
        return b.items.map((i) => `- ${i}`);
      case 'table':
        return [...(b.title ? [b.title] : []), ...[b.header ?? [], ...b.rows].map((r) => r.join(' '))];
      case 'article':
        return [`Điều ${b.number}. ${b.title ?? ''}`, ...blocksText(b.body)];
    }
  });
}

function allText(doc: AdministrativeDocument): string[] {
  const c = doc.content;
  const body = typeof c === 'string' ? [c] : [...(c.basis ?? []), ...blocksText(c.body as ContentBlock[])];
  const appendices = (doc.appendices ?? []).flatMap((a) => [a.title, ...(a.content ? blocksText(a.content.body as ContentBlock[]) : [])]);
  return [doc.issuer.name, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', doc.subject ?? '', ...body, doc.signer.position, doc.signer.fullName, ...doc.recipients.map((r) => r.name), ...appendices];
}

/** The baseline: the same text, the same four faces embedded as subsets, drawn in fixed slices with no layout. */
async function plain(doc: AdministrativeDocument): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regular] = await Promise.all([fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic].map((f) => pdf.embedFont(f, { subset: true })));
  let page = pdf.addPage([595.28, 841.89]);
  let y = 780;
  for (const text of allText(doc)) {
    for (let i = 0; i < text.length; i += 85) {
      if (y < 60) {
        page = pdf.addPage([595.28, 841.89]);
        y = 780;
      }
      page.drawText(text.slice(i, i + 85), { x: 85, y, size: 14, font: regular! });
      y -= 16;
    }
  }
  return { bytes: await pdf.save({ useObjectStreams: false }), pages: pdf.getPageCount() };
}

function congVan3Pages(): AdministrativeDocument {
  const c = congVan.content as { body: ContentBlock[] };
  return { ...congVan, content: { body: Array.from({ length: 9 }, () => c.body).flat() } };
}

const cases = [
  { name: 'công văn', doc: congVan3Pages() },
  { name: 'kế hoạch', doc: keHoach(124) },
];
let worst = 0;
for (const c of cases) {
  const rendered = await renderDocumentPdf(c.doc, { fonts });
  const base = await plain(c.doc);
  const ours = await medianTime(() => renderDocumentPdf(c.doc, { fonts }), 7);
  const baseline = await medianTime(() => plain(c.doc), 7);
  const ratio = ours / baseline;
  worst = Math.max(worst, ratio);
  console.log(
    `${c.name}, ${rendered.pageCount} pages: renderDocumentPdf ${ours.toFixed(1)} ms, pdf-lib drawText without layout ${baseline.toFixed(1)} ms (${base.pages} pages) → ${ratio.toFixed(2)}× (target ≤ 3×)`,
  );
}
console.log(`worst ratio ${worst.toFixed(2)}× ${worst <= 3 ? '(within target)' : '(ABOVE TARGET)'}`);
