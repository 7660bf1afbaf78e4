import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--egov-space);
  }
  .summary {
    margin: 0;
    font-weight: var(--egov-font-weight-bold);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--egov-space);
  }
  .signature {
    border: 1px solid var(--egov-color-border);
    border-inline-start: 0.375rem solid var(--egov-signature-panel-accent, var(--egov-color-border));
    border-radius: var(--egov-radius);
    background: var(--egov-color-surface-raised);
    padding: var(--egov-space-sm) var(--egov-space);
  }
  .signature[data-verdict='valid'] {
    --egov-signature-panel-accent: var(--egov-signature-panel-valid, var(--egov-color-success));
  }
  .signature[data-verdict='valid-untrusted'],
  .signature[data-verdict='indeterminate'] {
    --egov-signature-panel-accent: var(--egov-signature-panel-warning, var(--egov-color-warning));
  }
  .signature[data-verdict='modified'],
  .signature[data-verdict='invalid'] {
    --egov-signature-panel-accent: var(--egov-signature-panel-invalid, var(--egov-color-danger));
  }
  .chain {
    margin: var(--egov-space-xs) 0 0;
    padding-inline-start: var(--egov-space);
  }
  .chain > li {
    margin-block-end: var(--egov-space-xs);
  }
  .anchor {
    font-weight: var(--egov-font-weight-bold);
  }
  h3 {
    margin: 0 0 var(--egov-space-xs);
    font-size: var(--egov-font-size-lg);
  }
  .verdict {
    font-weight: var(--egov-font-weight-bold);
  }
  .verdict::before {
    content: attr(data-icon) ' ';
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--egov-space-xs) var(--egov-space);
    margin: var(--egov-space-xs) 0;
  }
  dt {
    color: var(--egov-color-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  ul.messages {
    margin: var(--egov-space-xs) 0;
    padding-inline-start: 1.25rem;
  }
  details summary {
    cursor: pointer;
    color: var(--egov-color-primary);
  }
  .mono {
    font-family: var(--egov-font-family-mono);
    font-size: var(--egov-font-size-sm);
  }
  .error {
    color: var(--egov-color-danger);
  }
`;
