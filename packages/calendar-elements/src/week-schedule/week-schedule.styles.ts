import { css } from 'lit';

export default css`
  :host {
    display: block;
    page: egov-week-schedule;
  }
  .base {
    container: egov-week-schedule / inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--egov-space-sm);
    margin-block-end: var(--egov-space-sm);
  }
  .toolbar label {
    display: flex;
    flex-direction: column;
    font-size: var(--egov-font-size-sm);
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: var(--egov-color-text);
    background: var(--egov-color-surface);
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius);
    padding: var(--egov-space-xs) var(--egov-space-sm);
  }
  button {
    cursor: pointer;
  }
  button.primary {
    background: var(--egov-color-primary);
    color: var(--egov-color-on-primary);
    border-color: var(--egov-color-primary);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--egov-week-schedule-font-size, var(--egov-font-size));
  }
  caption {
    font-weight: var(--egov-font-weight-bold);
    font-size: var(--egov-font-size-lg);
    padding-block-end: var(--egov-space-sm);
    text-transform: uppercase;
  }
  caption .revision {
    display: block;
    font-size: var(--egov-font-size);
    font-style: italic;
    text-transform: none;
  }
  th,
  td {
    border: 1px solid var(--egov-week-schedule-border-color, var(--egov-color-border));
    padding: var(--egov-space-xs);
    vertical-align: top;
    text-align: start;
  }
  thead th {
    background: var(--egov-week-schedule-header-background, var(--egov-color-surface-raised));
    text-align: center;
  }
  th.day {
    width: 9em;
  }
  .day .solar {
    display: block;
  }
  .day .lunar,
  .day .holiday {
    display: block;
    font-weight: normal;
    font-size: var(--egov-font-size-sm);
  }
  .day .holiday {
    color: var(--egov-color-danger);
  }
  tr.cancelled td.content {
    text-decoration: line-through;
  }
  .status {
    font-weight: var(--egov-font-weight-bold);
    font-style: italic;
    color: var(--egov-color-danger);
    text-decoration: none;
    display: inline-block;
  }
  .empty {
    color: var(--egov-color-text-muted);
  }
  .errors {
    color: var(--egov-color-danger);
  }
  dialog {
    border: 1px solid var(--egov-color-border);
    border-radius: var(--egov-radius-lg);
    background: var(--egov-color-surface-raised);
    color: var(--egov-color-text);
    max-width: 40rem;
    width: 90vw;
  }
  form {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--egov-space-sm);
  }
  form label {
    display: flex;
    flex-direction: column;
    font-size: var(--egov-font-size-sm);
    min-width: 0;
  }
  form .wide {
    grid-column: 1 / -1;
  }
  [aria-invalid='true'] {
    border-color: var(--egov-color-danger);
  }
  .field-error {
    color: var(--egov-color-danger);
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    justify-content: end;
    gap: var(--egov-space-sm);
  }
  /* Narrow (a phone, a side column): the week becomes a list of days, each a card with its sessions and entries; the
     column headings become labels before each value. Below 30rem (480 px) of the element's own width; on screen only,
     print keeps the A4 table. */
  @media screen {
    @container egov-week-schedule (width < 30rem) {
      table,
      caption,
      tbody,
      tr,
      th,
      td {
        display: block;
      }
      thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      caption {
        text-align: start;
      }
      tbody {
        border: 1px solid var(--egov-week-schedule-border-color, var(--egov-color-border));
        border-radius: var(--egov-radius);
        margin-block-end: var(--egov-space-sm);
      }
      th,
      td {
        border: none;
        padding: 0 var(--egov-space-sm);
      }
      th.day {
        width: auto;
        padding-block: var(--egov-space-xs);
        background: var(--egov-week-schedule-header-background, var(--egov-color-surface-raised));
        border-block-end: 1px solid var(--egov-week-schedule-border-color, var(--egov-color-border));
      }
      th[scope='rowgroup']:not(.day) {
        padding-block-start: var(--egov-space-xs);
        color: var(--egov-color-text-muted);
        font-size: var(--egov-font-size-sm);
        text-transform: uppercase;
      }
      tr[part='entry'] {
        padding-block: var(--egov-space-xs);
      }
      tr[part='entry'] + tr[part='entry'] {
        border-block-start: 1px dashed var(--egov-week-schedule-border-color, var(--egov-color-border));
      }
      td:empty {
        display: none;
      }
      td.time {
        font-weight: var(--egov-font-weight-bold);
      }
      td[data-label]::before {
        content: attr(data-label) ': ';
        color: var(--egov-color-text-muted);
      }
      td.empty {
        padding-block: var(--egov-space-xs);
      }
      td.edit {
        padding-block: var(--egov-space-xs);
      }
      form {
        grid-template-columns: 1fr;
      }
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    .toolbar,
    .edit,
    dialog,
    [role='status'] {
      display: none !important;
    }
    table {
      font-size: 10pt;
    }
    thead {
      display: table-header-group;
    }
    tr {
      break-inside: avoid;
    }
    th,
    td {
      border-color: #000;
    }
    .status {
      color: #000;
    }
  }
`;

/** Installed once in the document: shadow roots cannot declare @page, the host asks for this named page. */
export const printPageCss = '@page egov-week-schedule { size: A4 landscape; margin: 10mm; }';
