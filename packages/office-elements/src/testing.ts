// For hosts' tests and Storybook: `import { memoryOfficeBackend } from '@egov-vn/office-elements/testing'`.
export { demoIncoming, demoSeed, demoUsers, memoryOfficeBackend } from './backend/memory.js';
export type { MemoryOfficeBackend, MemoryOfficeSeed } from './backend/memory.js';
