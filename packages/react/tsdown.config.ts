import { readdirSync } from 'node:fs';
import { library } from '@egov-vn/build-config';

// src/generated/ is written by scripts/generate.js (the build runs it first): one module per element, index.ts, jsx.ts.
export default library({ entry: readdirSync('src/generated').map((file) => `src/generated/${file}`) });
