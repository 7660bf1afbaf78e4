import { describe, expect, it } from 'vitest';
import { subjectAttribute } from './verdict.js';

describe('subjectAttribute', () => {
  it('reads O and CN, including values with spaces and diacritics', () => {
    const s = 'C=VN, O=UBND tỉnh Đồng Tháp, CN=Nguyễn Văn A';
    expect(subjectAttribute(s, 'O')).toBe('UBND tỉnh Đồng Tháp');
    expect(subjectAttribute(s, 'cn')).toBe('Nguyễn Văn A');
    expect(subjectAttribute(s, 'OU')).toBeUndefined();
    expect(subjectAttribute(undefined, 'O')).toBeUndefined();
  });
});
