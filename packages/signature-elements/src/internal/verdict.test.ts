import { describe, expect, it } from 'vitest';
import { sampleReport } from './reports.js';
import { subjectAttribute, verdictOf, verdicts } from './verdict.js';

describe('verdictOf', () => {
  it('maps each report shape to its verdict', () => {
    const report = sampleReport(verdicts);
    expect(report.signatures.map(verdictOf)).toEqual(verdicts);
  });
});

describe('subjectAttribute', () => {
  it('reads O and CN, including values with spaces and diacritics', () => {
    const s = 'C=VN, O=UBND tỉnh Đồng Tháp, CN=Nguyễn Văn A';
    expect(subjectAttribute(s, 'O')).toBe('UBND tỉnh Đồng Tháp');
    expect(subjectAttribute(s, 'cn')).toBe('Nguyễn Văn A');
    expect(subjectAttribute(s, 'OU')).toBeUndefined();
    expect(subjectAttribute(undefined, 'O')).toBeUndefined();
  });
});
