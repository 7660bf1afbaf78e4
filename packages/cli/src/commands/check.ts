import { open, readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { checkEdxml, edxmlProfiles, type EdxmlIssue, type EdxmlProfile } from '@egov-vn/edxml';
import { EXIT_NOT_CONFORMANT, EXIT_OK, EXIT_USAGE, type Command, type CommandContext } from '../command.js';
import { t, type Lang } from '../i18n.js';
import { lineColumn, locateJsonValues, locatePath } from '../json-locate.js';
import { parseCommandArgs } from '../main.js';
import { isPdf, loadTrust, pdfIssues, verifyPdfFile } from '../pdf.js';
import { nd30Issues } from '../nd30.js';
import { Progress } from '../progress.js';

/** One problem in a file, ready to print or to serialise. */
export interface FileIssue {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  line?: number;
  column?: number;
  /** Element path (edXML) or JSON path (`/signer/fullName`). */
  path?: string;
  /** PDF: 1-based page and rectangle (points from the bottom left) of a Nghị định 30 finding. */
  page?: number;
  rect?: readonly number[];
}

/** The result of checking one file. */
export interface FileReport {
  file: string;
  kind: 'document' | 'status' | 'json' | 'pdf' | 'unknown';
  /** false when the file could not be read at all (exit code 2). */
  readable: boolean;
  ok: boolean;
  issues: FileIssue[];
  /** The edXML profile the file was checked against (edXML packages only). */
  profile?: EdxmlProfile;
}

function fromEdxml(i: EdxmlIssue): FileIssue {
  const out: FileIssue = { code: i.code, severity: i.severity, message: i.message };
  if (i.location?.line !== undefined) out.line = i.location.line;
  if (i.location?.column !== undefined) out.column = i.location.column;
  if (i.location?.path !== undefined) out.path = i.location.path;
  return out;
}

async function sniff(path: string): Promise<'json' | 'xml' | 'pdf'> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(256);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = new TextDecoder().decode(buf.subarray(0, bytesRead)).replace(/^\uFEFF/, '').trimStart();
    if (isPdf(head)) return 'pdf';
    return head.startsWith('{') || head.startsWith('[') ? 'json' : 'xml';
  } finally {
    await fh.close();
  }
}

/** What the CLI needs from @egov-vn/schemas (loaded at run time, so the CLI still checks edXML without it). */
interface SchemasApi {
  validate(schema: unknown, input: unknown, options?: { lang?: Lang }): { ok: true; value: unknown } | { ok: false; errors: Array<{ path: Array<string | number>; code: string; message: string }> };
  AdministrativeDocumentSchema: unknown;
  isSecret?: (doc: never) => boolean;
}

async function loadSchemas(): Promise<SchemasApi | undefined> {
  try {
    const mod = (await import('@egov-vn/schemas')) as unknown as Partial<SchemasApi>;
    return typeof mod.validate === 'function' && mod.AdministrativeDocumentSchema ? (mod as SchemasApi) : undefined;
  } catch {
    return undefined;
  }
}

async function checkJson(file: string, lang: Lang): Promise<FileReport> {
  const text = await readFile(file, 'utf8');
  const report: FileReport = { file, kind: 'json', readable: true, ok: false, issues: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const issue: FileIssue = { code: 'JSON_SYNTAX', severity: 'error', message: t(lang, 'notJson', { detail }) };
    const pos = /position (\d+)/.exec(detail)?.[1];
    if (pos !== undefined) Object.assign(issue, lineColumn(text, Number(pos)));
    report.issues.push(issue);
    return report;
  }
  const schemas = await loadSchemas();
  if (!schemas) {
    report.issues.push({ code: 'SCHEMAS_UNAVAILABLE', severity: 'error', message: t(lang, 'noSchemas') });
    return report;
  }
  const index = locateJsonValues(text);
  const result = schemas.validate(schemas.AdministrativeDocumentSchema, data, { lang });
  if (!result.ok) {
    for (const e of result.errors) {
      const at = locatePath(text, index, e.path);
      report.issues.push({ code: e.code, severity: 'error', message: e.message, path: `/${e.path.join('/')}`, ...at });
    }
  } else if (schemas.isSecret?.(result.value as never)) {
    const secrecy = (result.value as { secrecy?: unknown }).secrecy;
    const level = typeof secrecy === 'string' ? secrecy : '';
    report.issues.push({
      code: 'EDXML_SECRET_DOCUMENT',
      severity: 'error',
      message: t(lang, 'secretJson', { level }),
      path: '/secrecy',
      ...locatePath(text, index, ['secrecy']),
    });
  }
  report.ok = report.issues.length === 0;
  return report;
}

/** Packages up to this size get their XML signature verified (the verifier needs a DOM of the whole package). */
const MAX_SIGNED_BYTES = 64 * 1024 * 1024;

/** Verifies the XMLDSig of an edXML package; returns an issue unless the signature is valid. */
async function verifySignature(path: string, lang: Lang): Promise<FileIssue | undefined> {
  const where = { path: '/edXML/edXMLEnvelope/edXMLHeader/Signature' };
  if ((await stat(path)).size > MAX_SIGNED_BYTES) {
    return { code: 'SIGNATURE_NOT_VERIFIED', severity: 'warning', message: t(lang, 'signatureTooLarge'), ...where };
  }
  const { verifyEdxmlSignature } = await import('@egov-vn/edxml/dsig');
  const v = await verifyEdxmlSignature(await readFile(path), { lang });
  if (v.status === 'valid' || v.status === 'absent') return undefined;
  return {
    code: `SIGNATURE_${v.reason}`,
    severity: v.status === 'invalid' ? 'error' : 'warning',
    message: v.message,
    ...where,
  };
}

/** Checks one file: detects its kind (edXML package or document JSON) and collects every problem. Never throws. */
export async function checkFile(
  file: string,
  options: {
    lang?: Lang;
    warnings?: boolean;
    cwd?: string;
    trust?: { trustAnchors: Uint8Array[]; crls: Uint8Array[] };
    /** edXML profile: `axis` (default: what the national axis accepts) or `strict` (the text of QCVN 102:2016). */
    profile?: EdxmlProfile;
  } = {},
): Promise<FileReport> {
  const lang = options.lang ?? 'vi';
  const path = resolve(options.cwd ?? '.', file);
  try {
    const kind = await sniff(path);
    if (kind === 'json') return { ...(await checkJson(path, lang)), file };
    if (kind === 'pdf') {
      const report = await verifyPdfFile(path, options.trust ?? { trustAnchors: [], crls: [] });
      const all: FileIssue[] = [...pdfIssues(report, lang), ...(report.documentError ? [] : await nd30Issues(path, report, lang))];
      const issues = all.filter((i) => i.severity === 'error' || options.warnings !== false);
      return { file, kind: 'pdf', readable: true, ok: !issues.some((i) => i.severity === 'error'), issues };
    }
    const stream = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
    const profile = options.profile ?? 'axis';
    const r = await checkEdxml(stream, { lang, warnings: options.warnings ?? true, profile });
    const unreadable = r.issues.some((i) => i.code === 'XML_READ_ERROR');
    const issues = r.issues.map(fromEdxml);
    const signature = r.package?.signature;
    // A <Signature> outside the XMLDSig namespace (as in the official samples) is reported by the checker with the
    // profile's severity; it is not an XML signature, so there is nothing to verify.
    const notXmlDsig = r.issues.some((i) => i.code === 'EDXML_SIGNATURE_NOT_XMLDSIG');
    if (signature && !notXmlDsig && signature.children.some((c) => typeof c !== 'string')) {
      const verdict = await verifySignature(path, lang);
      if (verdict) issues.push(verdict);
    }
    const ok = !issues.some((i) => i.severity === 'error');
    return { file, kind: r.kind, readable: !unreadable, ok: r.ok && ok, issues, profile };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      file,
      kind: 'unknown',
      readable: false,
      ok: false,
      issues: [{ code: 'FILE_UNREADABLE', severity: 'error', message: t(lang, 'unreadable', { detail }) }],
    };
  }
}

function kindLabel(lang: Lang, kind: FileReport['kind']): string {
  return t(lang, `kind_${kind}`);
}

function printReport(ctx: CommandContext, r: FileReport): void {
  const { lang } = ctx;
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  const warnings = r.issues.length - errors;
  const kind = kindLabel(lang, r.kind);
  const head = r.ok
    ? warnings > 0
      ? t(lang, 'fileWarn', { kind, warnings })
      : t(lang, 'fileOk', { kind })
    : r.readable
      ? t(lang, 'fileBad', { kind, errors, warnings })
      : t(lang, 'unreadable', { detail: '' }).replace(/:\s*$/, '');
  ctx.stdout.write(`${r.ok ? '✔' : '✘'} ${r.file}: ${head}\n`);
  for (const i of r.issues) {
    const where = i.line !== undefined ? `${r.file}:${i.line}:${i.column ?? 1}` : r.file;
    const sev = t(lang, i.severity);
    ctx.stdout.write(`  ${where}  ${sev}  ${i.path ? `${i.path}  ` : ''}${i.message} [${i.code}]\n`);
  }
}

export const command: Command = {
  name: 'check',
  summary: { vi: 'Kiểm tra gói tin edXML và JSON văn bản', en: 'Check edXML packages and document JSON' },
  async run(ctx) {
    const args = parseCommandArgs(ctx, {
      json: { type: 'boolean', default: false },
      warnings: { type: 'boolean', default: true },
      progress: { type: 'boolean', default: true },
      trust: { type: 'string', multiple: true },
      crl: { type: 'string', multiple: true },
      profile: { type: 'string', default: 'axis' },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (!args) return EXIT_USAGE;
    if (args.values['help']) {
      ctx.stdout.write(`${t(ctx.lang, 'checkUsage')}\n`);
      return EXIT_OK;
    }
    const files = args.positionals;
    if (files.length === 0) {
      ctx.stderr.write(`${t(ctx.lang, 'noFiles')}\n${t(ctx.lang, 'checkUsage')}\n`);
      return EXIT_USAGE;
    }
    const profile = args.values['profile'] as EdxmlProfile;
    if (!edxmlProfiles.includes(profile)) {
      ctx.stderr.write(`${t(ctx.lang, 'badProfile', { value: profile })}\n${t(ctx.lang, 'checkUsage')}\n`);
      return EXIT_USAGE;
    }
    const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    let trust;
    try {
      trust = await loadTrust(names(args.values['trust']).map((f) => resolve(ctx.cwd, f)), names(args.values['crl']).map((f) => resolve(ctx.cwd, f)));
    } catch (e) {
      ctx.stderr.write(`${t(ctx.lang, 'unreadable', { detail: e instanceof Error ? e.message : String(e) })}\n`);
      return EXIT_USAGE;
    }
    const json = args.values['json'] === true;
    const progress = new Progress(ctx.stderr, files.length, args.values['progress'] !== false && !json && files.length > 1);
    const reports: FileReport[] = [];
    if (!json) ctx.stdout.write(`${t(ctx.lang, profile === 'axis' ? 'profileAxis' : 'profileStrict')}\n`);
    for (const [n, file] of files.entries()) {
      progress.update(n, file);
      const r = await checkFile(file, { lang: ctx.lang, warnings: args.values['warnings'] !== false, cwd: ctx.cwd, trust, profile });
      reports.push(r);
      if (!json) {
        progress.clear();
        printReport(ctx, r);
      }
    }
    progress.done();
    const unreadable = reports.filter((r) => !r.readable).length;
    const bad = reports.filter((r) => r.readable && !r.ok).length;
    if (json) ctx.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    else if (files.length > 1) {
      ctx.stdout.write(`${t(ctx.lang, 'summary', { files: files.length, ok: files.length - bad - unreadable, bad, unreadable })}\n`);
    }
    return unreadable > 0 ? EXIT_USAGE : bad > 0 ? EXIT_NOT_CONFORMANT : EXIT_OK;
  },
};
