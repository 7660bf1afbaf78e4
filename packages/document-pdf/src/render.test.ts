import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from './node.js';
import { fonts, info, textLayout, textRaw, type Word, words, writeTemp } from './node/poppler.testutil.js';
import { baoCao, congVan, giayMoi, keHoach, quyetDinh, TEMPLATES, toTrinh } from './templates.testutil.js';

const FIXED = { creationDate: new Date('2026-01-01T00:00:00Z') };
const A4_PT = '595.28 x 841.89 pts (A4)';
const PAGE_W = 595.28;

async function rendered(doc: Parameters<typeof renderDocumentPdf>[0], options = {}) {
  const result = await renderDocumentPdf(doc, { ...FIXED, ...options });
  return { ...result, path: writeTemp(result.pdf) };
}

/** Index of each needle in the text, in turn; fails when one is missing or out of order. */
function expectInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at < 0) expect.fail(`"${needle}" not found after offset ${from} in:\n${text}`);
    from = at + needle.length;
  }
}

/** Collapses runs of spaces so words laid out in columns can be searched as phrases. */
function squeeze(text: string): string {
  return text.replace(/[ \t]+/gu, ' ');
}

function find(ws: readonly Word[], text: string, page = 1): Word {
  const w = ws.find((x) => x.text === text && x.page === page);
  if (!w) throw new Error(`word ${text} not found on page ${page}`);
  return w;
}

describe('every template', () => {
  for (const [name, doc] of Object.entries(TEMPLATES)) {
    it(`${name}: A4, fonts embedded as subsets with Unicode maps, PDF 1.7`, async () => {
      const r = await rendered(doc);
      const i = info(r.path);
      expect(i['Page size']).toBe(A4_PT);
      expect(Number(i['Pages'])).toBe(r.pageCount);
      expect(i['PDF version']).toBe('1.7');
      expect(i['Producer']).toContain('@egov-vn/document-pdf');
      const rows = fonts(r.path);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        expect({ name: row.name, embedded: row.embedded, subset: row.subset, unicode: row.unicode }).toEqual({ name: row.name, embedded: true, subset: true, unicode: true });
        expect(row.name).toMatch(/^[A-Z]{6}\+LiberationSerif/u);
      }
      expect(new TextDecoder('latin1').decode(r.pdf.subarray(0, 8))).toBe('%PDF-1.7');
    });

    it(`${name}: header blocks where Phụ lục I puts them (title top right, number top left, signer right)`, async () => {
      const r = await rendered(doc);
      const ws = words(r.path);
      const cong = find(ws, 'CỘNG');
      const so = find(ws, 'Số:');
      expect(cong.xMin).toBeGreaterThan(PAGE_W * 0.4);
      expect(cong.yMin).toBeLessThan(100);
      expect(so.xMax).toBeLessThan(PAGE_W * 0.5);
      expect(so.yMin).toBeGreaterThan(cong.yMin);
      expect(so.yMin).toBeLessThan(200);
      // Place and date on the number's line, to its right, in the right column.
      const ngay = ws.find((w) => w.page === 1 && w.text === 'ngày' && Math.abs(w.yMin - so.yMin) < 4);
      expect(ngay, 'place/date on the number line').toBeDefined();
      expect(ngay!.xMin).toBeGreaterThan(PAGE_W * 0.45);
      // Signer's name on the right half, on the page of the signature field.
      const field = r.signatureFields.find((f) => f.role === 'author')!;
      const last = doc.signer.fullName.split(' ').at(-1)!;
      const nameWord = ws.filter((w) => w.text === last && w.page === field.page + 1).at(-1)!;
      expect(nameWord.xMin).toBeGreaterThan(PAGE_W / 2);
      // The name sits just under the reserved signature area (y from the top: 841.89 - rect.y1).
      expect(nameWord.yMin).toBeGreaterThan(841.89 - field.rect[1] - 2);
      expect(nameWord.yMin).toBeLessThan(841.89 - field.rect[1] + 30);
    });
  }
});

describe('decision with articles', () => {
  it('reads back in order: header, type name, subject, basis, QUYẾT ĐỊNH, articles, signer, recipients', async () => {
    const r = await rendered(quyetDinh);
    const page1 = squeeze(textLayout(r.path, 1));
    expectInOrder(page1, [
      'ỦY BAN NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/QĐ-UBND',
      'Tuy Hòa, ngày 05 tháng 02 năm 2020',
      'QUYẾT ĐỊNH',
      'Về việc ban hành Quy chế',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Trách nhiệm thi hành',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Trần Hữu Thế',
    ]);
    expectInOrder(page1, ['Nơi nhận:', '- Như Điều 3;', '- Văn phòng Chính phủ (để b/c);', '- Lưu: VT, VP (2).', 'NVA.30']);
  });

  it('puts the appendix on its own page with its heading and "Kèm theo" line', async () => {
    const r = await rendered(quyetDinh);
    expect(r.pageCount).toBe(2);
    const page2 = squeeze(textLayout(r.path, 2));
    expectInOrder(page2, ['Phụ lục', 'DANH MỤC VĂN BẢN ÁP DỤNG', '(Kèm theo Quyết định số 05/QĐ-UBND ngày 05', '02 năm 2020 của Ủy ban nhân dân tỉnh Phú Yên)', 'Quy chế văn thư']);
  });

  it('gives back the NFC text exactly (raw extraction)', async () => {
    const r = await rendered(quyetDinh);
    const raw = textRaw(r.path);
    expect(raw).toBe(raw.normalize('NFC'));
    expect(squeeze(raw.replace(/\n/gu, ' '))).toContain('Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở, Thủ trưởng các ban, ngành');
  });
});

describe('công văn', () => {
  it('writes "V/v" under the number, no type name, Kính gửi and the urgency mark', async () => {
    const r = await rendered(congVan);
    const text = squeeze(textLayout(r.path));
    expect(text).not.toContain('CÔNG VĂN');
    expectInOrder(text, ['Số: 7816/VPCP-TTĐT', 'V/v Kết nối liên thông', 'KHẨN', 'Kính gửi:', '- Các Bộ, cơ quan ngang Bộ', 'Thực hiện chỉ đạo']);
    expectInOrder(text, ['Nơi nhận:', '- Như trên;', '- Thủ tướng Chính phủ (để b/c);', '- Lưu: VT, TTĐT (2).', 'LTH.70']);
    const ws = words(r.path);
    const vv = find(ws, 'V/v');
    const so = find(ws, 'Số:');
    expect(vv.yMin).toBeGreaterThan(so.yMax - 1);
    expect(vv.xMax).toBeLessThan(PAGE_W / 2);
    // V/v at size 12–13: the word box is at most ~13 pt high.
    expect(vv.yMax - vv.yMin).toBeLessThan(14);
  });
});

describe('báo cáo, tờ trình, giấy mời', () => {
  it('báo cáo: parent body above the issuing body, Kính gửi on one line', async () => {
    const r = await rendered(baoCao);
    const text = squeeze(textLayout(r.path));
    expectInOrder(text, ['ỦY BAN NHÂN DÂN', 'SỞ NỘI VỤ', 'Số: 12/BC-SNV', 'BÁO CÁO', 'Kết quả công tác văn thư', 'Kính gửi: Ủy ban nhân dân tỉnh Phú Yên.', 'I. KẾT QUẢ THỰC HIỆN', 'GIÁM ĐỐC', 'Lê Thị Hồng Vân']);
  });

  it('tờ trình: secrecy mark and the Q. prefix', async () => {
    const r = await rendered(toTrinh);
    const text = squeeze(textLayout(r.path));
    expectInOrder(text, ['Số: 45/TTr-STTTT', 'MẬT', 'TỜ TRÌNH', 'Đề nghị phê duyệt', 'Kính trình']);
    expect(text).toContain('Q. GIÁM ĐỐC');
  });

  it('giấy mời: HỎA TỐC and TL. prefix', async () => {
    const r = await rendered(giayMoi);
    const text = squeeze(textLayout(r.path));
    expectInOrder(text, ['Số: 03/GM-VPUBND', 'HỎA TỐC', 'GIẤY MỜI', 'Dự họp triển khai', 'Thời gian: 08 giờ 00 phút']);
    expectInOrder(text, ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Đỗ Thị Ánh']);
  });
});

describe('signer block never alone on a page', () => {
  it('moves the closing paragraph to the next page with it, whatever the body length', async () => {
    const base = (congVan.content as { body: { kind: 'paragraph'; text: string }[] }).body[0]!;
    const closing = 'Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.';
    let checked = 0;
    for (let n = 4; n <= 12; n++) {
      const doc = { ...congVan, content: { body: [...Array.from({ length: n }, () => base), { kind: 'paragraph' as const, text: closing }] } };
      const r = await rendered(doc);
      const page = r.signatureFields[0]!.page;
      if (page === 0) continue;
      checked++;
      expect(squeeze(textLayout(r.path, page + 1))).toContain('Văn phòng Chính phủ thông báo');
    }
    expect(checked).toBeGreaterThan(2);
  });
});

describe('contact block (box 14)', () => {
  it('sits at the foot of page 1 under a rule, and the text flow stays above it', async () => {
    const doc = { ...keHoach(6), contact: { address: 'Số 8 Trần Hưng Đạo, phường 1, thành phố Tuy Hòa', phone: '0257 3822 222', email: 'ubnd@phuyen.gov.vn', website: 'https://phuyen.gov.vn' } };
    const r = await rendered(doc);
    const ws = words(r.path);
    const address = ws.find((w) => w.page === 1 && w.text === 'Địa')!;
    expect(address.yMax).toBeGreaterThan(841.89 - 20 * (72 / 25.4) - 30);
    expect(address.yMax).toBeLessThan(841.89 - 20 * (72 / 25.4) + 1);
    const above = ws.filter((w) => w.page === 1 && w.yMin < address.yMin - 2);
    const lowestBody = Math.max(...above.map((w) => w.yMax));
    expect(address.yMin - lowestBody).toBeGreaterThan(4);
    expect(squeeze(textLayout(r.path, 1).replace(/\n+/gu, ' '))).toContain('Địa chỉ: Số 8 Trần Hưng Đạo, phường 1, thành phố Tuy Hòa; Điện thoại: 0257 3822 222; E-mail: ubnd@phuyen.gov.vn; Website: https://phuyen.gov.vn.');
    expect(squeeze(textLayout(r.path, 2))).not.toContain('Địa chỉ:');
  });
});

describe('kế hoạch over several pages', () => {
  it('numbers pages from the second, centred in the top margin, each appendix on its own', async () => {
    const doc = keHoach(12);
    const r = await rendered(doc);
    expect(r.pageCount).toBeGreaterThanOrEqual(5);
    const ws = words(r.path);
    // Page 1 carries no number; page 2 carries "2" in the top margin, centred.
    expect(ws.some((w) => w.page === 1 && w.yMax < 56 && /^\d+$/u.test(w.text))).toBe(false);
    const two = ws.find((w) => w.page === 2 && w.text === '2' && w.yMax < 56.7);
    expect(two).toBeDefined();
    const textCentre = (30 * 72) / 25.4 + (PAGE_W - (45 * 72) / 25.4) / 2;
    expect(Math.abs((two!.xMin + two!.xMax) / 2 - textCentre)).toBeLessThan(3);
    // Appendices: each starts a page whose number is not shown.
    const appendixPages = [...new Set(ws.filter((w) => w.text === 'Phụ').map((w) => w.page))];
    expect(appendixPages).toHaveLength(2);
    for (const p of appendixPages) expect(ws.some((w) => w.page === p && w.yMax < 56 && /^\d+$/u.test(w.text))).toBe(false);
    const text = squeeze(textLayout(r.path));
    expectInOrder(text, ['KẾ HOẠCH', 'Chuyển đổi số tỉnh Phú Yên năm 2024', 'I. MỤC ĐÍCH, YÊU CẦU', '12. Nhiệm vụ 12', 'III. TỔ CHỨC THỰC HIỆN', 'Đào Mỹ', 'Phụ lục I', 'DANH MỤC NHIỆM VỤ', 'Phụ lục II', 'KINH PHÍ THỰC HIỆN']);
  });

  it('justifies body lines to both margins (all but the last line of a paragraph)', async () => {
    const r = await rendered(keHoach(2));
    const ws = words(r.path).filter((w) => w.page === 1);
    const right = PAGE_W - (15 * 72) / 25.4;
    const left = (30 * 72) / 25.4;
    const byLine = new Map<number, Word[]>();
    for (const w of ws) {
      const key = Math.round(w.yMin);
      byLine.set(key, [...(byLine.get(key) ?? []), w]);
    }
    const body = [...byLine.entries()].filter(([y]) => y > 190).map(([, l]) => l).filter((l) => Math.min(...l.map((w) => w.xMin)) < left + 40 && l.length > 6);
    const ends = body.map((l) => Math.max(...l.map((w) => w.xMax)));
    // Full lines end on the right margin; last lines of paragraphs end clearly short of it; none goes past it.
    expect(ends.filter((e) => Math.abs(e - right) < 1).length).toBeGreaterThanOrEqual(8);
    for (const e of ends) {
      expect(e).toBeLessThan(right + 1);
      expect(Math.abs(e - right) < 1 || e < right - 8).toBe(true);
    }
    // Continuation lines start on the left margin, first lines 1.27 cm in.
    const starts = new Set(body.map((l) => Math.round(Math.min(...l.map((w) => w.xMin)))));
    expect(starts).toEqual(new Set([Math.round(left), Math.round(left + 36)]));
  });
});

describe('tables', () => {
  const MM_PT = 72 / 25.4;
  it('rules cells across the text width, repeats the header on every page and never splits a row that fits', async () => {
    const doc = keHoach(40);
    const r = await rendered(doc);
    const ws = words(r.path);
    const tablePages = [...new Set(ws.filter((w) => w.text === 'STT').map((w) => w.page))];
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    const left = 30 * MM_PT;
    const right = PAGE_W - 15 * MM_PT;
    for (const p of tablePages) {
      const stt = find(ws, 'STT', p);
      const deadline = ws.find((w) => w.page === p && w.text === 'Thời' && w.yMin === stt.yMin)!;
      // The header row is the first line of the table on every page, bold text centred in its column.
      expect(ws.filter((w) => w.page === p && w.yMin > stt.yMin + 1 && /^\d+$/u.test(w.text) && w.xMin < left + 30).length).toBeGreaterThan(0);
      expect(stt.xMin).toBeGreaterThan(left);
      expect(deadline.xMax).toBeLessThan(right);
    }
    // Each row's cells (three lines of the task) stay on one page.
    const text = squeeze(textLayout(r.path));
    for (let i = 1; i <= 40; i++) expect(text).toMatch(new RegExp(`(^|\\n) ?${i} Nhiệm vụ ${i}: phát triển hạ tầng số và[^\\f]*?cấp xã`, 'u'));
    const pages = textLayout(r.path).split('\f');
    const rowsPerPage = pages.map((page) => (page.match(/Nhiệm vụ \d+: phát triển hạ tầng số và/gu) ?? []).length);
    const endsPerPage = pages.map((page) => (page.match(/cấp xã/gu) ?? []).length);
    expect(rowsPerPage).toEqual(endsPerPage);
    // Centred columns: the STT numbers sit in the middle of the first column.
    const firstColumn = [left, left + (PAGE_W - 45 * MM_PT) / 13];
    const one = ws.find((w) => w.page === tablePages[0] && w.text === '1' && w.xMin < firstColumn[1]!)!;
    expect(Math.abs((one.xMin + one.xMax) / 2 - (firstColumn[0]! + firstColumn[1]!) / 2)).toBeLessThan(1.5);
  });

  it('splits a row taller than a page between lines and keeps every word, in order', async () => {
    const long = Array.from({ length: 85 }, (_, i) => `Câu ${i + 1} của nội dung rất dài trong một ô của bảng.`).join(' ');
    const doc = { ...keHoach(1), content: { body: [{ kind: 'table' as const, title: 'Bảng 1. Nội dung dài', header: ['STT', 'Nội dung'], widths: [1, 8], rows: [['1', long], ['2', 'Dòng sau']] }] } };
    const r = await rendered(doc);
    const text = textRaw(r.path).replace(/\s+/gu, ' ');
    expectInOrder(text, ['Bảng 1. Nội dung dài STT Nội dung', ...Array.from({ length: 85 }, (_, i) => `Câu ${i + 1} của`), 'Dòng sau']);
    const ws = words(r.path);
    const headerPages = ws.filter((w) => w.text === 'STT').map((w) => w.page);
    expect(new Set(headerPages).size).toBe(headerPages.length);
    expect(headerPages.length).toBeGreaterThanOrEqual(2);
  });
});

describe('options', () => {
  it('13 pt body text and wider margins change the layout within the limits', async () => {
    const a = await rendered(keHoach(6));
    const b = await rendered(keHoach(6), { fontSize: 13, margins: { left: 35, right: 20, top: 25, bottom: 25 } });
    const wa = words(a.path).find((w) => w.text === 'Triển')!;
    const wb = words(b.path).find((w) => w.text === 'Triển')!;
    expect(wb.yMax - wb.yMin).toBeLessThan(wa.yMax - wa.yMin);
    expect(wb.xMin - wa.xMin).toBeCloseTo(5 * (72 / 25.4), 0);
  });

  it('a draft without a number leaves the space for it before the symbol', async () => {
    const r = await rendered({ ...quyetDinh, number: undefined });
    const line = textLayout(r.path, 1).split('\n').find((l) => l.includes('/QĐ-UBND'))!;
    expect(line).toMatch(/Số:\s{3,}\/QĐ-UBND/u);
  });

  it('English labels', async () => {
    const r = await rendered(congVan, { lang: 'en' });
    const text = squeeze(textLayout(r.path));
    expectInOrder(text, ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness', 'No.: 7816/VPCP-TTĐT', 'Hà Nội, September 30, 2015', 'Re: Kết nối', 'URGENT', 'To:']);
    expectInOrder(text, ['Recipients:', '- As above;', '- Filed: VT, TTĐT (2).']);
  });

  it('rejects a document that breaks the model, with located Vietnamese messages', async () => {
    const bad = { ...congVan, symbol: 'CV-VPCP', subject: undefined };
    const error = await renderDocumentPdf(bad, FIXED).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DocumentPdfError' });
    const issues = (error as { issues: { path: (string | number)[]; message: string }[] }).issues;
    expect(issues.some((i) => i.path.join('.') === 'document.subject')).toBe(true);
    expect(issues.map((i) => i.message).join(' ')).toMatch(/Trích yếu|trích yếu/u);
  });
});
