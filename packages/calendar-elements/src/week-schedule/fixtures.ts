// A sample week (ISO week 18 of 2026: Giỗ Tổ substitute day, 30/4 and 1/5) for tests and stories.
import type { WeekSchedule } from '@egov-vn/calendar/schedule';

export function sampleWeek(): WeekSchedule {
  const base = { participants: [] as string[], status: 'planned' as const, revisions: [] };
  return {
    isoYear: 2026,
    isoWeek: 18,
    agency: 'UBND tỉnh Lâm Đồng',
    revisionLabel: 'Điều chỉnh lần 1',
    entries: [
      {
        ...base,
        id: 'a1',
        date: '2026-04-28',
        session: 'sang',
        time: '08:00',
        content: 'Giao ban lãnh đạo UBND tỉnh',
        chair: 'Chủ tịch Trần Văn A',
        participants: ['Các Phó Chủ tịch', 'Chánh Văn phòng'],
        place: 'Phòng họp số 1',
        preparingUnit: 'Văn phòng UBND tỉnh',
      },
      {
        ...base,
        id: 'a2',
        date: '2026-04-28',
        session: 'chieu',
        time: '14:00',
        content: 'Làm việc với Sở Tài chính về dự toán',
        chair: 'Phó Chủ tịch Lê Thị B',
        participants: ['Sở Tài chính'],
        place: 'Phòng họp số 2',
        preparingUnit: 'Sở Tài chính',
        status: 'changed',
      },
      {
        ...base,
        id: 'a3',
        date: '2026-04-29',
        session: 'sang',
        time: '07:30',
        content: 'Kiểm tra công trình giao thông',
        chair: 'Phó Chủ tịch Lê Thị B',
        place: 'Huyện Đức Trọng',
        preparingUnit: 'Sở Xây dựng',
        status: 'cancelled',
      },
      {
        ...base,
        id: 'a4',
        date: '2026-04-29',
        session: 'sang',
        time: '09:30',
        content: 'Tiếp công dân định kỳ',
        chair: 'Chủ tịch Trần Văn A',
        place: 'Trụ sở Tiếp công dân',
        preparingUnit: 'Thanh tra tỉnh',
        status: 'postponed',
      },
      { ...base, id: 'x', date: '2026-05-05', session: 'sang', content: 'Ngoài tuần' },
    ],
  };
}
