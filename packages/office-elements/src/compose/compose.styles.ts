// <egov-compose>'s and <egov-electronic-copy>'s own look on top of the shared office styles (../styles.ts): the
// two-column form, field errors, the chosen-recipient lists, the workflow steps and the preview.
import { css } from 'lit';
import { officeStyles } from '../styles.js';

export default [
  officeStyles,
  css`
    .base {
      min-width: 0;
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
    .span-all {
      grid-column: 1 / -1;
    }
    .note {
      border-left: 3px solid var(--egov-color-primary);
      padding-left: var(--egov-space-sm);
    }
    form.replace {
      display: grid;
      gap: var(--egov-space-sm);
      max-width: 48rem;
    }
    legend {
      font-size: 0.875rem;
    }
    fieldset {
      margin: 0;
      min-width: 0;
    }
    input,
    select,
    textarea {
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
    .actions {
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
      padding: var(--egov-space-sm);
      gap: 4px;
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
    dl {
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 4px var(--egov-space-sm);
    }
    dd {
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
  `,
];
