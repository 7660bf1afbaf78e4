import { css } from 'lit';
import type { CSSResult } from 'lit';

/**
 * `.visually-hidden`: hidden on screen, still read by screen readers (and shown again while it holds focus, for skip
 * links). Add it to an element's `styles` and put the class on the text.
 */
export const visuallyHidden: CSSResult = css`
  .visually-hidden:not(:focus-within) {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;
