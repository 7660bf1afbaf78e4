// The paging of the office lists: cursors page by page, the last load wins, nothing past either end.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { OfficeBackendError } from './backend/types.js';
import type { Guarded } from './feature.js';
import { type ListPage, PagedList } from './paged-list.js';

class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

/** A back end of `n` numbers, `size` a page; the cursor is the index of the page's first item. */
function numbers(n: number, size: number) {
  const asked: Array<string | undefined> = [];
  const fetch = (cursor: string | undefined): Promise<Guarded<ListPage<number>>> => {
    asked.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.max(0, Math.min(size, n - start)) }, (_, i) => start + i);
    return Promise.resolve({ ok: true, value: { items, nextCursor: start + size < n ? String(start + size) : null, total: n } });
  };
  return { asked, fetch };
}

describe('PagedList', () => {
  it('turns pages forward and back with the cursors the back end gave, and stops at both ends', async () => {
    const host = new Host();
    const backend = numbers(25, 10);
    const list = new PagedList(host, backend.fetch);
    expect(host.controllers).toContain(list);
    await list.first();
    expect(list.items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([list.index, list.total, list.hasNext]).toEqual([0, 25, true]);
    await list.turn(-1); // before the first page: nothing
    expect(backend.asked).toEqual([undefined]);
    await list.turn(1);
    await list.turn(1);
    expect(list.items).toEqual([20, 21, 22, 23, 24]);
    expect([list.index, list.hasNext]).toEqual([2, false]);
    await list.turn(1); // past the last page: nothing
    await list.turn(-1);
    expect(list.items[0]).toBe(10);
    expect(backend.asked).toEqual([undefined, '10', '20', '10']);
    await list.first();
    expect([list.index, list.items[0]]).toEqual([0, 0]);
    expect(host.updates).toBeGreaterThanOrEqual(2 * backend.asked.length);
  });

  it('keeps the answer of the last load only, whatever order the answers come in', async () => {
    const host = new Host();
    const pending: Array<(page: Guarded<ListPage<string>>) => void> = [];
    const list = new PagedList<string>(host, () => new Promise((resolve) => pending.push(resolve)));
    const first = list.load();
    const second = list.load();
    expect(list.loading).toBe(true);
    pending[1]!({ ok: true, value: { items: ['new'], nextCursor: null } });
    await second;
    pending[0]!({ ok: true, value: { items: ['old'], nextCursor: 'x' } });
    await first;
    expect([list.items, list.hasNext, list.loading, list.total]).toEqual([['new'], false, false, null]);
  });

  it('keeps the items shown when a load fails, with its error; an aborted load leaves no error; the next success clears it', async () => {
    const host = new Host();
    const answers: Array<Guarded<ListPage<number>>> = [
      { ok: true, value: { items: [1, 2], nextCursor: null } },
      { ok: false, error: new OfficeBackendError({ code: 'UNAVAILABLE', status: 503 }) },
      { ok: false, error: new OfficeBackendError({ code: 'ABORTED', status: 0 }) },
      { ok: true, value: { items: [3], nextCursor: null } },
    ];
    const list = new PagedList<number>(host, () => Promise.resolve(answers.shift()!));
    await list.load();
    await list.load();
    expect(list.error?.code).toBe('UNAVAILABLE');
    expect(list.items).toEqual([1, 2]);
    list.error = undefined;
    await list.load();
    expect(list.error).toBeUndefined();
    expect(list.loading).toBe(false);
    await list.load();
    expect(list.items).toEqual([3]);
    list.update((items) => items.map((i) => i * 10));
    expect(list.items).toEqual([30]);
  });
});
