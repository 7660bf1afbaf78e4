import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .base {
    background: var(--egov-color-surface);
    color: var(--egov-color-text);
    display: grid;
    gap: var(--egov-space-sm);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--egov-space-xs);
    align-items: center;
  }
  button {
    font: inherit;
    min-width: 2.25rem;
    padding: var(--egov-space-xs) var(--egov-space-sm);
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
    background: var(--egov-color-surface-raised);
    color: var(--egov-color-text);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .notice {
    margin: 0;
    font-size: var(--egov-font-size-sm);
    color: var(--egov-color-text-muted);
  }
  .page {
    overflow: auto;
    max-height: var(--egov-pdf-viewer-height, 80vh);
    background: var(--egov-pdf-viewer-background, var(--egov-color-border));
    border-radius: var(--egov-radius);
    padding: var(--egov-space-sm);
    text-align: center;
  }
  .sheet {
    position: relative;
    display: inline-block;
    vertical-align: top;
    text-align: initial;
    --scale-round-x: 1px;
    --scale-round-y: 1px;
  }
  canvas {
    display: block;
    background: #fff;
    box-shadow: 0 1px 3px rgb(0 0 0 / 30%);
  }
  /* The pdf.js text layer (rules from pdfjs-dist/web/pdf_viewer.css that a plain page needs). */
  .textLayer {
    position: absolute;
    inset: 0;
    overflow: clip;
    opacity: 1;
    line-height: 1;
    text-align: initial;
    letter-spacing: normal;
    word-spacing: normal;
    text-size-adjust: none;
    forced-color-adjust: none;
    transform-origin: 0 0;
    caret-color: CanvasText;
    z-index: 0;
    --min-font-size: 1;
    --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size));
    --min-font-size-inv: calc(1 / var(--min-font-size));
  }
  .textLayer :is(span, br) {
    color: transparent;
    position: absolute;
    white-space: pre;
    cursor: text;
    transform-origin: 0% 0%;
    user-select: text;
  }
  .textLayer > :not(.markedContent),
  .textLayer .markedContent span:not(.markedContent) {
    z-index: 1;
    --font-height: 0;
    font-size: calc(var(--text-scale-factor) * var(--font-height));
    --scale-x: 1;
    --rotate: 0deg;
    transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv));
  }
  .textLayer .markedContent {
    display: contents;
  }
  .textLayer ::selection {
    background: color-mix(in srgb, AccentColor, transparent 50%);
    color: transparent;
  }
  .textLayer .endOfContent {
    display: block;
    position: absolute;
    inset: 100% 0 0;
    z-index: 0;
    cursor: default;
    user-select: none;
  }
  .placer {
    position: absolute;
    inset: 0;
    z-index: 2;
    cursor: crosshair;
    touch-action: none;
    user-select: none;
  }
  .box {
    position: absolute;
    box-sizing: border-box;
    border: 2px dashed var(--egov-pdf-viewer-box-color, var(--egov-color-primary));
    background: color-mix(in srgb, var(--egov-pdf-viewer-box-color, var(--egov-color-primary)) 12%, transparent);
    cursor: move;
  }
  .box:focus-visible {
    outline: 3px solid var(--egov-color-focus, var(--egov-color-primary));
    outline-offset: 2px;
  }
  .hint {
    margin: 0;
    font-size: var(--egov-font-size-sm);
    color: var(--egov-color-text-muted);
  }
  .error {
    color: var(--egov-color-danger);
  }
`;
