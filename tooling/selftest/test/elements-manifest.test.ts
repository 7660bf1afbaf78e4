// The API rules of docs/elements.md, checked on the custom-elements manifest of every element package: the manifest
// is made here the way `cem analyze` makes it at build (the shared config of tooling/build-config/cem.js, with the
// analyzer's Lit support), so the check needs no build. It fails on an event outside `egov-<element>-<verb>` (except
// the kit-wide events and the deprecated aliases listed in docs/elements.md), an event without a description, an
// internal state field that shows up as an attribute or public member, an `@event` JSDoc tag (the kit writes
// `@fires`), and a reactive property not declared in the one form (a `static properties` entry plus a `declare`
// field, no initializer). A control case feeds a component that breaks each rule and expects each to be reported.
import { create, ts } from '@custom-elements-manifest/analyzer/index.js';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import cemConfig from '@egov-vn/build-config/cem';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const packagesDir = join(root, 'packages');

interface CemEvent {
  name: string;
  description?: string;
}
interface CemDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Array<{ name: string; fieldName?: string }>;
  members?: Array<{ name: string; privacy?: string; static?: boolean }>;
  events?: CemEvent[];
}
interface Manifest {
  modules: Array<{ path: string; declarations?: CemDeclaration[] }>;
}

/** What docs/elements.md allows outside the rule: the kit-wide events and each element's deprecated aliases. */
function documentedExceptions(): { kitWide: Set<string>; aliases: Map<string, Set<string>> } {
  const doc = readFileSync(join(root, 'docs', 'elements.md'), 'utf8');
  const section = (title: string) => {
    const start = doc.indexOf(title);
    if (start < 0) throw new Error(`docs/elements.md has no section "${title}"`);
    const end = doc.indexOf('\n#', start + title.length);
    return doc.slice(start, end < 0 ? undefined : end);
  };
  const rows = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|').slice(1, -1).map((cell) => /`([^`]+)`/.exec(cell)?.[1] ?? ''));
  const kitWide = new Set(rows(section('### Kit-wide events')).map(([name]) => name!));
  const aliases = new Map<string, Set<string>>();
  for (const [tag, , alias] of rows(section('### Renamed events and their deprecated aliases'))) {
    if (!aliases.has(tag!)) aliases.set(tag!, new Set());
    aliases.get(tag!)!.add(alias!);
  }
  return { kitWide, aliases };
}

/** The files `cem analyze` reads in a package (cem.js's globs: the components and office-elements' base class). */
function sourcesOf(pkgDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.component.ts')) files.push(path);
    }
  };
  walk(join(pkgDir, 'src'));
  if (existsSync(join(pkgDir, 'src', 'feature.ts'))) files.push(join(pkgDir, 'src', 'feature.ts'));
  return files.sort();
}

const analyzed = new WeakMap<object, Manifest>();

/** The manifest of `files` (made once per file list with the kit's plugins: the analysis takes seconds). */
function analyze(files: Array<{ path: string; text: string }>, kitPlugins = true): Manifest {
  const known = kitPlugins ? analyzed.get(files) : undefined;
  if (known) return known;
  const manifest = analyzeNow(files, kitPlugins);
  if (kitPlugins) analyzed.set(files, manifest);
  return manifest;
}

function analyzeNow(files: Array<{ path: string; text: string }>, kitPlugins: boolean): Manifest {
  const modules = files.map(({ path, text }) => ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true));
  const plugins = [...litPlugin(), ...(kitPlugins ? cemConfig.plugins : [])];
  return create({ modules, plugins, context: { dev: false } }) as Manifest;
}

/** The `{ state: true }` entries of each class's `static properties` (from the source, not the manifest). */
function stateFields(files: Array<{ path: string; text: string }>): Map<string, Set<string>> {
  const byClass = new Map<string, Set<string>>();
  for (const { path, text } of files) {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    source.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = new Set<string>();
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const entry of member.initializer.properties) {
          if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
          if (/\bstate\s*:\s*true\b/.test(entry.initializer.getText())) names.add(entry.name.getText());
        }
      }
      byClass.set(node.name.getText(), names);
    });
  }
  return byClass;
}

/** Each reactive property declared in one form (docs/elements.md): an entry of `static properties` and a `declare` field. */
function declarationProblems(files: Array<{ path: string; text: string }>): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    source.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const map = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties');
      if (!map || !ts.isPropertyDeclaration(map) || !map.initializer || !ts.isObjectLiteralExpression(map.initializer)) return;
      const reactive = map.initializer.properties.filter(ts.isPropertyAssignment).map((entry) => entry.name.getText());
      for (const name of reactive) {
        const fields = node.members.filter(ts.isPropertyDeclaration).filter((m) => m.name.getText() === name);
        const declared = fields.some((f) => ts.getModifiers(f)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword));
        if (!declared) found.push(`${path} ${node.name.getText()}: reactive property ${name} has no \`declare\` field (docs/elements.md: one declaration form)`);
        if (fields.some((f) => f.initializer)) found.push(`${path} ${node.name.getText()}: reactive property ${name} has a field initializer (set defaults in the constructor)`);
      }
    });
  }
  return found;
}

/** Internal-state names that must never be public API, whether or not the class marked them `state: true`. */
const internalNames = new Set(['busy', 'loading', 'problem', 'result', 'error']);
/** Native events a form-associated control fires besides its own (forms and two-way bindings need them). */
const nativeFormEvents = new Set(['input', 'change']);
const verb = /^[a-z]+(?:-[a-z]+)*$/;

/** Every breach of the rules in the given packages' sources (empty: all good). */
function problems(packages: Array<{ name: string; files: Array<{ path: string; text: string }> }>, kitPlugins = true): string[] {
  const { kitWide, aliases } = documentedExceptions();
  const found: string[] = [];
  const elements: Array<{ pkg: string; decl: CemDeclaration; state: Set<string> }> = [];
  for (const { name, files } of packages) {
    for (const { path, text } of files) {
      if (/^\s*\*\s*@event\b/m.test(text)) found.push(`${name} ${path}: JSDoc @event (the kit writes @fires)`);
    }
    found.push(...declarationProblems(files).map((problem) => `${name} ${problem}`));
    const state = stateFields(files);
    for (const module of analyze(files, kitPlugins).modules) {
      for (const decl of module.declarations ?? []) {
        if (decl.customElement && decl.tagName) elements.push({ pkg: name, decl, state: state.get(decl.name) ?? new Set() });
      }
    }
  }
  const declared = new Map(elements.map(({ decl }) => [decl.tagName!, new Set((decl.events ?? []).map((e) => e.name))]));
  for (const { pkg, decl, state } of elements) {
    const tag = decl.tagName!;
    const where = `${pkg} <${tag}>`;
    const own = `${tag}-`;
    const formAssociated = (decl.members ?? []).some((m) => m.name === 'formAssociated' && m.static !== false);
    for (const event of decl.events ?? []) {
      const { name } = event;
      if (!event.description?.trim()) found.push(`${where}: event ${name} has no description`);
      if (name.startsWith(own) && verb.test(name.slice(own.length))) continue;
      if (kitWide.has(name) || aliases.get(tag)?.has(name)) continue;
      if (formAssociated && nativeFormEvents.has(name)) continue;
      // An event of a contained element bubbling out, listed under that element's name.
      const from = [...declared].find(([other, names]) => other !== tag && name.startsWith(`${other}-`) && names.has(name));
      if (from) continue;
      found.push(`${where}: event ${name} is not egov-<element>-<verb> (${own}<verb>), a kit-wide event or a documented alias`);
    }
    for (const attribute of decl.attributes ?? []) {
      const field = attribute.fieldName ?? attribute.name;
      if (state.has(field) || internalNames.has(field)) found.push(`${where}: attribute ${attribute.name} is internal state (${field})`);
    }
    for (const member of decl.members ?? []) {
      if (member.privacy === 'private' || member.name.startsWith('#')) found.push(`${where}: private member ${member.name} in the manifest`);
      else if (state.has(member.name) || internalNames.has(member.name)) found.push(`${where}: internal state ${member.name} is public API`);
    }
  }
  return found;
}

const elementPackages = readdirSync(packagesDir)
  .filter((name) => existsSync(join(packagesDir, name, 'custom-elements-manifest.config.js')))
  .sort()
  .map((name) => ({
    name,
    files: sourcesOf(join(packagesDir, name)).map((path) => ({ path: relative(join(packagesDir, name), path), text: readFileSync(path, 'utf8') })),
  }));

describe('the custom-elements manifests keep docs/elements.md', () => {
  it('finds the element packages and their elements', () => {
    expect(elementPackages.map((p) => p.name)).toEqual(expect.arrayContaining(['calendar-elements', 'office-elements', 'report-elements', 'signature-elements']));
    const tags = elementPackages.flatMap(({ files }) =>
      analyze(files).modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName)),
    );
    expect(tags).toEqual(expect.arrayContaining(['egov-signature-panel', 'egov-sign-dialog', 'egov-edoc-stats', 'egov-incoming', 'egov-date-picker']));
  });

  it('every event is egov-<element>-<verb> (or documented), described, and no internal state is public API', () => {
    expect(problems(elementPackages)).toEqual([]);
  });

  it('reads the kit-wide events and the deprecated aliases from docs/elements.md', () => {
    const { kitWide, aliases } = documentedExceptions();
    expect([...kitWide].sort()).toEqual(['egov-error', 'egov-navigate']);
    expect([...(aliases.get('egov-signature-panel') ?? [])].sort()).toEqual(['egov-verified', 'egov-verify-error']);
    expect([...(aliases.get('egov-sign-dialog') ?? [])].sort()).toEqual(['egov-sign-error', 'egov-signed']);
  });

  it('control: a component breaking each rule is reported for each', () => {
    const text = `import { LitElement } from 'lit';
/**
 * @tagname egov-bad-thing
 * @fires {CustomEvent} egov-thing-done - Named after no element.
 * @fires {CustomEvent} egov-bad-thing-open
 * @event {CustomEvent} egov-bad-thing-close - Tagged @event.
 * @fires {CustomEvent} egov-signed - The alias of another element.
 * @fires {CustomEvent} egov-navigate - Kit-wide: allowed.
 */
export class BadThing extends LitElement {
  static properties = { busy: { type: Boolean, reflect: true }, step: { state: true }, src: {}, count: { type: Number } };
  count = 0;
  declare busy: boolean;
  declare step: number;
  declare src: string;
  private secret = 1;
}`;
    const found = problems([{ name: 'fixture', files: [{ path: 'src/bad/bad-thing.component.ts', text }] }]);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('JSDoc @event'),
        expect.stringContaining('event egov-thing-done is not egov-<element>-<verb>'),
        expect.stringContaining('event egov-bad-thing-open has no description'),
        expect.stringContaining('event egov-signed is not egov-<element>-<verb>'),
        expect.stringContaining('attribute busy is internal state'),
        expect.stringContaining('internal state busy is public API'),
        expect.stringContaining('reactive property count has no `declare` field'),
        expect.stringContaining('reactive property count has a field initializer'),
      ]),
    );
    expect(found.join('\n')).not.toContain('egov-navigate');
    expect(found.join('\n')).not.toContain('attribute src');
    // The shared CEM setup already leaves the state field and the private member out of the manifest.
    expect(found.join('\n')).not.toMatch(/\bstep\b|secret/);
    expect(found).toHaveLength(8);
    // Without the kit's CEM plugin, the analyzer would publish the state field and the private member.
    const bare = problems([{ name: 'fixture', files: [{ path: 'src/bad/bad-thing.component.ts', text }] }], false);
    expect(bare).toEqual(
      expect.arrayContaining([
        expect.stringContaining('attribute step is internal state'),
        expect.stringContaining('private member secret in the manifest'),
      ]),
    );
  });
});
