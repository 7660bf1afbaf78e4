// A React 19 host of the office features: the context as properties (back end URL, getToken with 60-s tokens, user),
// navigation intents routed in React state (the document id given back as an attribute), errors in a log.
import '@egov-vn/office-elements/compose';
import '@egov-vn/office-elements/office-context';
import '@egov-vn/office-elements/incoming';
import type { OfficeUser } from '@egov-vn/office-elements';
import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './office-elements.js';
import { exampleUsers, roleOf, shortLivedSession } from './session.js';

function OfficeHost() {
  const session = useMemo(() => shortLivedSession(new URLSearchParams(window.location.search).get('user') ?? 'stc.vanthu'), []);
  const [userId, setUserId] = useState(session.user);
  const [user, setUser] = useState<OfficeUser | undefined>();
  const [tokens, setTokens] = useState(0);
  const [incomingId, setIncomingId] = useState('');
  const [log, setLog] = useState<string[]>([]);
  const getToken = useCallback(async () => {
    const token = await session.getToken();
    setTokens(session.issued);
    return token;
  }, [session]);

  useEffect(() => {
    session.switchUser(userId);
    const alive = new AbortController();
    const fallback = { id: userId, name: userId, role: roleOf(userId) };
    void (async () => {
      let next: OfficeUser = fallback;
      try {
        const res = await fetch('/v1/me', { headers: { authorization: `Bearer ${await getToken()}` }, signal: alive.signal });
        const me = res.ok ? ((await res.json()) as { user: { id: string; name: string } }).user : undefined;
        if (me) next = { ...fallback, id: me.id, name: me.name };
      } catch {
        // the office server is down: the features show it; the host keeps the user it knows
      }
      if (!alive.signal.aborted) setUser(next);
    })();
    return () => alive.abort();
  }, [userId, session, getToken]);

  return (
    <>
      <header>
        <h1>Văn phòng điện tử nhúng trong React 19</h1>
        <p>
          <strong className="demo">DEMO</strong> Hai tính năng của <code>@egov-vn/office-elements</code> cạnh nhau, gọi máy
          chủ văn phòng thật bằng mã đăng nhập hết hạn sau 60 giây.
        </p>
        <label htmlFor="user">Người dùng thử nghiệm (DEMO)</label>
        <select id="user" value={userId} onChange={(e) => setUserId(e.target.value)}>
          {exampleUsers.map((u) => (
            <option key={u.id} value={u.id}>
              {u.id} — {u.label}
            </option>
          ))}
        </select>
        <p>
          Mã đăng nhập đã cấp: <output id="tokens">{tokens}</output>
        </p>
      </header>
      <main>
        <egov-office-context
          baseUrl={window.location.origin}
          getToken={getToken}
          {...(user ? { user } : {})}
          locale="vi"
          onegov-navigate={(e) => {
            e.preventDefault();
            setLog((l) => [...l, `egov-navigate ${e.detail.view}${e.detail.id ? ` ${e.detail.id}` : ''}`]);
            if (e.detail.view === 'incoming') setIncomingId(e.detail.id ?? '');
          }}
          onegov-error={(e) => setLog((l) => [...l, `egov-error ${e.detail.operation}: ${e.detail.code}`])}
        >
          <div className="features">
            <section aria-labelledby="incoming-title">
              <h2 id="incoming-title">Văn bản đến</h2>
              <egov-incoming page-size={20} document-id={incomingId}></egov-incoming>
            </section>
            <section aria-labelledby="compose-title">
              <h2 id="compose-title">Soạn thảo, trình ký</h2>
              <egov-compose fonts-url="/fonts/"></egov-compose>
            </section>
          </div>
        </egov-office-context>
        <h2>Sự kiện</h2>
        <ul id="log" aria-live="polite">
          {log.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OfficeHost />
  </StrictMode>,
);
