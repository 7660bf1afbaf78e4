import { AdministrativeDocumentSchema } from '../src/index.js';
import { chiThi, congVan } from '../src/document/fixtures.testutil.js';
const records = Array.from({ length: 10_000 }, (_, i) => {
  const base = i % 2 === 0 ? chiThi : congVan;
  return { ...base, number: (i % 9000) + 1, subject: `${base.subject ?? ''} (${i})`, recipients: [...base.recipients, { name: `Sở số ${i}` }] };
});
const parsed = JSON.parse(JSON.stringify(records));
for (let k = 0; k < 40; k++) for (const r of parsed) AdministrativeDocumentSchema.safeParse(r);
