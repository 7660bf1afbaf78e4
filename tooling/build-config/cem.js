// The Custom Elements Manifest setup every element package shares. In a package: a one-line
// `custom-elements-manifest.config.js` (`export { default } from '@egov-vn/build-config/cem';`) and
// `"build": "tsdown && cem analyze"`; the manifest is `custom-elements.json`, named by `"customElements"` in
// package.json (which is kept by hand: `packagejson: false`).
//
// The analyzer reads the component classes (`src/**/*.component.ts`, JSDoc `@tagname`, `@summary`, `@fires`,
// `@slot`, `@csspart`, `@cssprop`) and Lit's `static properties` (decorator-free style: `litelement: true`; the rules
// are in docs/elements.md). Registration happens in the define files through `EgovElement.define('egov-x')`, which
// the analyzer does not read, so each component's JSDoc names its tag with `@tagname` (pnpm new:element writes it).
//
// The analyzer's Lit support turns every entry of `static properties` into an attribute, `{ state: true }` ones
// included, and lists private members. `publicApiOnly` below keeps the manifest to the public API: internal state
// has no attribute and no member, and `private` / `#private` members are left out.

/**
 * The names of the `{ state: true }` entries of a class's `static properties` object literal.
 * @param {typeof import('typescript')} ts
 * @param {import('typescript').ClassLikeDeclaration} node
 */
function stateNames(ts, node) {
  const names = new Set();
  for (const member of node.members) {
    const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
    const map = member.initializer;
    if (!map || !ts.isObjectLiteralExpression(map)) continue;
    for (const entry of map.properties) {
      if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
      const isState = entry.initializer.properties.some(
        (option) =>
          ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword,
      );
      if (isState) names.add(entry.name.getText());
    }
  }
  return names;
}

/** A CEM plugin: internal state and private members out of the manifest (see above). */
export function publicApiOnly() {
  /** @type {Map<string, Set<string>>} class name -> its state fields */
  const stateByClass = new Map();
  return {
    name: 'egov-public-api-only',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = stateNames(ts, node);
      if (names.size) stateByClass.set(node.name.getText(), names);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const state = new Set(stateByClass.get(declaration.name) ?? []);
          for (const member of declaration.members ?? []) {
            const owner = member.inheritedFrom?.name;
            if (owner && stateByClass.get(owner)?.has(member.name)) state.add(member.name);
          }
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter((attribute) => !state.has(attribute.fieldName ?? attribute.name));
          }
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) => !state.has(member.name) && member.privacy !== 'private' && !member.name.startsWith('#'),
            );
          }
        }
      }
    },
  };
}

/** Options of `cem analyze` (@custom-elements-manifest/analyzer), see its docs: "Config options". */
const config = {
  // feature.ts: the base class of office-elements' features (its public properties are inherited by each feature).
  globs: ['src/**/*.component.ts', 'src/feature.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts', 'dist/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  dev: false,
  plugins: [publicApiOnly()],
};

export default config;
