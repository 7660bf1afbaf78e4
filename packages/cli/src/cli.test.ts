import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildEdxml } from '@egov-vn/edxml';
import { signEdxml } from '@egov-vn/edxml/dsig';
import { sampleDocumentPackage, sampleStatusPackage } from '@egov-vn/edxml/testing';
import { describe, expect, it } from 'vitest';
import type { FileReport } from './commands/check.js';
import { run } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-cli-'));
const good = join(dir, 'good.edxml');
const status = join(dir, 'status.edxml');
const bad = join(dir, 'bad.edxml');
const doctype = join(dir, 'doctype.edxml');
const badJson = join(dir, 'doc.json');
const brokenJson = join(dir, 'broken.json');
writeFileSync(good, buildEdxml(sampleDocumentPackage('new')));
writeFileSync(status, buildEdxml(sampleStatusPackage('06')));
writeFileSync(
  bad,
  buildEdxml(sampleDocumentPackage('new'))
    .replace('<edXML:Priority>1</edXML:Priority>', '<edXML:Priority>9</edXML:Priority>')
    .replace('<edXML:DueDate>2024/03/29</edXML:DueDate>', '<edXML:DueDate>2024-03-29</edXML:DueDate>'),
);
writeFileSync(doctype, '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<edXML/>');
writeFileSync(badJson, '{\n  "subject": 42\n}\n');
writeFileSync(brokenJson, '{\n  "subject": \n}\n');

function io(tty = false): { stdout: { write(s: string): void; text: string }; stderr: { write(s: string): void; text: string; isTTY: boolean }; cwd: string } {
  const stdout = { text: '', write(s: string) { this.text += s; } };
  const stderr = { text: '', isTTY: tty, write(s: string) { this.text += s; } };
  return { stdout, stderr, cwd: dir };
}

describe('egov-vn check', () => {
  it('exits 0 for conformant packages and says so in Vietnamese', async () => {
    const o = io();
    expect(await run(['check', 'good.edxml', 'status.edxml'], o)).toBe(0);
    expect(o.stdout.text).toContain('✔ good.edxml: hợp lệ (gói văn bản edXML)');
    expect(o.stdout.text).toContain('✔ status.edxml: hợp lệ (gói trạng thái edXML)');
    expect(o.stdout.text).toContain('2 tệp: 2 hợp lệ, 0 không hợp lệ, 0 không đọc được.');
  });

  it('exits 1 and reports every problem with line:column and element path', async () => {
    const o = io();
    expect(await run(['check', '--profile', 'strict', bad], o)).toBe(1);
    expect(o.stdout.text).toMatch(/bad\.edxml:\d+:\d+ {2}lỗi {2}\/edXML\/edXMLEnvelope\/edXMLHeader\/MessageHeader\/DueDate {2}.*\[EDXML_DATE_FORMAT\]/);
    expect(o.stdout.text).toMatch(/\/OtherInfo\/Priority {2}.*\[EDXML_RANGE\]/);
  });

  it('speaks English with --lang en', async () => {
    const o = io();
    expect(await run(['check', '--lang', 'en', '--profile', 'strict', bad], o)).toBe(1);
    expect(o.stdout.text).toContain('not conformant (edXML document package): 2 errors');
  });

  it('writes JSON for machines with --json', async () => {
    const o = io();
    expect(await run(['check', '--json', '--profile', 'strict', 'good.edxml', 'bad.edxml', 'doctype.edxml'], o)).toBe(1);
    const reports = JSON.parse(o.stdout.text) as FileReport[];
    expect(reports.map((r) => [r.kind, r.ok])).toEqual([['document', true], ['document', false], ['unknown', false]]);
    expect(reports[2]?.issues[0]).toMatchObject({ code: 'XML_DOCTYPE_FORBIDDEN', line: 2, column: 1 });
    expect(reports[1]?.issues.map((i) => i.code)).toEqual(['EDXML_DATE_FORMAT', 'EDXML_RANGE']);
    expect(reports.map((r) => r.profile)).toEqual(['strict', 'strict', 'strict']);
  });

  it('checks document JSON with @egov-vn/schemas, with located problems', async () => {
    const o = io();
    expect(await run(['check', '--json', 'doc.json', 'broken.json'], o)).toBe(1);
    const [doc, broken] = JSON.parse(o.stdout.text) as FileReport[];
    expect(doc?.kind).toBe('json');
    expect(doc?.ok).toBe(false);
    expect(doc?.issues.length).toBeGreaterThan(0);
    expect(broken?.issues[0]).toMatchObject({ code: 'JSON_SYNTAX', severity: 'error' });
  });

  it('exits 2 for unreadable files and usage errors', async () => {
    const o = io();
    expect(await run(['check', 'missing.edxml'], o)).toBe(2);
    expect(o.stdout.text).toContain('[FILE_UNREADABLE]');
    expect(await run(['check'], io())).toBe(2);
    expect(await run(['check', '--bogus', good], io())).toBe(2);
    expect(await run(['frobnicate'], io())).toBe(2);
    expect(await run(['--lang', 'fr', 'check', good], io())).toBe(2);
    expect(await run([], io())).toBe(2);
    const help = io();
    expect(await run(['--help'], help)).toBe(0);
    expect(help.stdout.text).toContain('check');
  });

  it('verifies the XML signature of signed packages', async () => {
    const keys = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const signed = await signEdxml(buildEdxml(sampleDocumentPackage('new')), { privateKey: keys.privateKey, publicKey: keys.publicKey });
    writeFileSync(join(dir, 'signed.edxml'), signed);
    writeFileSync(join(dir, 'tampered.edxml'), signed.replace('Nguyễn Văn An', 'Nguyễn Văn Ba'));
    const o = io();
    expect(await run(['check', '--json', 'signed.edxml', 'tampered.edxml'], o)).toBe(1);
    const [good, tampered] = JSON.parse(o.stdout.text) as FileReport[];
    expect(good?.ok).toBe(true);
    expect(tampered?.issues).toEqual([expect.objectContaining({ code: 'SIGNATURE_DIGEST_MISMATCH', severity: 'error' })]);
  });

  it('uses the axis profile by default: deviations are warnings, exit 0, and says which profile it used', async () => {
    const o = io();
    expect(await run(['check', bad], o)).toBe(0);
    expect(o.stdout.text.split('\n')[0]).toBe(
      'Hồ sơ kiểm tra edXML: axis (những gì trục liên thông quốc gia chấp nhận; sai lệch so với QCVN 102:2016 là cảnh báo).',
    );
    expect(o.stdout.text).toMatch(/bad\.edxml:\d+:\d+ {2}cảnh báo {2}\/edXML\/edXMLEnvelope\/edXMLHeader\/MessageHeader\/DueDate {2}.*\[EDXML_DATE_FORMAT\]/);
    const en = io();
    expect(await run(['check', '--lang', 'en', '--profile', 'strict', 'good.edxml'], en)).toBe(0);
    expect(en.stdout.text).toContain('edXML profile: strict (the text of QCVN 102:2016; every deviation is an error).');
  });

  it('reads the axis-shaped fixtures of @egov-vn/edxml: exit 0 with warnings under axis, 1 under strict', async () => {
    const fixtures = join(import.meta.dirname, '..', '..', 'edxml', 'fixtures', 'axis');
    const files = ['official-sdk-sample.edxml', 'revoke-without-documentid.edxml', 'captured-vpcp-2019.edxml', 'bytes-before-prolog.edxml', 'official-sdk-example.edxml'];
    const axis = io();
    expect(await run(['check', '--json', ...files], { ...axis, cwd: fixtures })).toBe(0);
    const reports = JSON.parse(axis.stdout.text) as FileReport[];
    for (const r of reports) {
      expect(r).toMatchObject({ kind: 'document', readable: true, ok: true, profile: 'axis' });
      expect(r.issues.length).toBeGreaterThan(0);
      expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    }
    expect(reports[0]?.issues.map((i) => i.code).sort()).toEqual(['EDXML_SIGNATURE_NOT_XMLDSIG', 'EDXML_UNDECLARED_PREFIX', 'EDXML_UNDECLARED_PREFIX']);
    const strict = io();
    expect(await run(['check', '--profile', 'strict', ...files], { ...strict, cwd: fixtures })).toBe(1);
    expect(strict.stdout.text).toContain('5 tệp: 0 hợp lệ, 5 không hợp lệ, 0 không đọc được.');
    expect(strict.stdout.text).toMatch(/lỗi {2}\/edXML\/edXMLEnvelope\/edXMLHeader\/TraceHeaderList\/Bussiness {2}.*\[EDXML_BUSSINESS_DOCUMENT_ID_MISSING\]/);
  });

  it('keeps delivery-breaking problems errors under axis (exit 1) and refuses an unknown profile (exit 2)', async () => {
    writeFileSync(join(dir, 'no-to.edxml'), buildEdxml(sampleDocumentPackage('new')).replace(/<edXML:To>[\s\S]*?<\/edXML:To>\n/, ''));
    const o = io();
    expect(await run(['check', 'no-to.edxml'], o)).toBe(1);
    expect(o.stdout.text).toMatch(/lỗi {2}\/edXML\/edXMLEnvelope\/edXMLHeader\/MessageHeader {2}.*\[EDXML_REQUIRED\]/);
    const usage = io();
    expect(await run(['check', '--profile', 'lenient', good], usage)).toBe(2);
    expect(usage.stderr.text).toContain('Hồ sơ kiểm tra không hợp lệ: "lenient"');
  });

  it('shows a progress bar on a terminal only', async () => {
    const tty = io(true);
    await run(['check', 'good.edxml', 'status.edxml'], tty);
    expect(tty.stderr.text).toContain('1/2 status.edxml');
    expect(tty.stderr.text).toContain('█');
    const pipe = io(false);
    await run(['check', 'good.edxml', 'status.edxml'], pipe);
    expect(pipe.stderr.text).toBe('');
  });
});

// turbo.json runs this package's build before its tests, so dist/ is complete and never rebuilt under them.
describe('the built bin', () => {
  const bin = join(import.meta.dirname, '..', 'dist', 'bin.js');

  it('starts with a node shebang', () => {
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('runs with node and returns the exit codes', async () => {
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [bin, 'check', good]);
    expect(ok.stdout).toContain('✔');
    const failed = await exec(process.execPath, [bin, 'check', '--lang', 'en', '--profile', 'strict', bad]).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toContain('[EDXML_RANGE]');
    const unreadable = await exec(process.execPath, [bin, 'check', join(dir, 'nope.edxml')]).catch((e: unknown) => e);
    expect(unreadable).toMatchObject({ code: 2 });
  });
});
