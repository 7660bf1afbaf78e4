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
  canvas {
    background: #fff;
    box-shadow: 0 1px 3px rgb(0 0 0 / 30%);
  }
  .error {
    color: var(--egov-color-danger);
  }
`;
