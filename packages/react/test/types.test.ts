// The generated typings, checked by the TypeScript compiler over a TSX page that uses them: right props and events
// type-check, a wrong prop type or a wrong event detail fails (each line under @ts-expect-error, which itself fails
// when the line compiles), and without the generated files the same page does not type-check.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

const page = (expectErrors: boolean) => {
  const expect = (why: string) => (expectErrors ? `{/* @ts-expect-error: ${why} */}\n    ` : '');
  return `import { EgovMonthCalendar, EgovSignaturePanel } from '../../src/generated/index.js';
import type {} from '../../src/generated/jsx.js';

export const good = (
  <>
    <EgovSignaturePanel
      src="/van-ban/1.pdf"
      trustAnchors={['-----BEGIN CERTIFICATE-----']}
      onEgovSignaturePanelVerify={(e) => {
        const count: number = e.detail.report.signaturesCount;
        return count;
      }}
    />
    <EgovMonthCalendar month="2026-04" events={[{ date: '2026-04-06', title: 'Giao ban' }]} onEgovMonthCalendarSelect={(e) => e.detail.date.slice(0, 4)} />
    <egov-edoc-stats data={[]} headingLevel={2} onegov-edoc-stats-export={(e) => e.detail.csv.length} />
    <egov-deadline due="2026-02-26" today="2026-02-13" />
  </>
);

export const bad = (
  <>
    ${expect('src is a string')}<EgovSignaturePanel src={42} />
    ${expect('the verify event has no such detail')}<EgovSignaturePanel onEgovSignaturePanelVerify={(e) => e.detail.notAField} />
    ${expect('events is an array of calendar events')}<EgovMonthCalendar events="Giao ban" />
    ${expect('headingLevel is a number')}<egov-edoc-stats headingLevel="two" />
    ${expect('no such event on the element')}<EgovMonthCalendar onEgovNoSuchEvent={() => undefined} />
  </>
);
`;
};

/** What vue-tsc checks a template against: the props of `GlobalComponents['egov-…']`. */
const vuePage = (expectErrors: boolean) => {
  const expect = (why: string) => (expectErrors ? `// @ts-expect-error: ${why}\n` : '');
  return `import type { GlobalComponents } from 'vue';
import type {} from '../../src/generated/vue.js';

type Props<K extends keyof GlobalComponents> = InstanceType<GlobalComponents[K]>['$props'];
export const calendar: Props<'egov-month-calendar'> = {
  month: '2026-04',
  events: [{ date: '2026-04-06', title: 'Giao ban' }],
  onEgovMonthCalendarSelect: (e) => e.detail.date.slice(0, 4),
};
export const panel: Props<'egov-signature-panel'> = { src: '/van-ban/1.pdf', onEgovSignaturePanelVerify: (e) => e.detail.report.signaturesCount };
${expect('events is an array of calendar events')}export const bad1: Props<'egov-month-calendar'> = { events: 'Giao ban' };
${expect('src is a string')}export const bad2: Props<'egov-signature-panel'> = { src: 42 };
${expect('the event has no such detail')}export const bad3: Props<'egov-signature-panel'> = { onEgovSignaturePanelVerify: (e) => e.detail.notAField };
`;
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(packageDir, 'test', '.types-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Diagnostics per file of one program over `files` (name → source). */
function diagnostics(files: Record<string, string>): Record<string, string[]> {
  const paths = Object.entries(files).map(([name, source]) => {
    writeFileSync(join(dir, name), source);
    return join(dir, name);
  });
  const program = ts.createProgram(paths, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    jsx: ts.JsxEmit.ReactJSX,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // The packages' published declarations (dist), as a portal that installed them sees them.
    customConditions: [],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    useDefineForClassFields: false,
  });
  return Object.fromEntries(
    Object.keys(files).map((name) => [
      name,
      ts.getPreEmitDiagnostics(program, program.getSourceFile(join(dir, name))).map((d) => `${d.start ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
    ]),
  );
}

describe('the generated React typings', () => {
  it('type a page: props and events of the components, of the plain tags in JSX and in Vue; wrong prop types and details fail', () => {
    const found = diagnostics({ 'page.tsx': page(true), 'unmarked.tsx': page(false), 'vue.ts': vuePage(true), 'vue-unmarked.ts': vuePage(false) });
    expect(found['page.tsx']).toEqual([]);
    // The five lines really are errors: without their @ts-expect-error the compiler reports each of them.
    expect(found['unmarked.tsx']).toHaveLength(5);
    // Vue: the tags as global components, with the elements' properties and `on…` event props.
    expect(found['vue.ts']).toEqual([]);
    expect(found['vue-unmarked.ts']).toHaveLength(3);
  });
});
