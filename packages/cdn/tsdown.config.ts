import { library } from '@egov-vn/build-config';

// loader.ts is browser code bundled by the CDN build itself (from src/), not by tsdown. Vite (a workspace dev
// dependency) is only needed by `egov-vn-cdn build`, which runs in the workspace: never bundled.
export default library({
  entry: ['src/index.ts', 'src/cli.ts', 'src/build.ts'],
  platform: 'node',
  clean: false,
  deps: { neverBundle: ['vite'] },
});
