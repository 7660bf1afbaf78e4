// egov-vn copy <scan.png|scan.jpg…|scan.pdf> -o <copy.pdf> --p12 <agency.p12> --agency "<name>" [--kind SY|TrS|SL] …
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT_NOT_CONFORMANT, EXIT_OK, EXIT_USAGE, type Command } from '../command.js';
import { t } from '../i18n.js';
import { parseCommandArgs } from '../main.js';
import { MissingPassword } from './sign.js';

const KINDS = ['SY', 'TrS', 'SL'] as const;

const usage = {
  vi: `Cách dùng: egov-vn copy <ảnh-quét.png|.jpg…|bản-quét.pdf> -o <bản-sao.pdf> --p12 <cơ-quan.p12> --agency "<tên cơ quan>"
                    [--kind SY|TrS|SL] [--number <số/ký hiệu>] [--dpi N] [--allow-grey] [--tsa URL] [--password-env TÊN_BIẾN]

Tạo bản sao điện tử từ bản giấy (Nghị định 30/2020, Điều 25–26, Phụ lục I Phần II): ảnh quét màu từ 200 dpi
trở lên thành tệp PDF/A-2b ở tỉ lệ 100 % (ghi độ phân giải), rồi ký số bằng chứng thư của cơ quan với dòng
"SAO Y" / "TRÍCH SAO" / "SAO LỤC", tên cơ quan và thời gian ký (ISO 8601, +07:00) ở góc trên bên phải trang đầu.
Một tệp PDF (từ máy quét) được giữ nguyên và ký nối tiếp sau khi kiểm tra độ phân giải và màu của ảnh quét.
Mật khẩu PKCS#12 đọc từ biến môi trường (mặc định EGOV_P12_PASSWORD).
Mã thoát: 0 đã tạo, 1 bị từ chối (ảnh dưới 200 dpi, ảnh xám, ký không được), 2 không đọc được tệp hoặc sai cách dùng.`,
  en: `Usage: egov-vn copy <scan.png|.jpg…|scan.pdf> -o <copy.pdf> --p12 <agency.p12> --agency "<agency name>"
                    [--kind SY|TrS|SL] [--number <number/symbol>] [--dpi N] [--allow-grey] [--tsa URL] [--password-env NAME]

Makes an electronic copy of a paper document (Decree 30/2020, Articles 25–26, Appendix I Part II): colour scans
of 200 dpi or more become a PDF/A-2b file at 100 % (resolution recorded), signed with the agency's certificate
and the stamp "SAO Y" / "TRÍCH SAO" / "SAO LỤC", the agency and the signing time (ISO 8601, +07:00) at the top
right of page 1. A PDF (from a scanner) is kept byte for byte and signed by incremental update once its scans'
resolution and colour are checked. The PKCS#12 password is read from an environment variable (EGOV_P12_PASSWORD).
Exit codes: 0 made, 1 refused (scan below 200 dpi, greyscale, signing failed), 2 unreadable file or usage error.`,
};

export const command: Command = {
  name: 'copy',
  summary: { vi: 'Tạo bản sao điện tử (sao y) từ ảnh quét, có ký số', en: 'Make a signed electronic copy (sao y) from scans' },
  async run(ctx) {
    const text = (m: { vi: string; en: string }): string => (ctx.lang === 'en' ? m.en : m.vi);
    const args = parseCommandArgs(ctx, {
      output: { type: 'string', short: 'o' },
      p12: { type: 'string' },
      'password-env': { type: 'string', default: 'EGOV_P12_PASSWORD' },
      agency: { type: 'string' },
      kind: { type: 'string', default: 'SY' },
      number: { type: 'string' },
      dpi: { type: 'string' },
      'allow-grey': { type: 'boolean', default: false },
      tsa: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (!args) return EXIT_USAGE;
    const v = args.values;
    if (v['help']) {
      ctx.stdout.write(`${text(usage)}\n`);
      return EXIT_OK;
    }
    const output = typeof v['output'] === 'string' ? v['output'] : undefined;
    const p12 = typeof v['p12'] === 'string' ? v['p12'] : undefined;
    const agency = typeof v['agency'] === 'string' ? v['agency'].trim() : '';
    const kind = KINDS.find((k) => k.toLowerCase() === String(v['kind']).toLowerCase());
    const dpi = v['dpi'] === undefined ? undefined : Number(v['dpi']);
    const inputs = args.positionals;
    const bad = inputs.length === 0 || !output || !p12 || !agency || !kind || (dpi !== undefined && !(dpi > 0));
    if (bad) {
      ctx.stderr.write(`${text(usage)}\n`);
      return EXIT_USAGE;
    }
    let files: Uint8Array[];
    let p12Bytes: Uint8Array;
    try {
      files = await Promise.all(inputs.map(async (f) => new Uint8Array(await readFile(resolve(ctx.cwd, f)))));
      p12Bytes = new Uint8Array(await readFile(resolve(ctx.cwd, p12)));
    } catch (e) {
      ctx.stderr.write(`${t(ctx.lang, 'unreadable', { detail: e instanceof Error ? e.message : String(e) })}\n`);
      return EXIT_USAGE;
    }
    const isPdf = (b: Uint8Array): boolean => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
    if (files.some(isPdf) && files.length > 1) {
      ctx.stderr.write(`${text({ vi: 'Chỉ sao một tệp PDF mỗi lần (hoặc nhiều ảnh quét).', en: 'Copy one PDF at a time (or several scans).' })}\n`);
      return EXIT_USAGE;
    }
    const [{ pkcs12Signer }, { makeElectronicCopy }, { loadDefaultFont }] = await Promise.all([
      import('@egov-vn/pdf-signature'),
      import('@egov-vn/pdf-signature/nd30'),
      import('@egov-vn/pdf-signature/node'),
    ]);
    try {
      const passwordVar = String(v['password-env']);
      const password = process.env[passwordVar];
      const signer = await pkcs12Signer(p12Bytes, password ?? '').catch((e: unknown) => {
        if (password === undefined) throw new MissingPassword(passwordVar);
        throw e;
      });
      const { pdf, dpi: recorded } = await makeElectronicCopy({
        ...(isPdf(files[0]!) ? { pdf: files[0]! } : { images: files }),
        signer,
        copyKind: kind,
        agency,
        stampFont: await loadDefaultFont(),
        ...(typeof v['number'] === 'string' ? { docNumber: v['number'] } : {}),
        ...(dpi !== undefined ? { dpi } : {}),
        ...(v['allow-grey'] === true ? { requireColour: false } : {}),
        ...(typeof v['tsa'] === 'string' ? { timestamp: { url: v['tsa'] } } : {}),
      });
      await writeFile(resolve(ctx.cwd, output), pdf);
      const pages = recorded.length ? ` (${recorded.map((d) => `${d} dpi`).join(', ')})` : '';
      ctx.stdout.write(`${text({ vi: `Đã tạo bản sao điện tử: ${output}${pages}`, en: `Electronic copy made: ${output}${pages}` })}\n`);
      return EXIT_OK;
    } catch (e) {
      if (e instanceof MissingPassword) {
        ctx.stderr.write(`${t(ctx.lang, 'noPassword', { name: e.variable })}\n`);
        return EXIT_USAGE;
      }
      const err = e as { code?: unknown; vi?: unknown; en?: unknown; message?: unknown };
      const message = typeof err.vi === 'string' && typeof err.en === 'string' ? text({ vi: err.vi, en: err.en }) : String(err.message ?? e);
      const code = typeof err.code === 'string' ? ` [${err.code}]` : '';
      ctx.stderr.write(`${text({ vi: 'Không tạo được bản sao', en: 'The copy was not made' })}: ${message}${code}\n`);
      return EXIT_NOT_CONFORMANT;
    }
  },
};
