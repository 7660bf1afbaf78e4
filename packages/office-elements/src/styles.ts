// The look every office feature shares (forms, tables, the error state, detail lists); each feature adds its own.
import { css } from 'lit';

export const officeStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--egov-color-text);
    font-family: var(--egov-font-family, inherit);
  }
  .base {
    display: grid;
    gap: var(--egov-space);
  }
  h2 {
    font-size: 1.25rem;
    margin: 0;
  }
  form.filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--egov-space-sm);
    align-items: end;
  }
  label {
    display: grid;
    gap: 2px;
    font-size: 0.875rem;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--egov-color-surface);
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
    padding: 4px 6px;
    min-height: 32px;
    box-sizing: border-box;
  }
  button {
    min-height: 32px;
  }
  .scroller {
    overflow-x: auto;
  }
  .scroller:focus-visible {
    outline: 2px solid var(--egov-color-focus, var(--egov-color-primary));
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 6px 8px;
    border-bottom: 1px solid var(--egov-color-border);
    vertical-align: top;
  }
  button.link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--egov-color-primary);
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
    text-align: left;
    min-height: 24px;
  }
  .pager {
    display: flex;
    gap: var(--egov-space-sm);
    align-items: center;
    flex-wrap: wrap;
  }
  [part='error'] {
    border: 1px solid var(--egov-color-danger);
    border-radius: var(--egov-radius);
    padding: var(--egov-space);
    display: grid;
    gap: var(--egov-space-sm);
    justify-items: start;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0;
  }
  dt {
    color: var(--egov-color-text-muted);
  }
  dd {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--egov-space-sm);
  }
  form.action {
    display: grid;
    gap: var(--egov-space-sm);
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
    padding: var(--egov-space);
  }
  fieldset {
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
  }
  @container (max-width: 600px) {
    .wide {
      display: none;
    }
    th,
    td {
      padding: 4px;
    }
  }
`;
