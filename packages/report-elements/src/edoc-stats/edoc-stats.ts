// Registers <egov-edoc-stats>: `import '@egov-vn/report-elements/edoc-stats';`
import { EgovEdocStats } from './edoc-stats.component.js';

export { EgovEdocStats } from './edoc-stats.component.js';
export type { EdocStatsView, EgovEdocStatsExportEvent, EgovEdocStatsViewEvent } from './edoc-stats.events.js';
export type { EdocMeasure, EdocStatsRow, EdocTargets, TargetStep } from '../stats.js';

EgovEdocStats.define('egov-edoc-stats');

declare global {
  interface HTMLElementTagNameMap {
    'egov-edoc-stats': EgovEdocStats;
  }
}
