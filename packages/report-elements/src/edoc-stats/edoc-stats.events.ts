import type { EdocStatsRow } from '../stats.js';

/** How <egov-edoc-stats> shows the report. */
export type EdocStatsView = 'chart' | 'table';

/**
 * Fired by <egov-edoc-stats> when the reader asks for the CSV, before it is downloaded. Cancelable: call
 * `preventDefault()` to handle `detail.csv` yourself (send it to a server, save it elsewhere) instead of the download.
 */
export type EgovEdocStatsExportEvent = CustomEvent<{
  /** The CSV text, starting with the UTF-8 byte order mark. */
  csv: string;
  /** The file name offered for the download. */
  filename: string;
  /** The rows exported (those that could be drawn). */
  rows: readonly EdocStatsRow[];
}>;

/** Fired by <egov-edoc-stats> when the reader switches between the chart and the table. */
export type EgovEdocStatsViewEvent = CustomEvent<{ view: EdocStatsView }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-edoc-stats-export': EgovEdocStatsExportEvent;
    'egov-edoc-stats-view': EgovEdocStatsViewEvent;
  }
}
