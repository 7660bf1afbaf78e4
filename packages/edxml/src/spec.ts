// The element layout of QCVN 102:2016 packages as data: one table drives both the reader and the writer, so the
// order in which the builder writes children is the order of the official samples, and nothing is read that cannot
// be written back.

export type Field =
  | { el: string; key: string; type: 'string' | 'int' | 'bool' }
  | { el: string; key: string; type: 'block'; spec: Spec; many?: boolean }
  /** A wrapper element holding repeated items: `<ToPlaces><Place>…</Place>*</ToPlaces>`. */
  | { el: string; key: string; type: 'list'; item: string; itemSpec?: Spec };

export type Spec = readonly Field[];

const s = (el: string, key: string): Field => ({ el, key, type: 'string' });
const int = (el: string, key: string): Field => ({ el, key, type: 'int' });

export const organizationSpec: Spec = [
  s('OrganId', 'organId'),
  s('OrganizationInCharge', 'organizationInCharge'),
  s('OrganName', 'organName'),
  s('OrganAdd', 'organAdd'),
  s('Email', 'email'),
  s('Telephone', 'telephone'),
  s('Fax', 'fax'),
  s('Website', 'website'),
];

export const responseForSpec: Spec = [
  s('OrganId', 'organId'),
  s('Code', 'code'),
  s('PromulgationDate', 'promulgationDate'),
  s('DocumentId', 'documentId'),
];

export const staffInfoSpec: Spec = [
  s('Department', 'department'),
  s('Staff', 'staff'),
  s('Email', 'email'),
  s('Mobile', 'mobile'),
];

export const messageHeaderSpec: Spec = [
  { el: 'From', key: 'from', type: 'block', spec: organizationSpec },
  { el: 'To', key: 'to', type: 'block', spec: organizationSpec, many: true },
  s('DocumentId', 'documentId'),
  { el: 'Code', key: 'code', type: 'block', spec: [s('CodeNumber', 'codeNumber'), s('CodeNotation', 'codeNotation')] },
  {
    el: 'PromulgationInfo',
    key: 'promulgationInfo',
    type: 'block',
    spec: [s('Place', 'place'), s('PromulgationDate', 'promulgationDate')],
  },
  {
    el: 'DocumentType',
    key: 'documentType',
    type: 'block',
    spec: [int('Type', 'type'), int('TypeDetail', 'typeDetail'), s('TypeName', 'typeName')],
  },
  s('Subject', 'subject'),
  s('Content', 'content'),
  {
    el: 'SignerInfo',
    key: 'signerInfo',
    type: 'block',
    spec: [s('Competence', 'competence'), s('Position', 'position'), s('FullName', 'fullName')],
  },
  s('DueDate', 'dueDate'),
  {
    el: 'OtherInfo',
    key: 'otherInfo',
    type: 'block',
    spec: [
      int('Priority', 'priority'),
      s('SphereOfPromulgation', 'sphereOfPromulgation'),
      s('TyperNotation', 'typerNotation'),
      int('PromulgationAmount', 'promulgationAmount'),
      int('PageAmount', 'pageAmount'),
      { el: 'Direction', key: 'direction', type: 'bool' },
      { el: 'Appendixes', key: 'appendixes', type: 'list', item: 'Appendix' },
    ],
  },
  int('SteeringType', 'steeringType'),
  { el: 'ToPlaces', key: 'toPlaces', type: 'list', item: 'Place' },
  { el: 'ResponseFor', key: 'responseFor', type: 'block', spec: responseForSpec, many: true },
];

export const bussinessSpec: Spec = [
  s('DocumentId', 'documentId'),
  int('BussinessDocType', 'bussinessDocType'),
  s('BussinessDocReason', 'bussinessDocReason'),
  int('Paper', 'paper'),
  { el: 'StaffInfo', key: 'staffInfo', type: 'block', spec: staffInfoSpec },
  {
    el: 'ReplacementInfoList',
    key: 'replacementInfoList',
    type: 'list',
    item: 'ReplacementInfo',
    itemSpec: [s('DocumentId', 'documentId'), { el: 'OrganIdList', key: 'organIdList', type: 'list', item: 'OrganId' }],
  },
  {
    el: 'BussinessDocumentInfo',
    key: 'bussinessDocumentInfo',
    type: 'block',
    spec: [
      int('DocumentInfo', 'documentInfo'),
      int('DocumentReceiver', 'documentReceiver'),
      {
        el: 'ReceiverList',
        key: 'receiverList',
        type: 'list',
        item: 'Receiver',
        itemSpec: [s('OrganId', 'organId'), int('ReceiverType', 'receiverType')],
      },
    ],
  },
];

export const traceHeaderListSpec: Spec = [
  {
    el: 'TraceHeader',
    key: 'traceHeaders',
    type: 'block',
    many: true,
    spec: [s('OrganId', 'organId'), s('Timestamp', 'timestamp')],
  },
  { el: 'Bussiness', key: 'bussiness', type: 'block', spec: bussinessSpec },
];

export const manifestReferenceSpec: Spec = [
  s('ContentId', 'contentId'),
  s('ContentType', 'contentType'),
  s('Description', 'description'),
  s('AttachmentName', 'attachmentName'),
];

export const attachmentSpec: Spec = [
  s('ContentId', 'contentId'),
  s('AttachmentName', 'attachmentName'),
  s('Description', 'description'),
  s('ContentType', 'contentType'),
];

/** Status header children in the order of the VPCP status samples. */
export const statusHeaderSpec: Spec = [
  { el: 'From', key: 'from', type: 'block', spec: organizationSpec },
  { el: 'ResponseFor', key: 'responseFor', type: 'block', spec: responseForSpec },
  { el: 'StaffInfo', key: 'staffInfo', type: 'block', spec: staffInfoSpec },
  s('StatusCode', 'statusCode'),
  s('Description', 'description'),
  s('Timestamp', 'timestamp'),
];

/** Keys that always hold an array in the model, even when empty. */
export function defaultsFor(spec: Spec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of spec) if (f.type === 'block' && f.many) out[f.key] = [];
  for (const f of spec) if (f.type === 'list' && f.key === 'organIdList') out[f.key] = [];
  return out;
}
