import { css } from 'lit';

export default css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--egov-color-text);
    font-family: var(--egov-font-family, inherit);
  }
  .base {
    display: grid;
    gap: var(--egov-space);
    min-width: 0;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0;
  }
  h3 {
    font-size: 1.1rem;
    margin: 0;
  }
  form.compose {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--egov-space-sm);
  }
  .field {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .wide {
    grid-column: 1 / -1;
  }
  label,
  legend {
    font-size: 0.875rem;
  }
  fieldset {
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
    margin: 0;
    min-width: 0;
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
    max-width: 100%;
  }
  input[type='file'] {
    width: 100%;
    min-width: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--egov-color-danger);
  }
  .field-error {
    color: var(--egov-color-danger);
    margin: 0;
    font-size: 0.875rem;
  }
  button {
    min-height: 32px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--egov-space-sm);
    align-items: center;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 4px;
  }
  ul.plain li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--egov-space-sm);
    align-items: center;
    justify-content: space-between;
  }
  .mono {
    font-family: ui-monospace, monospace;
  }
  [part='error'] {
    border: 1px solid var(--egov-color-danger);
    border-radius: var(--egov-radius);
    padding: var(--egov-space-sm);
    display: grid;
    gap: 4px;
    justify-items: start;
  }
  [part='steps'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    padding: 0;
    margin: 0;
    list-style: none;
    font-size: 0.875rem;
  }
  [part='steps'] li {
    border: 1px solid var(--egov-color-border);
    border-radius: 999px;
    padding: 2px 8px;
  }
  [part='steps'] li[aria-current='step'] {
    border-color: var(--egov-color-primary);
    font-weight: 700;
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
    text-align: left;
    font: inherit;
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 4px var(--egov-space-sm);
    margin: 0;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .preview egov-pdf-viewer {
    display: block;
    max-height: 70vh;
  }
  @container (max-width: 560px) {
    form.compose {
      grid-template-columns: minmax(0, 1fr);
    }
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    .narrow-hide {
      display: none;
    }
  }
`;
