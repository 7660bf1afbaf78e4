// Loaded in an iframe under `Content-Security-Policy: script-src 'self'` by src/csp.browser.test.ts.
// It validates a document and reports the result and every CSP violation to the parent page.
// The page chooses strict mode before the schemas module is evaluated (imports run in order), as users must.
import './choose-mode.js';
import { AdministrativeDocumentSchema, validate } from '../src/index.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));

const result = validate(AdministrativeDocumentSchema, {
  type: 'congVan',
  issuer: { name: 'Văn phòng Chính phủ', abbreviation: 'VPCP' },
  number: 7816,
  symbol: 'VPCP-TTĐT',
  place: 'Hà Nội',
  date: '2015-09-30',
  subject: 'Kết nối liên thông',
  content: 'Nội dung.',
  signer: { position: 'Chủ nhiệm', fullName: 'Nguyễn Văn A' },
  recipients: [{ name: 'Như trên' }],
});
const bad = validate(AdministrativeDocumentSchema, { type: 'congVan' });
// Violation events are dispatched asynchronously: give them a moment before reporting.
setTimeout(() => {
  parent.postMessage({ kind: 'csp-fixture', ok: result.ok, badErrors: bad.ok ? 0 : bad.errors.length, violations }, '*');
}, 200);
