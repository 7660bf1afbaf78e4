import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
    position: relative;
  }
  .field {
    display: inline-flex;
    align-items: center;
    gap: var(--egov-space-xs);
  }
  label {
    display: block;
    margin-block-end: var(--egov-space-xs);
    font-weight: var(--egov-font-weight-bold);
  }
  input {
    font: inherit;
    width: 9em;
    padding: var(--egov-space-xs) var(--egov-space-sm);
    border: 1px solid var(--egov-date-picker-border-color, var(--egov-color-border));
    border-radius: var(--egov-radius);
    background: var(--egov-color-surface);
    color: var(--egov-color-text);
  }
  :host(:state(user-invalid)) input {
    border-color: var(--egov-color-danger);
  }
  button:disabled,
  input:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .lunar {
    color: var(--egov-color-text-muted);
    font-size: var(--egov-font-size-sm);
  }
  .error {
    display: block;
    color: var(--egov-color-danger);
    font-size: var(--egov-font-size-sm);
  }
  .popup {
    position: absolute;
    z-index: 10;
    inset-block-start: 100%;
    inset-inline-start: 0;
    width: max-content;
    min-width: 20rem;
    padding: var(--egov-space-sm);
    background: var(--egov-color-surface-raised);
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius-lg);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }
`;
