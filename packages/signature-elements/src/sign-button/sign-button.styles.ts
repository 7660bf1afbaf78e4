import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }
  button {
    font: inherit;
    padding: var(--egov-space-xs) var(--egov-space);
    border: 0;
    border-radius: var(--egov-radius);
    background: var(--egov-color-primary);
    color: var(--egov-color-on-primary);
    cursor: pointer;
    transition: background var(--egov-transition);
  }
  button:hover {
    background: var(--egov-color-primary-hover);
  }
`;
