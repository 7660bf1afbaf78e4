// E-copy by e-mail: an RFC 5322 message with the package's attachments (the PDF), built with nodemailer's
// MailComposer (a maintained MIME builder: encoded headers, base64 parts, line folding).
import { parseEdxml, type EdxmlDocumentPackage } from '@egov-vn/edxml';
import MailComposer from 'nodemailer/lib/mail-composer';
import { HubError } from './hub-error.js';

export interface EmlInput {
  edxml: Uint8Array;
  from: string;
  to: string[];
  notation: string | null;
  subject: string | null;
  sender: string;
  senderName: string | null;
  sentAt: Date;
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Builds the `.eml` of an e-copy: a Vietnamese text part and every attachment of the package (the PDF first). */
export async function buildEml(input: EmlInput): Promise<Buffer> {
  const parsed = await parseEdxml(input.edxml);
  if (!parsed.ok || parsed.value.kind !== 'document') throw new HubError('INTERNAL');
  const pkg: EdxmlDocumentPackage = parsed.value;
  const attachments = await Promise.all(
    pkg.attachments.map(async (a, i) => ({
      filename: a.attachmentName ?? a.description ?? `attachment-${i + 1}`,
      contentType: a.contentType ?? 'application/octet-stream',
      content: await readStream(a.stream()),
    })),
  );
  attachments.sort((a, b) => Number(b.contentType === 'application/pdf') - Number(a.contentType === 'application/pdf'));
  const title = [input.notation, input.subject].filter(Boolean).join(' – ');
  const text = [
    'Bản sao điện tử văn bản (Electronic copy of a document)',
    '',
    `Số, ký hiệu: ${input.notation ?? '—'}`,
    `Trích yếu: ${input.subject ?? '—'}`,
    `Cơ quan gửi: ${input.senderName ?? ''} (${input.sender})`,
    `Thời điểm gửi: ${input.sentAt.toISOString()}`,
    '',
    'Văn bản gốc là gói tin edXML trên trục trao đổi; tệp đính kèm là bản điện tử của văn bản.',
  ].join('\n');
  const mail = new MailComposer({
    from: input.from,
    to: input.to,
    subject: `[Bản sao điện tử] ${title}`,
    date: input.sentAt,
    text,
    attachments,
  });
  return mail.compile().build();
}
