// The sign-in page. DEMO: a user of the office server's demo identity provider (one per agency and role); the token
// it issues is the only credential the browser gets.
import { html, type TemplateResult } from 'lit';
import { state, switchUser } from '../app.js';
import { lang, t } from '../i18n.js';
import { demoUsers, providerLoginUrl } from '../session.js';

let chosen = demoUsers[0]?.id ?? '';

export function loginPage(): TemplateResult {
  const tx = t();
  const agencies = [...new Set(demoUsers.map((u) => u.agencyName))];
  return html`
    <h1 id="page-title" tabindex="-1">${tx.loginTitle} <span class="demo-badge">${tx.demo}</span></h1>
    <p>${tx.loginIntro}</p>
    <form
      class="login"
      @submit=${(e: Event) => {
        e.preventDefault();
        void switchUser(chosen);
      }}
    >
      <label for="login-user">${tx.loginUser}</label>
      <select id="login-user" @change=${(e: Event) => (chosen = (e.target as HTMLSelectElement).value)}>
        ${agencies.map(
          (name) => html`<optgroup label=${name}>
            ${demoUsers
              .filter((u) => u.agencyName === name)
              .map((u) => html`<option value=${u.id} ?selected=${u.id === chosen}>${u.id} — ${u.roleLabel[lang()]}</option>`)}
          </optgroup>`,
        )}
      </select>
      <button type="submit" ?disabled=${state.busy}>${tx.loginButton}</button>
    </form>
    <p><a href=${providerLoginUrl()}>${tx.loginProvider}</a></p>
  `;
}
