// @egov-vn/edxml/document — mapping between edXML document packages and the document model of Nghị định 30/2020
// (@egov-vn/schemas). A separate entry so that parsing and building do not load the model and zod.
export {
  fromDocument,
  toDocument,
  type BusinessKind,
  type EdxmlExchangeInfo,
  type FromDocumentOptions,
  type MappingResult,
  type PriorityKey,
} from './mapping.js';
