// Sample report data for tests and stories (not exported by the package): three agencies of a province, four months.
import type { EdocStatsRow } from '../stats.js';

const agencies = [
  { agency: '000.00.01.H56', agencyName: 'Văn phòng UBND tỉnh' },
  { agency: '000.00.12.H56', agencyName: 'Sở Nội vụ' },
  { agency: '000.00.15.H56', agencyName: 'Sở Tài chính' },
];

// [total, electronicOnly, signed, received, acknowledgedSameDay] per agency, per month 2026-01…04.
const counts: number[][][] = [
  [
    [120, 110, 118, 200, 170],
    [100, 92, 100, 180, 171],
    [130, 125, 129, 210, 200],
    [90, 88, 90, 150, 149],
  ],
  [
    [40, 30, 36, 60, 40],
    [38, 33, 35, 55, 44],
    [45, 41, 44, 70, 60],
    [50, 46, 50, 64, 60],
  ],
  [
    [25, 15, 20, 30, 18],
    [0, 0, 0, 28, 20],
    [30, 27, 29, 35, 30],
    [33, 30, 33, 40, 39],
  ],
];

/** 3 agencies × 4 months (2026-01 … 2026-04); Sở Tài chính sent nothing in February. */
export function sampleRows(): EdocStatsRow[] {
  return agencies.flatMap((a, i) =>
    counts[i]!.map(([total, electronicOnly, signed, received, acknowledgedSameDay], m) => ({
      ...a,
      month: `2026-0${m + 1}`,
      outgoing: { total: total!, electronicOnly: electronicOnly!, signed: signed! },
      incoming: { received: received!, acknowledgedSameDay: acknowledgedSameDay! },
    })),
  );
}
