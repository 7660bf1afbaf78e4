// The generated components rendered by React 19 in Chromium: props become the elements' properties (arrays and
// objects keep their type), `on…` props receive the elements' own events, and a prop change reaches the element.
import { act, createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { EgovDeadline, EgovMonthCalendar } from './generated/index.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const host = document.createElement('div');
document.body.append(host);
let root = createRoot(host);
afterEach(() => {
  act(() => root.unmount());
  root = createRoot(host);
});

describe('@egov-vn/react components', () => {
  it('set the elements’ properties from props and hand their events to on… props (React 19)', async () => {
    const meetings = [{ date: '2026-04-06', time: '08:00', title: 'Giao ban' }];
    const picked: string[] = [];
    let setMonth: (month: string) => void = () => undefined;
    function Page() {
      const [month, set] = useState('2026-04');
      setMonth = set;
      return createElement(
        'div',
        null,
        createElement(EgovMonthCalendar, { month, today: '2026-04-01', events: meetings, onEgovMonthCalendarSelect: (e) => picked.push(e.detail.date) }),
        createElement(EgovDeadline, { due: '2026-02-26', today: '2026-02-13' }),
      );
    }
    act(() => {
      root.render(createElement(Page));
    });
    const calendar = host.querySelector('egov-month-calendar')!;
    await calendar.updateComplete;
    // The array went in as a property (the same object), not as a string attribute.
    expect(calendar.events).toBe(meetings);
    expect(calendar.hasAttribute('events')).toBe(false);
    expect(calendar.shadowRoot!.querySelector('[data-date="2026-04-06"] [part=event]')?.textContent).toContain('Giao ban');
    (calendar.shadowRoot!.querySelector('[data-date="2026-04-16"]') as HTMLElement).click();
    expect(picked).toEqual(['2026-04-16']);
    const deadline = host.querySelector('egov-deadline')!;
    await deadline.updateComplete;
    expect(deadline.shadowRoot!.textContent).toMatch(/\S/);
    // A changed prop reaches the element.
    act(() => {
      setMonth('2026-05');
    });
    expect(calendar.month).toBe('2026-05');
    await calendar.updateComplete;
    expect(calendar.shadowRoot!.querySelector('[data-date="2026-05-15"]')).not.toBeNull();
  });
});
