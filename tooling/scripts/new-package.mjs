#!/usr/bin/env node
// `pnpm new:package <name> [--description "…"] [--browser]`: a working, tested, publishable package skeleton that
// follows every convention (exports map with the source condition, sideEffects, shared configs, size budgets,
// README with a one-screen example, a changeset). `pnpm test` builds, tests and checks it with no other edit.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    description: { type: 'string', default: '' },
    browser: { type: 'boolean', default: false },
    'no-install': { type: 'boolean', default: false },
  },
});
const name = positionals[0];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('Usage: pnpm new:package <name> [--description "…"] [--browser]   (name: lower-case, a-z 0-9 -)');
  process.exit(2);
}
const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'packages', name);
if (existsSync(dir)) {
  console.error(`packages/${name} exists already.`);
  process.exit(2);
}
const pkgName = `@egov-vn/${name}`;
const description = values.description || `${pkgName}: TODO describe what this package is for.`;
const files = packageFiles({ name, pkgName, description, browser: values.browser });
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
if (!values['no-install']) execFileSync('pnpm', ['install', '--prefer-offline'], { cwd: root, stdio: 'inherit' });

/** @param {{ name: string, pkgName: string, description: string, browser: boolean }} o */
export function packageFiles({ name, pkgName, description, browser }) {
  const camel = name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const fn = `${camel}Version`;
  const pkg = {
    name: pkgName,
    version: '0.0.0',
    description,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    exports: {
      '.': { '@egov-vn/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    },
    files: ['dist', 'src', '!src/**/*.test.ts', '!src/**/*.stories.ts', '!src/**/*.bench.ts'],
    scripts: {
      build: 'tsdown',
      'check-types': 'tsc --noEmit',
      lint: 'eslint . --max-warnings 0',
      test: 'vitest run',
      'check-package': 'publint --strict && attw --pack . --profile esm-only && size-limit',
    },
    'size-limit': [
      { name: 'full import', path: 'dist/index.js', import: '*', gzip: true, limit: '2 kB' },
      { name: 'smallest import', path: 'dist/index.js', import: `{ ${fn} }`, gzip: true, limit: '1 kB' },
    ],
    publishConfig: { access: 'public' },
    devDependencies: {
      '@egov-vn/build-config': 'workspace:*',
      '@egov-vn/eslint-config': 'workspace:*',
      '@egov-vn/tsconfig': 'workspace:*',
      '@egov-vn/vitest-config': 'workspace:*',
      vitest: '^4.1.12',
    },
  };
  return {
    'package.json': JSON.stringify(pkg, null, 2) + '\n',
    'tsconfig.json':
      JSON.stringify({ extends: '@egov-vn/tsconfig/library.json', include: ['src', '*.config.ts'] }, null, 2) + '\n',
    'eslint.config.js': `import library from '@egov-vn/eslint-config/library';\n\nexport default library({ tsconfigRootDir: import.meta.dirname });\n`,
    'vitest.config.ts': `import { egovVitestConfig } from '@egov-vn/vitest-config';\n\nexport default egovVitestConfig({ node: true, browser: ${browser} });\n`,
    'tsdown.config.ts': `import { library } from '@egov-vn/build-config';\n\nexport default library();\n`,
    'src/index.ts': `/** The version of ${pkgName} this build came from. */\nexport function ${fn}(): string {\n  return '0.0.0';\n}\n`,
    'src/index.test.ts': `import { describe, expect, it } from 'vitest';\nimport { ${fn} } from './index.js';\n\ndescribe('${fn}', () => {\n  it('is a semantic version', () => {\n    expect(${fn}()).toMatch(/^\\d+\\.\\d+\\.\\d+$/);\n  });\n});\n`,
    ...(browser
      ? {
          'src/index.browser.test.ts': `import { expect, it } from 'vitest';\nimport { ${fn} } from './index.js';\n\nit('loads in Chromium', () => {\n  expect(navigator.userAgent).toContain('Chrome');\n  expect(${fn}()).toBe('0.0.0');\n});\n`,
        }
      : {}),
    'README.md': `# ${pkgName}\n\n${description}\n\n\`\`\`sh\npnpm add ${pkgName}\n\`\`\`\n\n\`\`\`ts\nimport { ${fn} } from '${pkgName}';\n\nconsole.log(${fn}());\n\`\`\`\n\n## Dependencies\n\nNone yet. Say here why each runtime dependency was chosen.\n`,
  };
}
