import { css } from 'lit';

export default css`
  :host {
    display: block;
    --_series-0: var(--egov-edoc-stats-series-1, var(--egov-color-primary));
    --_series-1: var(--egov-edoc-stats-series-2, light-dark(#a04f00, #f0a35e));
    --_series-2: var(--egov-edoc-stats-series-3, light-dark(#1b6e3a, #7fd49b));
    --_series-3: var(--egov-edoc-stats-series-4, light-dark(#6f3aa0, #c9a3ef));
    --_series-4: var(--egov-edoc-stats-series-5, light-dark(#a3195b, #f39ac2));
    --_series-5: var(--egov-edoc-stats-series-6, light-dark(#3d5566, #a9bfcf));
  }
  .base {
    display: grid;
    gap: var(--egov-space-sm);
    background: var(--egov-color-surface);
    color: var(--egov-color-text);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--egov-space-sm);
  }
  .title {
    font-size: var(--egov-font-size-lg);
    font-weight: var(--egov-font-weight-bold);
  }
  .toolbar,
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: var(--egov-space-xs);
  }
  button[aria-pressed='true'] {
    background: var(--egov-color-primary);
    color: var(--egov-color-on-primary);
    border-color: var(--egov-color-primary);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .summary,
  .empty,
  .chart-summary {
    margin: 0;
    color: var(--egov-color-text-muted);
  }
  .problems {
    border: 1px solid var(--egov-color-danger);
    border-radius: var(--egov-radius);
    padding: var(--egov-space-sm);
    color: var(--egov-color-danger);
  }
  .problems p,
  .problems ul {
    margin: 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--egov-space-sm) var(--egov-space);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--egov-font-size-sm);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: var(--egov-space-xs);
  }
  .swatch {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border-radius: 2px;
    background: var(--_color);
  }
  .swatch.target {
    height: 0;
    border-top: 2px dashed var(--egov-edoc-stats-target-color, var(--egov-color-text));
    border-radius: 0;
  }
  .series-0 { --_color: var(--_series-0); }
  .series-1 { --_color: var(--_series-1); }
  .series-2 { --_color: var(--_series-2); }
  .series-3 { --_color: var(--_series-3); }
  .series-4 { --_color: var(--_series-4); }
  .series-5 { --_color: var(--_series-5); }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: var(--egov-space);
  }
  /* Caption, plot and summary share the rows of their grid row (subgrid), so a caption that wraps onto more lines
     than its neighbours' does not push its plot below theirs. */
  figure {
    margin: 0;
    min-width: 0;
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
    row-gap: var(--egov-space-xs);
    align-content: start;
  }
  .plot {
    position: relative;
    min-width: 0;
  }
  figcaption {
    font-weight: var(--egov-font-weight-bold);
  }
  /* Drawn in CSS pixels at the measured width (no viewBox, no scaling): labels keep their size at any width. */
  svg {
    display: block;
    overflow: visible;
  }
  .bar {
    fill: var(--_color);
  }
  .bar:focus,
  .no-data:focus {
    outline: none;
  }
  .bar:focus-visible,
  .no-data:focus-visible {
    outline: var(--egov-focus-ring);
    outline-offset: var(--egov-focus-ring-offset);
  }
  .no-data rect {
    fill: none;
    stroke: var(--egov-color-text-muted);
    stroke-width: 1;
    stroke-dasharray: 3 2;
  }
  .swatch.no-data {
    background: none;
    border: 1px dashed var(--egov-color-text-muted);
    box-sizing: border-box;
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    transform: translateY(calc(-100% - 6px));
    inline-size: max-content;
    max-inline-size: min(16rem, 90vw);
    padding: var(--egov-space-xs) var(--egov-space-sm);
    border-radius: var(--egov-radius);
    background: var(--egov-color-text);
    color: var(--egov-color-surface);
    font-size: var(--egov-font-size-sm);
    pointer-events: none;
  }
  .grid {
    stroke: var(--egov-edoc-stats-grid-color, var(--egov-color-border));
    stroke-width: 0.5;
  }
  .target {
    stroke: var(--egov-edoc-stats-target-color, var(--egov-color-text));
    stroke-width: 2;
    stroke-dasharray: 5 3;
  }
  .tick,
  .label,
  .none {
    fill: var(--egov-color-text-muted);
    font-size: 12px;
  }
  .label {
    fill: var(--egov-color-text);
  }
  .missed-mark {
    fill: var(--egov-edoc-stats-missed-color, var(--egov-color-danger));
    font-size: 12px;
    font-weight: bold;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--egov-font-size-sm);
  }
  caption {
    text-align: start;
    font-weight: var(--egov-font-weight-bold);
    padding-block-end: var(--egov-space-xs);
  }
  th,
  td {
    border: 1px solid var(--egov-color-border);
    padding: var(--egov-space-xs) var(--egov-space-sm);
    text-align: start;
  }
  thead th {
    background: var(--egov-color-surface-raised);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .missed {
    color: var(--egov-edoc-stats-missed-color, var(--egov-color-danger));
  }
  .none {
    color: var(--egov-color-text-muted);
  }
  @media print {
    .toolbar,
    .tooltip {
      display: none;
    }
    .charts {
      grid-template-columns: 1fr;
    }
    figure {
      break-inside: avoid;
    }
    /* The page may be narrower than the screen the charts were measured on: shrink, never cut. */
    svg {
      max-width: 100%;
      height: auto;
    }
    .bar,
    .swatch {
      print-color-adjust: exact;
    }
  }
`;
