#!/usr/bin/env node
// `pnpm new:package <name> [--description "…"] [--browser] [--lit]`: a working, tested, publishable package skeleton
// that follows every convention (exports map with the source condition, sideEffects, shared configs, size budgets,
// README with a one-screen example, a changeset). `pnpm test` builds, tests and checks it with no other edit.
// `--lit` makes a custom-element package (lit peer, @egov-vn/elements-core base, Custom Elements Manifest, Chromium
// tests); add elements to it with `pnpm new:element <tag> --package <name>`.
// The templates are exported (packageFiles, createPackage) so that new-element.mjs reuses them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const root = join(import.meta.dirname, '..', '..');

/** Versions shared with the rest of the workspace (sherif enforces one version per dependency). */
export const versions = {
  vitest: '^4.1.12',
  lit: '^3.3.3',
  cemAnalyzer: '^0.11.0',
  storybookWebComponentsVite: '^10.6.0',
};

/**
 * Every file of a new package, keyed by path relative to the package folder.
 * @param {{ name: string, pkgName: string, description: string, browser: boolean, lit?: boolean }} o
 * @returns {Record<string, string>}
 */
export function packageFiles({ name, pkgName, description, browser, lit = false }) {
  const camel = name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const fn = `${camel}Version`;
  const withBrowser = browser || lit;
  const pkg = {
    name: pkgName,
    version: '0.0.0',
    description,
    license: 'MIT',
    type: 'module',
    // Custom-element packages list their define files here (pnpm new:element adds them); nothing else has effects.
    sideEffects: lit ? [] : false,
    exports: {
      '.': { '@egov-vn/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    },
    ...(lit ? { customElements: 'custom-elements.json' } : {}),
    files: [
      'dist',
      'src',
      ...(lit ? ['custom-elements.json'] : []),
      '!src/**/*.test.ts',
      '!src/**/*.stories.ts',
      '!src/**/*.bench.ts',
    ],
    scripts: {
      build: lit ? 'tsdown && cem analyze' : 'tsdown',
      'check-types': 'tsc --noEmit',
      lint: 'eslint . --max-warnings 0',
      test: 'vitest run',
      'check-package': 'publint --strict && attw --pack . --profile esm-only && size-limit',
    },
    'size-limit': [
      { name: 'full import', path: 'dist/index.js', import: '*', gzip: true, limit: lit ? '6 kB' : '2 kB' },
      { name: 'smallest import', path: 'dist/index.js', import: `{ ${fn} }`, gzip: true, limit: '1 kB' },
    ],
    publishConfig: { access: 'public' },
    ...(lit
      ? {
          dependencies: { '@egov-vn/elements-core': 'workspace:^' },
          peerDependencies: { lit: versions.lit },
        }
      : {}),
    devDependencies: {
      ...(lit ? { '@custom-elements-manifest/analyzer': versions.cemAnalyzer } : {}),
      '@egov-vn/build-config': 'workspace:*',
      '@egov-vn/eslint-config': 'workspace:*',
      '@egov-vn/tsconfig': 'workspace:*',
      '@egov-vn/vitest-config': 'workspace:*',
      ...(lit
        ? {
            // Stories' types. (axe-core, for expectAxeClean, resolves through @egov-vn/elements-core in the workspace.)
            '@storybook/web-components-vite': versions.storybookWebComponentsVite,
            lit: versions.lit,
          }
        : {}),
      vitest: versions.vitest,
    },
  };
  const preset = lit ? 'lit' : 'library';
  return {
    'package.json': JSON.stringify(pkg, null, 2) + '\n',
    'tsconfig.json':
      JSON.stringify({ extends: `@egov-vn/tsconfig/${preset}.json`, include: ['src', '*.config.ts'] }, null, 2) + '\n',
    'eslint.config.js': `import ${preset === 'lit' ? 'litPreset' : 'library'} from '@egov-vn/eslint-config/${preset}';\n\nexport default ${preset === 'lit' ? 'litPreset' : 'library'}({ tsconfigRootDir: import.meta.dirname });\n`,
    'vitest.config.ts': `import { egovVitestConfig } from '@egov-vn/vitest-config';\n\nexport default egovVitestConfig({ node: true, browser: ${withBrowser} });\n`,
    'tsdown.config.ts': `import { library } from '@egov-vn/build-config';\n\nexport default library();\n`,
    ...(lit
      ? {
          '.gitignore': 'custom-elements.json\n',
          'custom-elements-manifest.config.js': `// The shared Custom Elements Manifest setup (tooling/build-config/cem.js): \`cem analyze\` writes custom-elements.json.\nexport { default } from '@egov-vn/build-config/cem';\n`,
        }
      : {}),
    'src/version.ts':
      "// The package's version: replaced at build time (tooling/build-config defines __EGOV_VN_VERSION__ from package.json);\n// read from package.json when the package runs from its sources.\nimport manifest from '../package.json' with { type: 'json' };\n\ndeclare const __EGOV_VN_VERSION__: string | undefined;\n\nexport const version: string = typeof __EGOV_VN_VERSION__ === 'string' ? __EGOV_VN_VERSION__ : manifest.version;\n",
    'src/index.ts':
      `import { version } from './version.js';\n\n/** The version of ${pkgName} this build came from. */\nexport function ${fn}(): string {\n  return version;\n}\n` +
      (lit ? `\n// Element classes (no registration); \`pnpm new:element\` adds one line per element.\n` : ''),
    'src/index.test.ts': `import { readFileSync } from 'node:fs';\nimport { describe, expect, it } from 'vitest';\nimport { ${fn} } from './index.js';\n\nconst manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };\n\ndescribe('${fn}', () => {\n  it('is the version of package.json', () => {\n    expect(${fn}()).toBe(manifest.version);\n  });\n});\n`,
    ...(withBrowser
      ? {
          'src/index.browser.test.ts': `import { expect, it } from 'vitest';\nimport manifest from '../package.json' with { type: 'json' };\nimport { ${fn} } from './index.js';\n\nit('loads in Chromium and knows its version', () => {\n  expect(navigator.userAgent).toContain('Chrome');\n  expect(${fn}()).toBe(manifest.version);\n});\n`,
        }
      : {}),
    'README.md': lit
      ? `# ${pkgName}\n\n${description}\n\n\`\`\`sh\npnpm add ${pkgName} lit\n\`\`\`\n\nImport a define file to register an element (\`import '${pkgName}/<element>';\`), or import the classes from\n\`${pkgName}\` and register them yourself. The Custom Elements Manifest is \`custom-elements.json\`.\n\n## Elements\n\nNone yet: add one with \`pnpm new:element egov-<name> --package ${name}\`.\n\n## Dependencies\n\n- \`lit\` (peer): the base of every egov-vn element, through \`@egov-vn/elements-core\`.\n`
      : `# ${pkgName}\n\n${description}\n\n\`\`\`sh\npnpm add ${pkgName}\n\`\`\`\n\n\`\`\`ts\nimport { ${fn} } from '${pkgName}';\n\nconsole.log(${fn}());\n\`\`\`\n\n## Dependencies\n\nNone yet. Say here why each runtime dependency was chosen.\n`,
  };
}

/**
 * Write packages/<name> and its changeset. Throws when the package exists already.
 * @param {{ name: string, description?: string, browser?: boolean, lit?: boolean, install?: boolean }} o
 * @returns {string} the package folder
 */
export function createPackage({ name, description = '', browser = false, lit = false, install = true }) {
  const dir = join(root, 'packages', name);
  if (existsSync(dir)) throw new Error(`packages/${name} exists already.`);
  const pkgName = `@egov-vn/${name}`;
  const files = packageFiles({
    name,
    pkgName,
    description: description || `${pkgName}: TODO describe what this package is for.`,
    browser,
    lit,
  });
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, content);
  }
  writeFileSync(
    join(root, '.changeset', `new-${name}.md`),
    `---\n'${pkgName}': minor\n---\n\nFirst release of ${pkgName}.\n`,
  );
  console.log(`Created packages/${name} (${pkgName}) and a changeset.`);
  if (install) execFileSync('pnpm', ['install', '--prefer-offline'], { cwd: root, stdio: 'inherit' });
  return dir;
}

export const packageNamePattern = /^[a-z][a-z0-9-]*$/;

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      description: { type: 'string', default: '' },
      browser: { type: 'boolean', default: false },
      lit: { type: 'boolean', default: false },
      'no-install': { type: 'boolean', default: false },
    },
  });
  const name = positionals[0];
  if (!name || !packageNamePattern.test(name)) {
    console.error(
      'Usage: pnpm new:package <name> [--description "…"] [--browser] [--lit] [--no-install]   (name: lower-case, a-z 0-9 -)',
    );
    process.exit(2);
  }
  try {
    createPackage({
      name,
      description: values.description,
      browser: values.browser,
      lit: values.lit,
      install: !values['no-install'],
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
