import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRecordStatus, checkStatusTransition, STATUS_CODES, STATUS_INFO, statusLabel, statusRank, statusTransition } from './status.js';

const replay = (codes: string[]): string[] => {
  const recorded: string[] = [];
  for (const c of codes) if (canRecordStatus(recorded, c)) recorded.push(c);
  return recorded;
};

describe('canRecordStatus (QCVN 102 status packages)', () => {
  it('follows the processing chain forward, skipping steps if need be', () => {
    expect(replay(['01', '03', '04', '05', '06'])).toEqual(['01', '03', '04', '05', '06']);
    expect(canRecordStatus([], '03')).toBe(true);
    expect(canRecordStatus(['01', '03'], '05')).toBe(true);
  });

  it('never goes back; 02 (rejected or returned) may come at any step before 06', () => {
    expect(statusTransition(['01', '03', '05'], '04')).toMatchObject({ kind: 'refuse', issue: { code: 'status.backwards', params: { current: '05', next: '04' } } });
    expect(canRecordStatus(['01'], '02')).toBe(true);
    expect(replay(['01', '03', '02'])).toEqual(['01', '03', '02']);
    expect(canRecordStatus(['01', '03', '04', '05'], '02')).toBe(true);
  });

  it('closes the chain after 02 (rejected) and 06 (finished): 01→06→02 is refused', () => {
    expect(statusTransition(['01', '06'], '02')).toMatchObject({ kind: 'refuse', issue: { code: 'status.closed' } });
    expect(statusTransition(['01', '02'], '04', { lang: 'en' })).toMatchObject({
      kind: 'refuse',
      issue: { code: 'status.closed', message: expect.stringContaining('rejected (02)') },
    });
  });

  it('lets 13/15/16 come at any step without moving the chain: 01→13→03 and 01→15→04 are accepted', () => {
    expect(replay(['01', '13', '03'])).toEqual(['01', '13', '03']);
    expect(replay(['01', '15', '04'])).toEqual(['01', '15', '04']);
    expect(canRecordStatus(['01', '06'], '13')).toBe(true);
  });

  it('reports a repeated code as a duplicate and an unknown code as refused', () => {
    expect(statusTransition(['01', '03'], '03')).toEqual({ kind: 'duplicate' });
    expect(checkStatusTransition('01', '01')).toEqual({ ok: true, value: { duplicate: true } });
    expect(checkStatusTransition([], '07')).toMatchObject({ ok: false, issues: [{ code: 'status.unknown' }] });
  });

  it('keeps, over any sequence, a chain that only goes up and stops after 02 or 06', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUS_CODES, '07', 'xx'), { maxLength: 30 }), (codes) => {
        const chain = replay(codes).filter((c) => statusRank[c as keyof typeof statusRank] <= 6);
        for (let i = 1; i < chain.length; i++) {
          expect(statusRank[chain[i] as keyof typeof statusRank]).toBeGreaterThan(statusRank[chain[i - 1] as keyof typeof statusRank]);
          expect(['02', '06']).not.toContain(chain[i - 1]);
        }
        expect(new Set(replay(codes)).size).toBe(replay(codes).length);
      }),
    );
  });

  it('labels every code in both languages', () => {
    for (const c of STATUS_CODES) expect(STATUS_INFO[c].label.vi.length * STATUS_INFO[c].label.en.length).toBeGreaterThan(0);
    expect(statusLabel('03')).toEqual({ vi: 'Tiếp nhận', en: 'Accepted' });
    expect(statusLabel('99')).toEqual({ vi: '99', en: '99' });
  });
});
