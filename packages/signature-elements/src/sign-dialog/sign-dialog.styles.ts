import { css } from 'lit';

export default css`
  :host {
    display: contents;
  }
  dialog {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius-lg);
    background: var(--egov-color-surface);
    color: var(--egov-color-text);
    padding: var(--egov-space-lg);
  }
  /* A phone (360 px): the dialog takes the width, nothing scrolls sideways. */
  @media (max-width: 30rem) {
    dialog {
      width: calc(100vw - 1rem);
      max-height: calc(100vh - 1rem);
      padding: var(--egov-space);
      box-sizing: border-box;
    }
  }
  dialog::backdrop {
    background: var(--egov-color-backdrop);
  }
  h2 {
    margin: 0 0 var(--egov-space);
    font-size: var(--egov-font-size-lg);
  }
  form {
    display: grid;
    gap: var(--egov-space);
  }
  form > *,
  fieldset > *,
  .field > * {
    min-width: 0;
  }
  fieldset {
    min-width: 0;
  }
  label > span,
  .mono,
  .hint,
  .problem p,
  .result p {
    overflow-wrap: anywhere;
  }
  input,
  select,
  egov-pdf-viewer {
    max-width: 100%;
    box-sizing: border-box;
  }
  [part='documents'] {
    margin: 0;
    padding-inline-start: var(--egov-space);
  }
  fieldset {
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
    margin: 0;
    padding: var(--egov-space-sm) var(--egov-space);
    display: grid;
    gap: var(--egov-space-xs);
  }
  legend {
    font-weight: var(--egov-font-weight-bold);
    padding: 0 var(--egov-space-xs);
  }
  label {
    display: flex;
    gap: var(--egov-space-xs);
    align-items: baseline;
  }
  .field {
    display: grid;
    gap: var(--egov-space-xs);
  }
  .box {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
    gap: var(--egov-space-xs);
  }
  .box input {
    width: 100%;
    box-sizing: border-box;
  }
  .hint {
    color: var(--egov-color-text-muted);
    font-size: var(--egov-font-size-sm);
    margin: 0;
  }
  input[type='password'],
  input[type='number'] {
    font: inherit;
    color: inherit;
    background: var(--egov-color-surface);
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
    padding: var(--egov-space-xs) var(--egov-space-sm);
  }
  input[type='file'] {
    font: inherit;
    color: inherit;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--egov-space-sm);
    justify-content: flex-end;
  }
  button {
    font: inherit;
    padding: var(--egov-space-xs) var(--egov-space);
    border-radius: var(--egov-radius);
    border: 1px solid var(--egov-color-border);
    background: var(--egov-color-surface-raised);
    color: var(--egov-color-text);
    cursor: pointer;
  }
  button.primary {
    border-color: transparent;
    background: var(--egov-color-primary);
    color: var(--egov-color-on-primary);
  }
  button.primary:hover {
    background: var(--egov-color-primary-hover);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .status {
    margin: 0;
  }
  .problem {
    border-inline-start: 0.375rem solid var(--egov-color-danger);
    padding: var(--egov-space-xs) var(--egov-space-sm);
  }
  .problem p {
    margin: 0;
  }
  .problem .title {
    font-weight: var(--egov-font-weight-bold);
    color: var(--egov-color-danger);
  }
  .result {
    border-inline-start: 0.375rem solid var(--egov-color-success);
    padding: var(--egov-space-xs) var(--egov-space-sm);
  }
  .mono {
    font-family: var(--egov-font-family-mono);
    font-size: var(--egov-font-size-sm);
  }
`;
