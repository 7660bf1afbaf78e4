import { weekScheduleSchema, type WeekScheduleInput } from '@egov-vn/calendar/schedule';
import { describe, expect, it } from 'vitest';
import { withScheduleDefaults } from './defaults.js';

// A schedule written by hand, as an integrator would: no status, revisions, participants, revision label or endpoints.
const handWritten: WeekScheduleInput = {
  isoYear: 2026,
  isoWeek: 10,
  agency: 'UBND tỉnh Quảng Ninh',
  entries: [
    { id: 'a', date: '2026-03-02', session: 'sang', content: 'Giao ban tuần', chair: 'Chủ tịch UBND tỉnh' },
    {
      id: 'b',
      date: '2026-03-03',
      session: 'chieu',
      time: '14:00',
      content: 'Họp trực tuyến với các huyện',
      status: 'added',
      online: { hostPoint: 'Phòng họp số 1, trụ sở UBND tỉnh' },
    },
  ],
};

describe('withScheduleDefaults (the element takes the model input type)', () => {
  it('fills in exactly the defaults the zod model gives', () => {
    expect(withScheduleDefaults(handWritten)).toEqual(weekScheduleSchema.parse(handWritten));
  });

  it('keeps values that are given', () => {
    const week = withScheduleDefaults(handWritten);
    expect(week.entries[1]?.status).toBe('added');
    expect(week.entries[0]?.status).toBe('planned');
    expect(week.revisionLabel).toBe('Dự thảo');
    expect(withScheduleDefaults({ ...handWritten, revisionLabel: 'Chính thức', entries: undefined })).toEqual(
      weekScheduleSchema.parse({ ...handWritten, revisionLabel: 'Chính thức', entries: undefined }),
    );
  });
});
