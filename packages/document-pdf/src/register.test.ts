// The registers of Phụ lục VI as PDF, read back by independent tools: pdftotext finds every row (Vietnamese intact),
// the headings repeat on each page, the pages are A4 landscape and numbered; qpdf --check passes.
import { describe, expect, it } from 'vitest';
import { renderRegisterPdf } from './node.js';
import { renderRegisterPdf as renderWithFonts } from './register.js';
import { info, run, textRaw, writeTemp } from './node/poppler.testutil.js';

/** The text with every run of white space as one space (cells wrap onto several lines). */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');
import { DocumentPdfError } from './errors.js';

const entries = Array.from({ length: 60 }, (_, i) => ({
  number: i + 1,
  arrivalDate: '2026-12-01',
  organName: i % 2 ? 'Sở Tài chính tỉnh Quảng Ninh' : 'Ủy ban nhân dân huyện Vân Đồn',
  codeNumber: String(i + 10),
  codeNotation: 'STC-NS',
  issuedDate: '2026-11-28',
  typeName: 'Công văn',
  subject: `V/v quyết toán ngân sách đợt ${i + 1} năm 2026 và kế hoạch phân bổ kinh phí sự nghiệp`,
  signer: null,
  toPlaces: 'Phòng Kế hoạch – Tài chính',
  dueDate: i === 0 ? '2026-12-08' : null,
  note: null,
}));

describe('renderRegisterPdf (Phụ lục VI)', () => {
  it('draws the incoming register on numbered A4 landscape pages with the headings on each, every row readable', async () => {
    const pdf = await renderRegisterPdf(entries, { kind: 'incoming', year: 2026, agencyName: 'Sở Nội vụ tỉnh Quảng Ninh' });
    const path = writeTemp(pdf, 'register');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const meta = info(path);
    expect(meta['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    const pages = Number(meta['Pages']);
    expect(pages).toBeGreaterThan(1);
    const raw = flat(textRaw(path));
    expect(raw).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2026');
    expect(raw).toContain('SỞ NỘI VỤ TỈNH QUẢNG NINH');
    for (const e of entries) expect(raw, `row ${e.number}`).toContain(`đợt ${e.number} năm 2026`);
    expect(raw).toContain('Hạn giải quyết: 08/12/2026');
    for (let p = 1; p <= pages; p++) {
      const page = flat(run('pdftotext', ['-raw', '-f', String(p), '-l', String(p), path, '-']));
      expect(page, `page ${p}`).toContain('Tác giả');
      expect(page, `page ${p}`).toContain('Ký nhận');
      expect(page, `page ${p}`).toContain(`Trang ${p}/${pages}`);
    }
  });

  it('draws the outgoing register with its own columns, and an empty register', async () => {
    const out = await renderRegisterPdf([{ number: 1, codeNumber: '01', codeNotation: 'SNV-VP', issuedDate: '2026-12-02', typeName: 'Công văn', subject: 'triển khai liên thông', signer: 'Trần Thị Lan, Giám đốc', toPlaces: 'Sở Tài chính' }], {
      kind: 'outgoing',
      year: 2026,
      agencyName: 'Sở Nội vụ',
    });
    const text = flat(textRaw(writeTemp(out)));
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026');
    expect(text).toContain('01/SNV-VP');
    expect(text).toContain('Trần Thị Lan, Giám đốc');
    expect(text).toContain('Nơi nhận văn bản');
    const empty = flat(textRaw(writeTemp(await renderRegisterPdf([], { kind: 'incoming', year: 2027, agencyName: 'Sở Nội vụ' }))));
    expect(empty).toContain('(Chưa có văn bản)');
  });

  it('refuses missing fonts with a located, bilingual error', async () => {
    const err = await renderWithFonts([], { kind: 'incoming', year: 2026, agencyName: 'X', fonts: undefined as never, lang: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentPdfError);
    expect((err as Error).message).toContain('Fonts are missing');
  });
});
