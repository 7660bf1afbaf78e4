// The layering rule of docs/architecture.md as an ESLint rule (`egov/layering`): a package imports only from the
// layers below it. Every package's lint runs it (base.js), so `pnpm test` fails on a wrong-way import.
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Layer of each package (docs/architecture.md): 0 ground, 1 cores, 2 contracts, 3 clients/tools/servers,
 * 4 element base, 5 elements, 6 apps and the CDN build. */
export const layers = {
  '@egov-vn/schemas': 0,
  '@egov-vn/edxml': 1,
  '@egov-vn/pdf-signature': 1,
  '@egov-vn/document-pdf': 1,
  '@egov-vn/calendar': 1,
  '@egov-vn/database': 1,
  '@egov-vn/exchange-api': 2,
  '@egov-vn/office-api': 2,
  '@egov-vn/exchange-client': 3,
  '@egov-vn/cli': 3,
  '@egov-vn/office-server': 3,
  '@egov-vn/elements-core': 4,
  '@egov-vn/cdn': 6,
};

/** Layer names, for messages. */
export const layerNames = ['ground', 'cores', 'contracts', 'clients, tools and servers', 'element base', 'elements', 'apps'];

/** Imports within one layer that the architecture allows (importer → imported). */
export const allowedAcross = {
  // The office contract reuses the exchange contract's package and status shapes.
  '@egov-vn/office-api': ['@egov-vn/exchange-api'],
  // Tests of rendered documents sign them (test files only in practice).
  '@egov-vn/document-pdf': ['@egov-vn/pdf-signature'],
  // The office server sends and receives through the exchange client (the system secret stays on the server).
  '@egov-vn/office-server': ['@egov-vn/exchange-client'],
  // The office features compose the kit's widgets (PDF viewer, signature panel, deadline badge) instead of copying them.
  '@egov-vn/office-elements': ['@egov-vn/signature-elements', '@egov-vn/calendar-elements'],
};

/**
 * The layer of a workspace package, or undefined for tooling and unknown names.
 * @param {string} name
 * @param {string} [dir] the package folder (an app's layer comes from living in apps/)
 * @returns {number | undefined}
 */
export function layerOf(name, dir = '') {
  if (Object.hasOwn(layers, name)) return layers[/** @type {keyof typeof layers} */ (name)];
  if (dir.includes(`${sep}apps${sep}`)) return 6;
  if (/^@egov-vn\/[a-z-]+-elements$/.test(name)) return 5;
  return undefined;
}

/**
 * Whether `from` may import `to`.
 * @param {string} from
 * @param {string} to
 * @param {string} [fromDir]
 * @returns {{ ok: true } | { ok: false, fromLayer: number, toLayer: number }}
 */
export function mayImport(from, to, fromDir = '') {
  if (from === to) return { ok: true };
  const fromLayer = layerOf(from, fromDir);
  const toLayer = layerOf(to);
  if (fromLayer === undefined || toLayer === undefined) return { ok: true };
  if (toLayer < fromLayer || fromLayer === 6) return { ok: true };
  if (/** @type {Record<string, string[]>} */ (allowedAcross)[from]?.includes(to)) return { ok: true };
  return { ok: false, fromLayer, toLayer };
}

/**
 * The ESLint plugin for one package (its folder holds the package.json that names it).
 * @param {string} packageDir
 */
export function layeringPlugin(packageDir) {
  let self = '';
  try {
    self = /** @type {{ name?: string }} */ (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))).name ?? '';
  } catch {
    self = '';
  }
  const dir = `${packageDir}${sep}`;
  /** @type {import('eslint').Rule.RuleModule} */
  const rule = {
    meta: {
      type: 'problem',
      docs: { description: 'A package imports only from the layers below it (docs/architecture.md).' },
      schema: [],
      messages: {
        upward:
          "{{self}} ({{fromName}}) may not import {{target}} ({{toName}}): a package imports only from the layers below it (docs/architecture.md).",
      },
    },
    create(context) {
      /** @param {import('eslint').Rule.Node | null | undefined} source */
      const check = (source) => {
        if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
        const match = /^(@egov-vn\/[a-z0-9-]+)(?:\/|$)/.exec(source.value);
        if (!match || !self) return;
        const target = /** @type {string} */ (match[1]);
        const verdict = mayImport(self, target, dir);
        if (verdict.ok) return;
        context.report({
          node: source,
          messageId: 'upward',
          data: {
            self,
            target,
            fromName: `layer ${verdict.fromLayer}, ${layerNames[verdict.fromLayer]}`,
            toName: `layer ${verdict.toLayer}, ${layerNames[verdict.toLayer]}`,
          },
        });
      };
      return {
        ImportDeclaration: (node) => check(node.source),
        ExportNamedDeclaration: (node) => check(node.source),
        ExportAllDeclaration: (node) => check(node.source),
        ImportExpression: (node) => check(/** @type {import('eslint').Rule.Node} */ (node.source)),
      };
    },
  };
  return { rules: { layering: rule } };
}
