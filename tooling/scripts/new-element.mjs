#!/usr/bin/env node
// `pnpm new:element <tag> --package <name> [--description "…"] [--no-install]`: a working, tested custom element in
// packages/<name> (created as a Lit package with `new:package --lit` templates when it does not exist yet), in the
// Shoelace-style layout (docs/architecture.md; Shoelace's component folders):
//
//   src/<short>/<short>.component.ts   the class (extends EgovElement), no registration, JSDoc for the manifest
//   src/<short>/<short>.styles.ts      its css only
//   src/<short>/<short>.events.ts      its typed events (GlobalEventHandlersEventMap)
//   src/<short>/<short>.ts             the define file: registers <tag> (listed in "sideEffects", subpath "./<short>")
//   src/<short>/<short>.browser.test.ts  renders, emits its typed event, keyboard, axe-clean, vi and en
//   src/<short>/<short>.stories.ts     its Storybook stories
//
// and wires package.json (sideEffects, exports, size budget), tsdown.config.ts (entry), src/index.ts (class export),
// the README and a changeset. `<short>` is the tag without its `egov-` prefix.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPackage, packageFiles, packageNamePattern, root } from './new-package.mjs';

export const tagPattern = /^egov-[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** @param {string} tag */
export function elementNames(tag) {
  const short = tag.slice('egov-'.length);
  const pascal = short.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
  return { tag, short, className: `Egov${pascal}`, eventName: `${tag}-change`, eventType: `Egov${pascal}ChangeEvent` };
}

/**
 * The files of one element, keyed by path relative to the package folder.
 * @param {{ tag: string, pkgName: string }} o
 * @returns {Record<string, string>}
 */
export function elementFiles({ tag, pkgName }) {
  const { short, className, eventName, eventType } = elementNames(tag);
  const dir = `src/${short}`;
  return {
    [`${dir}/${short}.component.ts`]: `import { defineMessages, EgovElement, hostStyles, primaryButtonStyles } from '@egov-vn/elements-core';
import { html } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { ${eventType} } from './${short}.events.js';
import styles from './${short}.styles.js';

const messages = defineMessages({
  vi: {
    press: 'Bấm',
    count: (n: number) => \`Đã bấm \${n} lần\`,
  },
  en: {
    press: 'Press',
    count: (n: number) => (n === 1 ? 'Pressed once' : \`Pressed \${n} times\`),
  },
});

/**
 * @summary TODO: say what <${tag}> is for.
 * @tagname ${tag}
 *
 * @fires {${eventType}} ${eventName} - The count changed; \`detail.count\` is the new count.
 *
 * @csspart base - The wrapper.
 * @csspart button - The button.
 * @csspart count - The count, announced politely to screen readers.
 *
 * @cssprop --egov-color-primary - The button's background.
 * @cssprop --egov-color-on-primary - The button's text.
 */
export class ${className} extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, primaryButtonStyles, styles];
  static override properties: PropertyDeclarations = {
    count: { type: Number, reflect: true },
  };

  /** How many times the button was pressed. */
  declare count: number;

  constructor() {
    super();
    this.count = 0;
  }

  readonly #handleClick = (): void => {
    this.count += 1;
    const detail: ${eventType}['detail'] = { count: this.count };
    this.emit('${eventName}', { detail });
  };

  override render() {
    return html\`<div part="base" class="base">
      <button part="button" type="button" @click=\${this.#handleClick}>\${this.msg('press')}</button>
      <span part="count" class="count" role="status">\${this.msg('count', this.count)}</span>
    </div>\`;
  }
}
`,
    [`${dir}/${short}.styles.ts`]: `import { css } from 'lit';

export default css\`
  :host {
    display: inline-block;
  }
  .base {
    display: inline-flex;
    align-items: center;
    gap: var(--egov-space-sm);
  }
  .count {
    color: var(--egov-color-text-muted);
  }
\`;
`,
    [`${dir}/${short}.events.ts`]: `/** Fired by <${tag}> when its count changes. */
export type ${eventType} = CustomEvent<{ count: number }>;

declare global {
  interface GlobalEventHandlersEventMap {
    '${eventName}': ${eventType};
  }
}
`,
    [`${dir}/${short}.ts`]: `// Registers <${tag}>: \`import '${pkgName}/${short}';\`
import { ${className} } from './${short}.component.js';

export { ${className} } from './${short}.component.js';
export type { ${eventType} } from './${short}.events.js';

${className}.define('${tag}');

declare global {
  interface HTMLElementTagNameMap {
    '${tag}': ${className};
  }
}
`,
    [`${dir}/${short}.browser.test.ts`]: `import { expectAxeClean } from '@egov-vn/elements-core/testing';
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ${className} } from './${short}.js';
import type { ${eventType} } from './${short}.js';

const host = document.createElement('div');
document.body.append(host);

// The test page's own <html lang> is not ours to rely on: every test starts in Vietnamese.
beforeEach(() => host.setAttribute('lang', 'vi'));
afterEach(() => render(html\`\`, host));

async function mount(template: TemplateResult = html\`<${tag}></${tag}>\`): Promise<${className}> {
  render(template, host);
  const el = host.querySelector('${tag}')!;
  await el.updateComplete;
  return el;
}

const part = (el: ${className}, name: string) => el.shadowRoot!.querySelector<HTMLElement>(\`[part=\${name}]\`)!;

describe('<${tag}>', () => {
  it('is registered and renders its button and count', async () => {
    const el = await mount();
    expect(customElements.get('${tag}')).toBe(${className});
    expect(part(el, 'button').textContent.trim()).toBe('Bấm');
    expect(part(el, 'count').textContent.trim()).toBe('Đã bấm 0 lần');
  });

  it('emits a typed ${eventName} with the new count when pressed', async () => {
    const el = await mount();
    const counts: number[] = [];
    el.addEventListener('${eventName}', (event: ${eventType}) => counts.push(event.detail.count));
    await userEvent.click(part(el, 'button'));
    await userEvent.click(part(el, 'button'));
    expect(counts).toEqual([1, 2]);
    expect(el.count).toBe(2);
    expect(el.getAttribute('count')).toBe('2');
  });

  it('is reached with Tab and pressed with Enter', async () => {
    const el = await mount(html\`<button>trước</button><${tag}></${tag}>\`);
    host.querySelector('button')!.focus();
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(part(el, 'button'));
    await userEvent.keyboard('{Enter}');
    expect(el.count).toBe(1);
  });

  it('has no accessibility violation', async () => {
    const el = await mount();
    await expectAxeClean(el);
    el.count = 3;
    await el.updateComplete;
    await expectAxeClean(el);
  });

  it('speaks Vietnamese under lang="vi" and English under lang="en"', async () => {
    const el = await mount(html\`<${tag} count="1"></${tag}>\`);
    expect(part(el, 'count').textContent.trim()).toBe('Đã bấm 1 lần');
    host.setAttribute('lang', 'en');
    await expect.poll(() => part(el, 'count').textContent.trim()).toBe('Pressed once');
    expect(part(el, 'button').textContent.trim()).toBe('Press');
  });
});
`,
    [`${dir}/${short}.stories.ts`]: `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './${short}.js';

interface Args {
  count: number;
}

const meta = {
  title: '${pkgName.replace('@egov-vn/', '')}/${tag}',
  component: '${tag}',
  tags: ['autodocs'],
  args: { count: 0 },
  render: (args) => html\`<${tag} .count=\${args.count}></${tag}>\`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Vietnamese, the default. */
export const Default: Story = {};

/** Under an ancestor with \`lang="en"\`. */
export const English: Story = {
  args: { count: 1 },
  render: (args) => html\`<div lang="en"><${tag} .count=\${args.count}></${tag}></div>\`,
};
`,
  };
}

/** Keep '.' first and './package.json' last in an exports map. */
function sortExports(exports) {
  const entries = Object.entries(exports).filter(([k]) => k !== '.' && k !== './package.json');
  entries.sort(([a], [b]) => a.localeCompare(b));
  return {
    ...(exports['.'] ? { '.': exports['.'] } : {}),
    ...Object.fromEntries(entries),
    ...(exports['./package.json'] ? { './package.json': exports['./package.json'] } : {}),
  };
}

const sorted = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Make sure a package is a Lit element package (dependencies, CEM build step, manifest) and register one element in
 * its package.json. Returns whether dependencies changed (an install is then needed).
 * @param {Record<string, any>} pkg
 * @param {{ short: string, tag: string }} element
 */
export function wirePackageJson(pkg, { short, tag }) {
  const before = JSON.stringify([pkg.dependencies, pkg.devDependencies, pkg.peerDependencies]);
  const litTemplate = JSON.parse(
    packageFiles({ name: 'x', pkgName: '@egov-vn/x', description: '', browser: true, lit: true })['package.json'],
  );
  pkg.dependencies = sorted({ ...litTemplate.dependencies, ...pkg.dependencies });
  pkg.peerDependencies = sorted({ ...litTemplate.peerDependencies, ...pkg.peerDependencies });
  pkg.devDependencies = sorted({ ...litTemplate.devDependencies, ...pkg.devDependencies });
  if (!pkg.scripts.build.includes('cem analyze')) pkg.scripts.build = `${pkg.scripts.build} && cem analyze`;
  pkg.customElements = 'custom-elements.json';
  if (!pkg.files.includes('custom-elements.json')) pkg.files.splice(pkg.files.indexOf('src') + 1, 0, 'custom-elements.json');

  const defineFiles = [`./src/${short}/${short}.ts`, `./dist/${short}/${short}.js`];
  const sideEffects = Array.isArray(pkg.sideEffects) ? pkg.sideEffects : [];
  pkg.sideEffects = [...new Set([...sideEffects, ...defineFiles])].sort();
  pkg.exports = sortExports({
    ...pkg.exports,
    [`./${short}`]: {
      '@egov-vn/source': `./src/${short}/${short}.ts`,
      types: `./dist/${short}/${short}.d.ts`,
      default: `./dist/${short}/${short}.js`,
    },
  });
  const budgets = pkg['size-limit'] ?? [];
  if (!budgets.some((b) => b.path === `dist/${short}/${short}.js`)) {
    budgets.push({ name: `<${tag}> (define file, lit excluded)`, path: `dist/${short}/${short}.js`, import: '*', gzip: true, limit: '4 kB' });
  }
  pkg['size-limit'] = budgets;
  return JSON.stringify([pkg.dependencies, pkg.devDependencies, pkg.peerDependencies]) !== before;
}

/**
 * Add `src/<short>/<short>.ts` to the entries of a `library(...)` call in tsdown.config.ts.
 * @param {string} source
 * @param {string} short
 * @returns {string}
 */
export function wireTsdownConfig(source, short) {
  const entry = `'src/${short}/${short}.ts'`;
  if (source.includes(entry)) return source;
  if (/library\(\s*\)/.test(source)) return source.replace(/library\(\s*\)/, `library({ entry: ['src/index.ts', ${entry}] })`);
  const match = source.match(/entry:\s*\[([^\]]*)\]/);
  if (!match) throw new Error('tsdown.config.ts: no library() call or entry list found; add the entry by hand.');
  const items = match[1].trim().replace(/,\s*$/, '');
  return source.replace(match[0], `entry: [${items ? `${items}, ` : ''}${entry}]`);
}

/**
 * Add one element to the Lit package in `dir`: its files, package.json (sideEffects, exports, size budget,
 * dependencies), tsdown entry, class export in src/index.ts and a README line. Throws for an invalid tag, a package
 * that is not a Lit package, or an element that exists already.
 * @param {string} dir
 * @param {string} tag
 * @returns {{ pkgName: string, depsChanged: boolean, files: string[] }}
 */
export function addElement(dir, tag) {
  if (!tagPattern.test(tag)) throw new Error(`'${tag}': a tag is egov-<name> (lower-case a-z 0-9, dash-separated).`);
  const names = elementNames(tag);
  const where = relative(root, dir) || dir;
  const tsconfig = existsSync(join(dir, 'tsconfig.json')) ? readFileSync(join(dir, 'tsconfig.json'), 'utf8') : '';
  if (!tsconfig.includes('@egov-vn/tsconfig/lit.json')) {
    throw new Error(
      `${where} is not a custom-element package (its tsconfig.json does not extend @egov-vn/tsconfig/lit.json). ` +
        'Elements live in their own packages (the elements layer): pick another --package name to create one.',
    );
  }
  if (existsSync(join(dir, 'src', names.short))) throw new Error(`${where}/src/${names.short} exists already.`);
  const pkgPath = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));

  const files = elementFiles({ tag, pkgName: pkg.name });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const depsChanged = wirePackageJson(pkg, names);
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

  const litFiles = packageFiles({ name: 'x', pkgName: pkg.name, description: '', browser: true, lit: true });
  for (const shared of ['custom-elements-manifest.config.js', '.gitignore']) {
    if (!existsSync(join(dir, shared))) writeFileSync(join(dir, shared), litFiles[shared]);
  }
  const tsdownPath = join(dir, 'tsdown.config.ts');
  writeFileSync(tsdownPath, wireTsdownConfig(readFileSync(tsdownPath, 'utf8'), names.short));

  const indexPath = join(dir, 'src', 'index.ts');
  const index = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : '';
  writeFileSync(
    indexPath,
    `${index}export { ${names.className} } from './${names.short}/${names.short}.component.js';\nexport type { ${names.eventType} } from './${names.short}/${names.short}.events.js';\n`,
  );

  const readmePath = join(dir, 'README.md');
  if (existsSync(readmePath)) {
    let readme = readFileSync(readmePath, 'utf8');
    const line = `- \`<${tag}>\` (\`import '${pkg.name}/${names.short}';\`): TODO say what it is for. Event \`${names.eventName}\` (\`${names.eventType}\`).\n`;
    readme = readme.includes('## Elements\n\nNone yet')
      ? readme.replace(/## Elements\n\nNone yet[^\n]*\n/, `## Elements\n\n${line}`)
      : readme.includes('## Elements\n')
        ? readme.replace(/## Elements\n\n((?:- .*\n)*)/, (_, list) => `## Elements\n\n${list}${line}`)
        : `${readme}\n## Elements\n\n${line}`;
    writeFileSync(readmePath, readme);
  }
  return { pkgName: pkg.name, depsChanged, files: Object.keys(files) };
}

/**
 * `pnpm new:element`: create the package when needed, add the element, write a changeset, install.
 * @param {{ tag: string, pkg: string, description?: string, install?: boolean }} o
 * @returns {{ dir: string, created: boolean, files: string[] }}
 */
export function createElement({ tag, pkg: name, description = '', install = true }) {
  if (!tagPattern.test(tag)) throw new Error(`'${tag}': a tag is egov-<name> (lower-case a-z 0-9, dash-separated).`);
  if (!packageNamePattern.test(name)) throw new Error(`'${name}': a package name is lower-case a-z 0-9 and dashes.`);
  const names = elementNames(tag);
  const dir = join(root, 'packages', name);
  const created = !existsSync(dir);
  if (created) {
    createPackage({
      name,
      lit: true,
      install: false,
      description: description || `@egov-vn/${name}: custom elements (TODO describe them).`,
    });
  }
  const { pkgName, depsChanged, files } = addElement(dir, tag);
  if (!created) {
    writeFileSync(
      join(root, '.changeset', `${name}-${names.short}.md`),
      `---\n'${pkgName}': minor\n---\n\nNew element <${tag}>.\n`,
    );
  }
  console.log(
    `Created <${tag}> (${names.className}) in packages/${name}/src/${names.short}${created ? ` and the package ${pkgName}` : ''}.`,
  );
  if (install && (created || depsChanged)) {
    execFileSync('pnpm', ['install', '--prefer-offline'], { cwd: root, stdio: 'inherit' });
  } else if (created || depsChanged) {
    console.log('Dependencies changed: run `pnpm install` (in this shared workspace: flock /tmp/egov-pnpm.lock pnpm install).');
  }
  return { dir, created, files };
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      package: { type: 'string' },
      description: { type: 'string', default: '' },
      'no-install': { type: 'boolean', default: false },
    },
  });
  const tag = positionals[0];
  if (!tag || !values.package) {
    console.error('Usage: pnpm new:element egov-<name> --package <package> [--description "…"] [--no-install]');
    process.exit(2);
  }
  try {
    createElement({ tag, pkg: values.package, description: values.description, install: !values['no-install'] });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();

