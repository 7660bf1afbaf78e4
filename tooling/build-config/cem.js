// The Custom Elements Manifest setup every element package shares. In a package: a one-line
// `custom-elements-manifest.config.js` (`export { default } from '@egov-vn/build-config/cem';`) and
// `"build": "tsdown && cem analyze"`; the manifest is `custom-elements.json`, named by `"customElements"` in
// package.json (which is kept by hand: `packagejson: false`).
//
// The analyzer reads the component classes (`src/**/*.component.ts`, JSDoc `@tagname`, `@summary`, `@event`,
// `@slot`, `@csspart`, `@cssprop`) and Lit's `static properties` (decorator-free style: `litelement: true`).
// Registration happens in the define files through `EgovElement.define('egov-x')`, which the analyzer does not
// read, so each component's JSDoc names its tag with `@tagname` (pnpm new:element writes it).

/** Options of `cem analyze` (@custom-elements-manifest/analyzer), see its docs: "Config options". */
const config = {
  globs: ['src/**/*.component.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts', 'dist/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  dev: false,
};

export default config;
