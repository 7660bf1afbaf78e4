// The scaffolders' templates and wiring, on packages written into .tmp/ (no install, no build: the real scaffolded
// element is proven green by hand when the templates change, see tooling/scripts/new-element.mjs).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addElement, elementNames, wireTsdownConfig } from '../../scripts/new-element.mjs';
import { packageFiles } from '../../scripts/new-package.mjs';

const tmp = join(import.meta.dirname, '..', '.tmp', `scaffold-${process.pid}`);
let dir = '';
let count = 0;

function writePackage(files: Record<string, string>): string {
  const target = join(tmp, `pkg-${++count}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(target, path, '..'), { recursive: true });
    writeFileSync(join(target, path), content);
  }
  return target;
}

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
interface PackageJson {
  sideEffects?: boolean | string[];
  customElements?: string;
  files?: string[];
  scripts: Record<string, string>;
  exports: Record<string, Record<string, string> | string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  'size-limit': { path: string }[];
}

const readJson = (path: string) => JSON.parse(read(path)) as PackageJson;

beforeEach(() => {
  dir = writePackage(
    packageFiles({ name: 'demo-elements', pkgName: '@egov-vn/demo-elements', description: 'Demo.', browser: true, lit: true }),
  );
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('new:package', () => {
  it('--lit gives the element-package shape', () => {
    const pkg = readJson('package.json');
    expect(pkg.sideEffects).toEqual([]);
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.files).toContain('custom-elements.json');
    expect(pkg.scripts['build']).toBe('tsdown && cem analyze');
    expect(pkg.peerDependencies).toEqual({ lit: expect.stringMatching(/^\^3\./) });
    expect(pkg.dependencies).toEqual({ '@egov-vn/elements-core': 'workspace:^' });
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['@custom-elements-manifest/analyzer', 'lit']));
    expect(read('tsconfig.json')).toContain('@egov-vn/tsconfig/lit.json');
    expect(read('eslint.config.js')).toContain('@egov-vn/eslint-config/lit');
    expect(read('vitest.config.ts')).toContain('browser: true');
    expect(read('custom-elements-manifest.config.js')).toContain("from '@egov-vn/build-config/cem'");
    expect(read('.gitignore')).toBe('custom-elements.json\n');
  });

  it('keeps the library shape without --lit', () => {
    const files = packageFiles({ name: 'thing', pkgName: '@egov-vn/thing', description: 'Thing.', browser: false });
    const pkg = JSON.parse(files['package.json']!) as PackageJson;
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.customElements).toBeUndefined();
    expect(pkg.scripts['build']).toBe('tsdown');
    expect(pkg.dependencies).toBeUndefined();
    expect(files['tsconfig.json']).toContain('@egov-vn/tsconfig/library.json');
    expect(files['vitest.config.ts']).toContain('browser: false');
    expect(Object.keys(files)).not.toContain('src/index.browser.test.ts');
  });
});

describe('new:element', () => {
  it('names the class, event and folder after the tag', () => {
    expect(elementNames('egov-doc-viewer')).toEqual({
      tag: 'egov-doc-viewer',
      short: 'doc-viewer',
      className: 'EgovDocViewer',
      eventName: 'egov-doc-viewer-change',
      eventType: 'EgovDocViewerChangeEvent',
    });
  });

  it('writes the six files and wires package.json, tsdown, index and README', () => {
    const { files, depsChanged } = addElement(dir, 'egov-demo-widget');
    expect(depsChanged).toBe(false);
    expect(files.map((f: string) => f.replace('src/demo-widget/demo-widget', ''))).toEqual([
      '.component.ts',
      '.styles.ts',
      '.events.ts',
      '.ts',
      '.browser.test.ts',
      '.stories.ts',
    ]);
    const component = read('src/demo-widget/demo-widget.component.ts');
    expect(component).toContain('@tagname egov-demo-widget');
    expect(component).toContain('export class EgovDemoWidget extends EgovElement<typeof messages>');
    expect(component).not.toMatch(/customElements\.define|\.define\(/);
    expect(read('src/demo-widget/demo-widget.events.ts')).toContain(
      "'egov-demo-widget-change': EgovDemoWidgetChangeEvent;",
    );
    const define = read('src/demo-widget/demo-widget.ts');
    expect(define).toContain("EgovDemoWidget.define('egov-demo-widget');");
    expect(define).toContain("'egov-demo-widget': EgovDemoWidget;");
    const test = read('src/demo-widget/demo-widget.browser.test.ts');
    for (const needle of ['expectAxeClean', 'userEvent.tab()', "'egov-demo-widget-change'", "'lang', 'en'"]) {
      expect(test).toContain(needle);
    }

    const pkg = readJson('package.json');
    expect(pkg.sideEffects).toEqual(['./dist/demo-widget/demo-widget.js', './src/demo-widget/demo-widget.ts']);
    expect(Object.keys(pkg.exports)).toEqual(['.', './demo-widget', './package.json']);
    expect(Object.keys(pkg.exports['./demo-widget']!)).toEqual(['@egov-vn/source', 'types', 'default']);
    expect(pkg['size-limit']).toContainEqual(expect.objectContaining({ path: 'dist/demo-widget/demo-widget.js' }));
    expect(read('tsdown.config.ts')).toContain("entry: ['src/index.ts', 'src/demo-widget/demo-widget.ts']");
    expect(read('src/index.ts')).toContain("export { EgovDemoWidget } from './demo-widget/demo-widget.component.js';");
    expect(read('README.md')).toContain("- `<egov-demo-widget>` (`import '@egov-vn/demo-elements/demo-widget';`)");
    expect(read('README.md')).not.toContain('None yet');
  });

  it('adds a second element beside the first', () => {
    addElement(dir, 'egov-demo-widget');
    addElement(dir, 'egov-demo-other');
    const pkg = readJson('package.json');
    expect(pkg.sideEffects).toHaveLength(4);
    expect(Object.keys(pkg.exports)).toEqual(['.', './demo-other', './demo-widget', './package.json']);
    expect(read('tsdown.config.ts')).toContain(
      "entry: ['src/index.ts', 'src/demo-widget/demo-widget.ts', 'src/demo-other/demo-other.ts']",
    );
    expect(read('README.md').match(/^- `<egov-demo-/gm)).toHaveLength(2);
  });

  it('refuses a bad tag, an element that exists, and a package that is not a Lit package', () => {
    expect(() => addElement(dir, 'DemoWidget')).toThrow(/a tag is egov-<name>/);
    expect(() => addElement(dir, 'my-widget')).toThrow(/a tag is egov-<name>/);
    addElement(dir, 'egov-demo-widget');
    expect(() => addElement(dir, 'egov-demo-widget')).toThrow(/src\/demo-widget exists already/);
    const library = writePackage(
      packageFiles({ name: 'core', pkgName: '@egov-vn/core', description: 'Core.', browser: false }),
    );
    expect(() => addElement(library, 'egov-demo-widget')).toThrow(/is not a custom-element package/);
  });

  it('adds tsdown entries to library() calls with or without an entry list', () => {
    const empty = "import { library } from '@egov-vn/build-config';\n\nexport default library();\n";
    expect(wireTsdownConfig(empty, 'a')).toContain("library({ entry: ['src/index.ts', 'src/a/a.ts'] })");
    const listed = "export default library({ entry: ['src/index.ts', 'src/node.ts'], platform: 'node' });\n";
    expect(wireTsdownConfig(listed, 'a')).toBe(
      "export default library({ entry: ['src/index.ts', 'src/node.ts', 'src/a/a.ts'], platform: 'node' });\n",
    );
    expect(wireTsdownConfig(wireTsdownConfig(empty, 'a'), 'a')).toBe(wireTsdownConfig(empty, 'a'));
    expect(() => wireTsdownConfig('export default {};\n', 'a')).toThrow(/add the entry by hand/);
  });
});
