// A React 19 page using the egov-vn elements with no wrapper: React 19 sets objects and arrays as properties and
// listens to custom events through `on<event-name>` props.
import '@egov-vn/calendar-elements/deadline';
import '@egov-vn/calendar-elements/month-calendar';
import type { MonthCalendarEvent } from '@egov-vn/calendar-elements/month-calendar';
import '@egov-vn/report-elements/edoc-stats';
import type { EdocStatsRow, EdocTargets } from '@egov-vn/report-elements/edoc-stats';
import '@egov-vn/signature-elements/signature-panel';
import { useEffect, useState } from 'react';
import './elements.js';

const meetings: MonthCalendarEvent[] = [
  { date: '2026-04-06', time: '08:00', title: 'Giao ban' },
  { date: '2026-04-21', title: 'Họp HĐND' },
];

const rows: EdocStatsRow[] = ['2026-01', '2026-02', '2026-03'].flatMap((month, i) => [
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

// The portal's own plan instead of the directives' defaults.
const targets: EdocTargets = { electronicOnly: 0.9, signed: 0.95, sameDay: [{ since: '2026-03', share: 0.85 }] };

export function App() {
  const [lang, setLang] = useState<'vi' | 'en'>('vi');
  const [day, setDay] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const note = (text: string) => setEvents((list) => [...list, text]);
  const en = lang === 'en';
  // Nothing is trusted unless the portal says so: here, the demo root CA of the example's build.
  const [anchors, setAnchors] = useState<string[]>();
  useEffect(() => {
    void fetch('/demo-root-ca.pem')
      .then((r) => r.text())
      .then((pem) => setAnchors([pem]));
  }, []);

  return (
    <main lang={lang}>
      <h1>{en ? 'egov-vn elements in React 19' : 'Phần tử egov-vn trong React 19'}</h1>
      <p>
        <button type="button" onClick={() => setLang(en ? 'vi' : 'en')}>
          {en ? 'Tiếng Việt' : 'English'}
        </button>
      </p>

      <egov-month-calendar
        month="2026-04"
        events={meetings}
        onegov-month-calendar-select={(e) => {
          setDay(e.detail.date);
          note(`egov-month-calendar-select: ${e.detail.date}`);
        }}
      />
      <p id="day">{day ? `${en ? 'Chosen day' : 'Ngày đã chọn'}: ${day}` : ''}</p>

      <egov-deadline due="2026-02-26" today="2026-02-13" onegov-deadline-change={(e) => note(`egov-deadline-change: ${e.detail.status}`)} />

      {anchors && (
        <egov-signature-panel
          trustAnchors={anchors}
          src="/van-ban-ky-so.pdf"
          onegov-signature-panel-verify={(e) => note(`egov-signature-panel-verify: ${e.detail.report.validSignaturesCount}/${e.detail.report.signaturesCount}`)}
        />
      )}

      <egov-edoc-stats
        data={rows}
        targets={targets}
        headingLevel={2}
        onegov-edoc-stats-export={(e) => {
          e.preventDefault(); // the portal stores the CSV itself instead of downloading it
          note(`egov-edoc-stats-export: ${e.detail.rows.length} rows, ${new TextEncoder().encode(e.detail.csv).length} bytes`);
        }}
      />

      <h2>{en ? 'Events received' : 'Sự kiện đã nhận'}</h2>
      <ol id="log">
        {events.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ol>
    </main>
  );
}
