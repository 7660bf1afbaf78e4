// The package's version: replaced at build time (tooling/build-config defines __EGOV_VN_VERSION__ from package.json);
// read from package.json when the package runs from its sources.
import manifest from '../package.json' with { type: 'json' };

declare const __EGOV_VN_VERSION__: string | undefined;

export const version: string = typeof __EGOV_VN_VERSION__ === 'string' ? __EGOV_VN_VERSION__ : manifest.version;
