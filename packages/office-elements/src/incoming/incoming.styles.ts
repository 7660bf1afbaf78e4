// <egov-incoming>'s own look on top of the shared office styles (../styles.ts): unread rows, urgency, the viewer.
import { css } from 'lit';
import { officeStyles } from '../styles.js';

export default [
  officeStyles,
  css`
    tr.unread .subject {
      font-weight: 700;
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--egov-color-primary);
    }
    .urgent {
      color: var(--egov-color-danger);
      font-weight: 600;
    }
    .viewer {
      display: grid;
      gap: var(--egov-space);
    }
  `,
];
