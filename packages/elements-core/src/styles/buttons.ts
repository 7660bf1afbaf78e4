import { css } from 'lit';
import type { CSSResult } from 'lit';

/**
 * The plain button of every element (navigation, pickers, secondary actions), themed by the design tokens. Put it in
 * an element's `styles` before the element's own sheet, which may refine it.
 */
export const buttonStyles: CSSResult = css`
  button {
    font: inherit;
    padding: var(--egov-space-xs) var(--egov-space-sm);
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
    background: var(--egov-color-surface);
    color: var(--egov-color-text);
    cursor: pointer;
  }
`;

/** The primary action button (sign, save, the scaffolded element's button), themed by the design tokens. */
export const primaryButtonStyles: CSSResult = css`
  button {
    font: inherit;
    padding: var(--egov-space-xs) var(--egov-space);
    border: 0;
    border-radius: var(--egov-radius);
    background: var(--egov-color-primary);
    color: var(--egov-color-on-primary);
    cursor: pointer;
    transition: background var(--egov-transition);
  }
  button:hover {
    background: var(--egov-color-primary-hover);
  }
  /* Forced colours (Windows high contrast) drop backgrounds: a border keeps the button's edge visible. */
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
  }
`;
