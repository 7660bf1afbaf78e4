// egov-vn sign <in.pdf> -o <out.pdf> --p12 <signer.p12> [--password-env NAME] [--tsa URL] [--certify 1|2|3] …
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT_NOT_CONFORMANT, EXIT_OK, EXIT_USAGE, type Command } from '../command.js';
import { t } from '../i18n.js';
import { parseCommandArgs } from '../main.js';

const HASHES = ['SHA-256', 'SHA-384', 'SHA-512'] as const;

export const command: Command = {
  name: 'sign',
  summary: { vi: 'Ký số tệp PDF (PAdES, ghi nối tiếp)', en: 'Sign a PDF (PAdES, incremental update)' },
  async run(ctx) {
    const args = parseCommandArgs(ctx, {
      output: { type: 'string', short: 'o' },
      p12: { type: 'string' },
      'password-env': { type: 'string', default: 'EGOV_P12_PASSWORD' },
      tsa: { type: 'string' },
      certify: { type: 'string' },
      hash: { type: 'string', default: 'SHA-256' },
      subfilter: { type: 'string', default: 'pades' },
      reason: { type: 'string' },
      location: { type: 'string' },
      page: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (!args) return EXIT_USAGE;
    const v = args.values;
    if (v['help']) {
      ctx.stdout.write(`${t(ctx.lang, 'signUsage')}\n`);
      return EXIT_OK;
    }
    const input = args.positionals[0];
    const output = typeof v['output'] === 'string' ? v['output'] : undefined;
    const p12 = typeof v['p12'] === 'string' ? v['p12'] : undefined;
    const hash = String(v['hash']).toUpperCase();
    const certify = v['certify'] === undefined ? undefined : Number(v['certify']);
    const page = v['page'] === undefined ? undefined : Number(v['page']) - 1;
    const bad =
      !input || !output || !p12 || args.positionals.length !== 1 ||
      !(HASHES as readonly string[]).includes(hash) ||
      (certify !== undefined && ![1, 2, 3].includes(certify)) ||
      (page !== undefined && (!Number.isInteger(page) || page < 0)) ||
      (v['subfilter'] !== 'pades' && v['subfilter'] !== 'pkcs7');
    if (bad) {
      ctx.stderr.write(`${t(ctx.lang, 'signUsage')}\n`);
      return EXIT_USAGE;
    }
    const passwordVar = String(v['password-env']);
    const password = process.env[passwordVar];
    let bytes: Uint8Array;
    let p12Bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(resolve(ctx.cwd, input)));
      p12Bytes = new Uint8Array(await readFile(resolve(ctx.cwd, p12)));
    } catch (e) {
      ctx.stderr.write(`${t(ctx.lang, 'unreadable', { detail: e instanceof Error ? e.message : String(e) })}\n`);
      return EXIT_USAGE;
    }
    const { pkcs12Signer, signPdf } = await import('@egov-vn/pdf-signature');
    try {
      const signer = await pkcs12Signer(p12Bytes, password ?? '').catch((e: unknown) => {
        // No password variable: say so, rather than "wrong password" (a PKCS#12 without a password still opens).
        if (password === undefined) throw new MissingPassword(passwordVar);
        throw e;
      });
      const signed = await signPdf(bytes, {
        signer,
        hash: hash as (typeof HASHES)[number],
        subFilter: v['subfilter'] === 'pkcs7' ? 'adbe.pkcs7.detached' : 'ETSI.CAdES.detached',
        ...(typeof v['tsa'] === 'string' ? { timestamp: { url: v['tsa'] } } : {}),
        ...(certify !== undefined ? { certify: certify as 1 | 2 | 3 } : {}),
        ...(typeof v['reason'] === 'string' ? { reason: v['reason'] } : {}),
        ...(typeof v['location'] === 'string' ? { location: v['location'] } : {}),
        ...(page !== undefined ? { page } : {}),
      });
      await writeFile(resolve(ctx.cwd, output), signed);
      ctx.stdout.write(`${t(ctx.lang, 'signed', { file: output })}\n`);
      return EXIT_OK;
    } catch (e) {
      if (e instanceof MissingPassword) {
        ctx.stderr.write(`${t(ctx.lang, 'noPassword', { name: e.variable })}\n`);
        return EXIT_USAGE;
      }
      const message = e instanceof Error ? e.message : String(e);
      ctx.stderr.write(`${t(ctx.lang, 'signFailed', { detail: message })}\n`);
      return EXIT_NOT_CONFORMANT;
    }
  },
};

/** The PKCS#12 needs a password and the environment variable that should hold it is not set. */
export class MissingPassword extends Error {
  constructor(readonly variable: string) {
    super(`environment variable ${variable} is not set`);
  }
}
