// The in-memory backend under the office contract suite of @egov-vn/office-api/testing: the same cases the office
// server passes on PGlite and PostgreSQL, so a host's tests against memoryOfficeBackend see what production answers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeRoutes, type AgencyRef, type User } from '@egov-vn/office-api';
import { officeContractCases, type OfficeContractTarget, type OfficeContractUser } from '@egov-vn/office-api/testing';
import { describe, expect, it } from 'vitest';
import { memoryOfficeBackend } from './memory.js';
import { OfficeBackendError } from './types.js';

const A = { code: '000.00.02.H49', name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV' };
const B: AgencyRef = { code: '000.00.03.H49', name: 'Sở Tài chính tỉnh Quảng Ninh' };
const OTHER: AgencyRef = { code: '000.00.09.H49', name: 'Sở Xây dựng tỉnh Quảng Ninh' };

const person = (id: string, name: string, roles: User['roles'], agency: AgencyRef = A, title: string | null = null): User => ({
  id,
  name,
  agency: agency.code,
  agencyName: agency.name,
  roles,
  title,
  email: null,
  lastSeenAt: null,
});
const users = {
  clerk: person('vanthu.a', 'Trần Thị Văn Thư', ['vanThu']),
  leader: person('lanhdao.a', 'Nguyễn Văn Lãnh Đạo', ['lanhDao'], A, 'Giám đốc'),
  leader2: person('lanhdao2.a', 'Phạm Phó Giám Đốc', ['lanhDao'], A, 'Phó Giám đốc'),
  officer: person('chuyenvien.a', 'Lê Văn Chuyên Viên', ['chuyenVien']),
  officer2: person('chuyenvien2.a', 'Đỗ Thị Phối Hợp', ['chuyenVien']),
  admin: person('quantri.a', 'Quản Trị A', ['quanTri']),
  // The memory backend serves one agency: a clerk of another is a user of an agency it does not serve.
  otherAgencyClerk: person('vanthu.b', 'Văn Thư B', ['vanThu'], B),
  unserved: person('x', 'Người ngoài', ['vanThu'], OTHER),
};

function pdftotext(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'office-memory-pdf-')), 'so.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

function memoryTarget(): OfficeContractTarget {
  const backend = memoryOfficeBackend({
    agency: { code: A.code, name: A.name },
    users: Object.values(users),
    userId: users.clerk.id,
    incoming: [],
    directory: [B, OTHER].map((a) => ({ code: a.code, name: a.name, parentCode: null, email: null })),
  });
  return {
    agency: A,
    recipient: B,
    users,
    exchange: 'reachable',
    pdfText: pdftotext,
    arrive(a) {
      backend.arrive(a);
      return Promise.resolve();
    },
    // An operation as a user: the error a call rejects with becomes the answer the HTTP gateway would give.
    async call(user: OfficeContractUser | null, op, input = {}) {
      backend.signIn(user?.id ?? '');
      try {
        const value: unknown = await backend.call(op, input as never);
        if (value instanceof Uint8Array) return { status: 200, bytes: value };
        return { status: officeRoutes[op].success.status, json: JSON.parse(JSON.stringify(value)) as unknown };
      } catch (e) {
        if (!(e instanceof OfficeBackendError)) throw e;
        return { status: e.status, json: { code: e.code, message: e.localized, ...(e.details ? { details: e.details } : {}) } };
      }
    },
  };
}

describe('office contract: memoryOfficeBackend', () => {
  const target = memoryTarget();
  it.for(officeContractCases(() => target).map((c) => [c.name, c] as const))('%s', async ([, c]) => {
    await expect(c.run()).resolves.toBeUndefined();
  });
});
