// `@egov-vn/report-elements/data`: the report's data, targets, CSV and the rows built from the hub's statistics,
// without Lit or a DOM (usable in Node, workers and any framework).
export {
  checkRows,
  directiveTargets,
  edocMeasures,
  EdocStatsError,
  type EdocStatsErrorCode,
  isMonth,
  measureCounts,
  measureShare,
  meetsTarget,
  monthRange,
  monthsBetween,
  rowFromStats,
  statsRowsFrom,
  targetFor,
} from './stats.js';
export type {
  AgencyRef,
  BilingualText,
  EdocMeasure,
  EdocStatsRow,
  EdocTargets,
  RowProblem,
  ShareCounts,
  StatsRowsOptions,
  StatsSource,
  TargetSchedule,
  TargetStep,
} from './stats.js';
export { BOM, csvField, edocStatsCsv, edocStatsRecords, neutralizeFormula, percent, toCsv } from './csv.js';
export type { CsvOptions } from './csv.js';
