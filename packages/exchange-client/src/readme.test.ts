// The README's status-reply example runs as written: its `statusReply` function is taken from README.md, compiled
// with TypeScript, and run on a real document package; the status package it builds passes the edXML checker.
import { readFileSync } from 'node:fs';
import { buildEdxml, checkEdxml, parseEdxml, statusCodeInfo } from '@egov-vn/edxml';
import { sampleDocumentPackage } from '@egov-vn/edxml/testing';
import { formatEdxmlTimestamp } from '@egov-vn/schemas';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type StatusReply = (received: Uint8Array | string, code: string, from: { organId: string; organName: string }) => Promise<string>;

function readmeFunction(name: string): StatusReply {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const source = new RegExp(`(?:/\\*\\*[^\\n]*\\*/\\n)?async function ${name}\\([\\s\\S]*?\\n}\\n`).exec(readme)?.[0];
  if (!source) throw new Error(`README.md has no function ${name}`);
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the README's own code, compiled just above
  const make = new Function('parseEdxml', 'buildEdxml', 'statusCodeInfo', 'formatEdxmlTimestamp', `${js}\nreturn ${name};`) as (
    ...deps: unknown[]
  ) => StatusReply;
  return make(parseEdxml, buildEdxml, statusCodeInfo, formatEdxmlTimestamp);
}

describe('README example: answering a received document with a status package', () => {
  it('builds a conformant 01 status package that answers the document', async () => {
    const statusReply = readmeFunction('statusReply');
    const received = sampleDocumentPackage('new');
    const reply = await statusReply(buildEdxml(received), '01', { organId: '000.00.01.H49', organName: 'Văn phòng UBND tỉnh Quảng Ninh' });
    const report = await checkEdxml(reply);
    expect(report.issues).toEqual([]);
    const parsed = await parseEdxml(reply);
    expect(parsed.ok && parsed.value.kind === 'status' && parsed.value.header).toMatchObject({
      statusCode: '01',
      from: { organId: '000.00.01.H49' },
      responseFor: { documentId: received.header.documentId, organId: received.header.from?.organId },
    });
  });

  it('refuses what is not a document package', async () => {
    const statusReply = readmeFunction('statusReply');
    await expect(statusReply('<edXML/>', '01', { organId: '000.00.01.H49', organName: 'x' })).rejects.toThrow('not a readable edXML document package');
  });
});
