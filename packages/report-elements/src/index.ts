// Element classes (no registration: import a define file such as '@egov-vn/report-elements/edoc-stats' for that)
// and the framework-free report data helpers (also at '@egov-vn/report-elements/data').
export { EgovEdocStats } from './edoc-stats/edoc-stats.component.js';
export type { EdocStatsView, EgovEdocStatsExportEvent, EgovEdocStatsViewEvent } from './edoc-stats/edoc-stats.events.js';
export * from './data.js';
