import { css } from 'lit';

export default css`
  :host {
    display: block;
    --egov-month-calendar-cell-height: 6rem;
  }
  :host([compact]) {
    --egov-month-calendar-cell-height: auto;
  }
  .base {
    container: egov-month-calendar / inline-size;
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--egov-space-sm);
    margin-block-end: var(--egov-space-sm);
  }
  .title {
    font-size: var(--egov-font-size-lg);
    font-weight: var(--egov-font-weight-bold);
    margin: 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-weight: var(--egov-font-weight-bold);
    font-size: var(--egov-font-size-sm);
    padding: var(--egov-space-xs);
  }
  td {
    vertical-align: top;
    height: var(--egov-month-calendar-cell-height);
    border: 1px solid var(--egov-color-border);
    padding: var(--egov-space-xs);
    cursor: pointer;
    overflow: hidden;
  }
  td:focus-visible {
    outline: var(--egov-focus-ring);
    outline-offset: -2px;
  }
  td.outside {
    color: var(--egov-color-text-muted);
  }
  td.off {
    background: var(--egov-month-calendar-off-background, color-mix(in srgb, var(--egov-color-danger) 8%, var(--egov-color-surface)));
  }
  td[aria-selected='true'] {
    box-shadow: inset 0 0 0 2px var(--egov-color-primary);
  }
  td[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--egov-color-text-muted);
    text-decoration: line-through;
  }
  td.today .solar {
    background: var(--egov-color-primary);
    color: var(--egov-color-on-primary);
    border-radius: var(--egov-radius);
    padding-inline: 0.2em;
  }
  .nums {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
  }
  .solar {
    font-weight: var(--egov-font-weight-bold);
  }
  .lunar {
    font-size: var(--egov-font-size-sm);
    color: var(--egov-color-text-muted);
  }
  .lunar.first {
    color: var(--egov-color-danger);
  }
  .note {
    display: block;
    font-size: var(--egov-font-size-sm);
    color: var(--egov-color-danger);
  }
  .note.makeup {
    color: var(--egov-color-text);
    font-style: italic;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    font-size: var(--egov-font-size-sm);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    border-inline-start: 3px solid var(--egov-color-primary);
    padding-inline-start: 0.25em;
    margin-block-start: 2px;
  }
  .more {
    font-size: var(--egov-font-size-sm);
    font-weight: var(--egov-font-weight-bold);
  }
  /* Forced colours drop box shadows and backgrounds: the chosen day and today get a system-colour outline. */
  @media (forced-colors: active) {
    td[aria-selected='true'] {
      outline: 2px solid Highlight;
      outline-offset: -3px;
    }
    td.today .solar {
      outline: 1px solid CanvasText;
    }
  }
  /* Narrow (a phone: seven columns of about 45 px): the solar and lunar numbers stack, holiday names and events
     wrap instead of being cut, the cell grows with its content; every day stays a 44 px target. */
  @container egov-month-calendar (width < 30rem) {
    th,
    td {
      padding: 2px;
    }
    td {
      height: 2.75rem;
      overflow: visible;
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    .nums {
      flex-direction: column;
      align-items: start;
    }
    li {
      white-space: normal;
      overflow: visible;
      border-inline-start-width: 2px;
      padding-inline-start: 2px;
    }
    .note,
    li,
    .more {
      font-size: 0.75rem;
      line-height: 1.2;
    }
  }
`;
