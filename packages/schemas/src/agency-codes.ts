// @egov-vn/schemas/agency-codes — the level-1 agency code table, as data (see agency/level1-codes.ts).
export { type AgencyCodeTable, createAgencyCodeTable, type Level1CodeEntry, LEVEL1_CODES } from './agency/level1-codes.js';
