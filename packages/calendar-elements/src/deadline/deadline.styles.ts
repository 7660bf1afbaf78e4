import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }
  .base {
    display: inline-flex;
    align-items: center;
    gap: var(--egov-space-xs);
    padding: 0.1em 0.6em;
    border-radius: var(--egov-radius-lg);
    border: 1px solid currentColor;
    font-size: var(--egov-font-size-sm);
    font-weight: var(--egov-font-weight-bold);
    color: var(--egov-deadline-color, var(--egov-color-text));
    background: var(--egov-deadline-background, var(--egov-color-surface));
  }
  .overdue {
    color: var(--egov-deadline-overdue-color, var(--egov-color-danger));
  }
  .due-today,
  .due-soon {
    color: var(--egov-deadline-soon-color, var(--egov-color-warning));
  }
  .on-track {
    color: var(--egov-deadline-ok-color, var(--egov-color-success));
  }
  .icon {
    font-size: 0.9em;
  }
`;
