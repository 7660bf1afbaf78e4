import litPreset from '@egov-vn/eslint-config/lit';

export default litPreset({ tsconfigRootDir: import.meta.dirname });
