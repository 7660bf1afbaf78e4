import node from '@egov-vn/eslint-config/node';

export default node({ tsconfigRootDir: import.meta.dirname });
