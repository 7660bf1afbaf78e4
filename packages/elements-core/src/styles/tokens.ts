// The design tokens every egov-vn element reads: CSS custom properties on the document root, light by default, dark
// when the system prefers it (unless the page says `data-theme="light"` / `.egov-light`) or under any ancestor with
// `data-theme="dark"` / `.egov-dark`. They live in the cascade layer `egov.tokens`, so any unlayered page rule
// (`:root { --egov-color-primary: … }`) overrides them.
import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

/** Tokens that do not change with the colour scheme. */
export const commonTokens = {
  '--egov-font-family':
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  '--egov-font-family-mono': 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  '--egov-font-size-sm': '0.875rem',
  '--egov-font-size': '1rem',
  '--egov-font-size-lg': '1.25rem',
  '--egov-font-weight': '400',
  '--egov-font-weight-bold': '600',
  '--egov-line-height': '1.5',
  '--egov-space-xs': '0.25rem',
  '--egov-space-sm': '0.5rem',
  '--egov-space': '1rem',
  '--egov-space-lg': '1.5rem',
  '--egov-radius': '0.375rem',
  '--egov-radius-lg': '0.75rem',
  '--egov-focus-ring-width': '3px',
  '--egov-focus-ring-offset': '2px',
  '--egov-focus-ring': 'var(--egov-focus-ring-width) solid var(--egov-color-focus)',
  '--egov-transition': '150ms ease-out',
} as const;

/** The light palette (contrast of text colours against `--egov-color-surface` is at least 4.5:1). */
export const lightTokens = {
  'color-scheme': 'light',
  '--egov-color-primary': '#0b5cad',
  '--egov-color-primary-hover': '#084a8c',
  '--egov-color-on-primary': '#ffffff',
  '--egov-color-surface': '#ffffff',
  '--egov-color-surface-raised': '#f3f5f8',
  '--egov-color-text': '#1a1f24',
  '--egov-color-text-muted': '#515a63',
  '--egov-color-border': '#8a949e',
  '--egov-color-danger': '#b3261e',
  '--egov-color-success': '#1b6e3a',
  '--egov-color-warning': '#8a5a00',
  '--egov-color-focus': '#1a73e8',
  '--egov-color-backdrop': 'rgb(16 24 32 / 0.5)',
} as const;

/** The dark palette, same keys as {@link lightTokens}. */
export const darkTokens = {
  'color-scheme': 'dark',
  '--egov-color-primary': '#8ab4f8',
  '--egov-color-primary-hover': '#aecbfa',
  '--egov-color-on-primary': '#0b1a33',
  '--egov-color-surface': '#14171a',
  '--egov-color-surface-raised': '#1f2328',
  '--egov-color-text': '#e8eaed',
  '--egov-color-text-muted': '#a9b1ba',
  '--egov-color-border': '#6b757f',
  '--egov-color-danger': '#f2b8b5',
  '--egov-color-success': '#7fd49b',
  '--egov-color-warning': '#f5c26b',
  '--egov-color-focus': '#8ab4f8',
  '--egov-color-backdrop': 'rgb(0 0 0 / 0.6)',
} as const satisfies Record<keyof typeof lightTokens, string>;

function block(selector: string, palette: Record<string, string>): string {
  // Every block repeats the common tokens: a custom property that refers to another (the focus ring) is computed
  // where it is declared, so it must be declared again wherever the palette changes.
  const declarations = Object.entries({ ...palette, ...commonTokens }).map(([name, value]) => `  ${name}: ${value};`);
  return `${selector} {\n${declarations.join('\n')}\n}`;
}

const sheet = [
  '@layer egov.tokens {',
  block(':root, .egov-light, [data-theme="light"]', lightTokens),
  '@media (prefers-color-scheme: dark) {',
  block(':root:not(.egov-light, [data-theme="light"])', darkTokens),
  '}',
  block('.egov-dark, [data-theme="dark"]', darkTokens),
  // Users who ask for less motion get none: every transition of the kit reads --egov-transition. `*` reaches below
  // any themed ancestor; :root:root:root outranks the dark block's :root:not(…).
  '@media (prefers-reduced-motion: reduce) {',
  '*, :root:root:root { --egov-transition: 0s; }',
  '}',
  '}',
].join('\n');

/**
 * The design tokens as a `css` block for the document (not for a shadow root: `:root` matches only there).
 * {@link EgovElement} installs it once per document on first connection; include it yourself in a page stylesheet or
 * `adoptedStyleSheets` if you render elements before any connects.
 */
export const tokens: CSSResult = css`
  ${unsafeCSS(sheet)}
`;

const installed = new WeakSet<Document>();

/** Add {@link tokens} to a document once (adopted style sheet, or a `<style>` element when adopting fails). */
export function installTokens(doc: Document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  const sheet = tokens.styleSheet;
  try {
    if (!sheet) throw new Error('no constructable style sheet');
    doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
  } catch {
    // Another realm (an iframe's document) cannot adopt this window's sheet: fall back to a style element.
    const style = doc.createElement('style');
    style.dataset['egovTokens'] = '';
    style.textContent = tokens.cssText;
    doc.head.prepend(style);
  }
}

/** Base styles for every element's shadow root: box sizing, font and colour from the tokens, `hidden` honoured. */
export const hostStyles: CSSResult = css`
  :host {
    box-sizing: border-box;
    font-family: var(--egov-font-family);
    font-size: var(--egov-font-size);
    line-height: var(--egov-line-height);
    color: var(--egov-color-text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--egov-focus-ring);
    outline-offset: var(--egov-focus-ring-offset);
  }
`;
