// Yearly government announcements that fix the concrete days of Tết and National Day and the swapped working days
// (hoán đổi ngày làm việc, làm bù) for civil servants. Data, not rules: add a year when its notice is published.

/** A document that announced holiday arrangements. */
export interface HolidaySource {
  /** Number and symbol, e.g. "9441/TB-BNV". */
  readonly id: string;
  /** Issue date, yyyy-mm-dd. */
  readonly issued: string;
  readonly issuer: string;
  /** What it decided, in Vietnamese. */
  readonly summary: string;
}

/** Days off swapped with a make-up working day (usually a Saturday). */
export interface WorkdaySwap {
  /** The working day given off, yyyy-mm-dd. */
  readonly dayOff: string;
  /** The rest day worked instead, yyyy-mm-dd. */
  readonly workday: string;
  /** Id of the {@link HolidaySource} that decided it. */
  readonly source: string;
}

/** The arrangements announced for one year. Every field is optional: unset parts fall back to the rules. */
export interface YearAnnouncement {
  readonly year: number;
  /** The five official Tết Nguyên đán days (Điều 112 khoản 1 điểm b), yyyy-mm-dd. */
  readonly tetDays?: readonly string[];
  /** Source id for `tetDays`. */
  readonly tetSource?: string;
  /** The day adjacent to 2/9 chosen as the second National Day holiday: yyyy-09-01 or yyyy-09-03. */
  readonly nationalDayAdjacent?: string;
  /** Source id for `nationalDayAdjacent`. */
  readonly nationalDaySource?: string;
  readonly swaps?: readonly WorkdaySwap[];
  /** One-off extra days off decided for that year. */
  readonly extraDaysOff?: readonly { readonly date: string; readonly name: string; readonly source: string }[];
  readonly sources: readonly HolidaySource[];
}

/** Built-in announcements (2024–2026). Sources are listed in the README. */
export const ANNOUNCEMENTS: readonly YearAnnouncement[] = [
  {
    year: 2024,
    tetDays: ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'],
    tetSource: '5015/TB-LĐTBXH',
    nationalDayAdjacent: '2024-09-03',
    nationalDaySource: '5015/TB-LĐTBXH',
    swaps: [{ dayOff: '2024-04-29', workday: '2024-05-04', source: '2450/VPCP-KGVX' }],
    sources: [
      {
        id: '5015/TB-LĐTBXH',
        issued: '2023-11-22',
        issuer: 'Bộ Lao động – Thương binh và Xã hội',
        summary:
          'Nghỉ Tết Âm lịch từ thứ Năm 08/02/2024 (29 tháng Chạp Quý Mão) đến hết thứ Tư 14/02/2024 (mùng 5 tháng Giêng Giáp Thìn): 5 ngày Tết và 2 ngày nghỉ bù; nghỉ Quốc khánh từ thứ Bảy 31/8 đến hết thứ Ba 03/9/2024.',
      },
      {
        id: '2450/VPCP-KGVX',
        issued: '2024-04-12',
        issuer: 'Văn phòng Chính phủ',
        summary: 'Hoán đổi ngày làm việc dịp 30/4 và 1/5/2024: nghỉ thứ Hai 29/4, làm bù thứ Bảy 04/5/2024; nghỉ liên tục từ 27/4 đến hết 01/5.',
      },
    ],
  },
  {
    year: 2025,
    tetDays: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    tetSource: '8726/VPCP-KGVX',
    nationalDayAdjacent: '2025-09-01',
    nationalDaySource: '8726/VPCP-KGVX',
    swaps: [{ dayOff: '2025-05-02', workday: '2025-04-26', source: '8726/VPCP-KGVX' }],
    sources: [
      {
        id: '8726/VPCP-KGVX',
        issued: '2024-11-26',
        issuer: 'Văn phòng Chính phủ',
        summary:
          'Nghỉ Tết Ất Tỵ 9 ngày từ thứ Bảy 25/01 đến hết Chủ nhật 02/02/2025; dịp 30/4–1/5 nghỉ từ 30/4 đến hết 04/5, nghỉ thứ Sáu 02/5 và làm bù thứ Bảy 26/4/2025; Quốc khánh nghỉ từ 30/8 đến hết 02/9/2025 (ngày liền kề 01/9).',
      },
    ],
  },
  {
    year: 2026,
    tetDays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    tetSource: '9441/TB-BNV',
    nationalDayAdjacent: '2026-09-01',
    nationalDaySource: '9441/TB-BNV',
    swaps: [
      { dayOff: '2026-01-02', workday: '2026-01-10', source: '12729/VPCP-KGVX' },
      { dayOff: '2026-08-31', workday: '2026-08-22', source: '9441/TB-BNV' },
    ],
    sources: [
      {
        id: '9441/TB-BNV',
        issued: '2025-10-16',
        issuer: 'Bộ Nội vụ',
        summary:
          'Tết Bính Ngọ: 5 ngày Tết từ thứ Hai 16/02 (29 tháng Chạp Ất Tỵ) đến hết thứ Sáu 20/02/2026, nghỉ liên tục 9 ngày từ 14/02 đến hết 22/02; Quốc khánh nghỉ 01/9 và 02/9, hoán đổi thứ Hai 31/8 với thứ Bảy 22/8 (nghỉ từ 29/8 đến hết 02/9/2026).',
      },
      {
        id: '12729/VPCP-KGVX',
        issued: '2025-12-25',
        issuer: 'Văn phòng Chính phủ',
        summary: 'Tết Dương lịch 2026: nghỉ từ thứ Năm 01/01 đến hết Chủ nhật 04/01, nghỉ thứ Sáu 02/01 và làm bù thứ Bảy 10/01/2026.',
      },
    ],
  },
];
