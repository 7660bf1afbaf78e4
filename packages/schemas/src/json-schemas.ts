// The public schemas, by the file name their JSON Schema is published under (`@egov-vn/schemas/json-schema/<name>.json`).
import { AdministrativeDocumentSchema, ContentBlockSchema, IssuerSchema } from './document/document.js';
import { ArchiveSchema, RecipientSchema } from './document/recipients.js';
import { IncomingRecordSchema, OutgoingRecordSchema, WorkFileSchema } from './document/registration.js';
import { SignerSchema } from './document/signer.js';

export const PUBLIC_SCHEMAS = {
  'administrative-document': AdministrativeDocumentSchema,
  issuer: IssuerSchema,
  signer: SignerSchema,
  recipient: RecipientSchema,
  archive: ArchiveSchema,
  'content-block': ContentBlockSchema,
  'outgoing-record': OutgoingRecordSchema,
  'incoming-record': IncomingRecordSchema,
  'work-file': WorkFileSchema,
} as const;
