// The analyzer's programmatic entry points, which its own index.d.ts does not declare (it types the config only).
declare module '@custom-elements-manifest/analyzer/index.js' {
  import type { Plugin } from '@custom-elements-manifest/analyzer';
  import type * as typescript from 'typescript';

  export const ts: typeof typescript;
  export function create(options: { modules: typescript.SourceFile[]; plugins?: Plugin[]; context?: { dev?: boolean } }): unknown;
}

declare module '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js' {
  import type { Plugin } from '@custom-elements-manifest/analyzer';

  export function litPlugin(): Plugin[];
}
