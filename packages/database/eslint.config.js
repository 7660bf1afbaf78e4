import library from '@egov-vn/eslint-config/library';

export default library({ tsconfigRootDir: import.meta.dirname });
