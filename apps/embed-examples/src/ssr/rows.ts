import type { EdocStatsRow } from '@egov-vn/report-elements/edoc-stats';

/** The report of the server-rendered page (rendered on the server, and set again on the client before hydration). */
export const statsRows: EdocStatsRow[] = ['2026-01', '2026-02', '2026-03'].flatMap((month, i) => [
  {
    agency: '000.00.01.H22',
    agencyName: 'Văn phòng UBND tỉnh',
    month,
    outgoing: { total: 100, electronicOnly: 88 + i * 3, signed: 95 },
    incoming: { received: 150, acknowledgedSameDay: 140 },
  },
  {
    agency: '000.00.12.H22',
    agencyName: 'Sở Nội vụ',
    month,
    outgoing: { total: 40, electronicOnly: 30 + i, signed: 36 },
    incoming: { received: 60, acknowledgedSameDay: 50 },
  },
]);
