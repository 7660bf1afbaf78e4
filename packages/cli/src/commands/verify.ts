// egov-vn verify <file.pdf…> --trust <anchors.pem> [--crl <file.crl>] [--json]
import { resolve } from 'node:path';
import { EXIT_NOT_CONFORMANT, EXIT_OK, EXIT_USAGE, type Command } from '../command.js';
import { t } from '../i18n.js';
import { parseCommandArgs } from '../main.js';
import { loadTrust, verifyPdfFile } from '../pdf.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export const command: Command = {
  name: 'verify',
  summary: { vi: 'Kiểm tra chữ ký số trên tệp PDF', en: 'Verify the digital signatures of PDF files' },
  async run(ctx) {
    const args = parseCommandArgs(ctx, {
      trust: { type: 'string', multiple: true },
      crl: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (!args) return EXIT_USAGE;
    if (args.values['help']) {
      ctx.stdout.write(`${t(ctx.lang, 'verifyUsage')}\n`);
      return EXIT_OK;
    }
    const files = args.positionals;
    if (files.length === 0) {
      ctx.stderr.write(`${t(ctx.lang, 'noFiles')}\n${t(ctx.lang, 'verifyUsage')}\n`);
      return EXIT_USAGE;
    }
    let trust;
    try {
      trust = await loadTrust(list(args.values['trust']).map((f) => resolve(ctx.cwd, f)), list(args.values['crl']).map((f) => resolve(ctx.cwd, f)));
    } catch (e) {
      ctx.stderr.write(`${t(ctx.lang, 'unreadable', { detail: e instanceof Error ? e.message : String(e) })}\n`);
      return EXIT_USAGE;
    }
    const { formatReport } = await import('@egov-vn/pdf-signature');
    let worst = EXIT_OK;
    const out: unknown[] = [];
    for (const file of files) {
      let report;
      try {
        report = await verifyPdfFile(resolve(ctx.cwd, file), trust);
      } catch (e) {
        ctx.stderr.write(`${file}: ${t(ctx.lang, 'unreadable', { detail: e instanceof Error ? e.message : String(e) })}\n`);
        worst = EXIT_USAGE;
        continue;
      }
      const passed = !report.documentError && report.signaturesCount > 0 && report.validSignaturesCount === report.signaturesCount;
      if (!passed && worst === EXIT_OK) worst = EXIT_NOT_CONFORMANT;
      if (args.values['json']) out.push({ file, passed, report });
      else ctx.stdout.write(`${passed ? '✔' : '✘'} ${file}\n${formatReport(report, { lang: ctx.lang })}\n`);
    }
    if (args.values['json']) ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return worst;
  },
};
