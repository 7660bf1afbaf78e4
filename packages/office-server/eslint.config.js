// A Node server library (Hono on Node, PGlite/PostgreSQL): the Node preset, not the browser-safe core preset.
import node from '@egov-vn/eslint-config/node';

export default node({ tsconfigRootDir: import.meta.dirname });
