// Which tag lives in which module: read from the element packages themselves (their Custom Elements Manifest and the
// define files their exports map names), so that adding an element package to the CDN is one line in
// packages/cdn/package.json (a dependency) and nothing else.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One element of the CDN: its tag and the define file (an export subpath of its package) that registers it. */
export interface ElementEntry {
  readonly tag: string;
  /** The element's class (its declaration's name in the manifest), exported by the define file. */
  readonly className: string;
  /** `@egov-vn/signature-elements` */
  readonly packageName: string;
  /** `./signature-panel` */
  readonly subpath: string;
  /** The file bundled: the subpath's `default` (dist) target, or its `@egov-vn/source` target from sources. */
  readonly file: string;
}

export interface ElementPackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly elements: readonly ElementEntry[];
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly customElements?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly exports?: Record<string, string | Record<string, string>>;
}

interface CustomElementsManifest {
  readonly modules?: readonly {
    readonly declarations?: readonly { readonly name: string; readonly customElement?: boolean; readonly tagName?: string }[];
  }[];
}

/** A dependency's folder (its package.json may not be exported). */
function packageDir(require: NodeJS.Require, from: string, name: string): string {
  const linked = join(from, 'node_modules', name);
  if (existsSync(join(linked, 'package.json'))) return realpathSync(linked);
  return dirname(require.resolve(`${name}/package.json`));
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** The tags a define file registers: `X.define('egov-x')` or `customElements.define('egov-x', …)`. */
export function definedTags(code: string): string[] {
  return [...code.matchAll(/\.define\(\s*['"`](egov-[a-z0-9-]+)['"`]/g)].map((m) => m[1]!);
}

/**
 * The element packages the CDN ships: every `@egov-vn/` (dev) dependency of `cdnDir`'s package.json that has a Custom
 * Elements Manifest (`"customElements"`), each with its tags mapped to their define files.
 * Fails, with the package named, when a tag of the manifest has no define file or the manifest is missing.
 */
export function elementPackages(cdnDir: string, options: { fromSource?: boolean } = {}): ElementPackage[] {
  const cdn = readJson(join(cdnDir, 'package.json')) as Manifest;
  const require = createRequire(join(cdnDir, 'package.json'));
  const result: ElementPackage[] = [];
  for (const name of Object.keys({ ...cdn.dependencies, ...cdn.devDependencies }).filter((n) => n.startsWith('@egov-vn/')).sort()) {
    const dir = packageDir(require, cdnDir, name);
    const manifest = readJson(join(dir, 'package.json')) as Manifest;
    if (!manifest.customElements) continue;
    const cemPath = join(dir, manifest.customElements);
    if (!existsSync(cemPath)) throw new Error(`${name}: ${manifest.customElements} is missing (build the package first: cem analyze).`);
    const cem = readJson(cemPath) as CustomElementsManifest;
    const declared = new Map(
      (cem.modules ?? []).flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => [d.tagName!, d.name] as const)),
    );
    const tags = [...declared.keys()];
    const byTag = new Map<string, ElementEntry>();
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (typeof target === 'string' || subpath === '.') continue;
      const source = target['@egov-vn/source'];
      const built = target['default'];
      if (!source || !built) continue;
      for (const tag of definedTags(readFileSync(join(dir, source), 'utf8'))) {
        byTag.set(tag, { tag, className: declared.get(tag) ?? '', packageName: name, subpath, file: join(dir, options.fromSource ? source : built) });
      }
    }
    const missing = tags.filter((t) => !byTag.has(t));
    if (missing.length > 0) throw new Error(`${name}: no define file in its exports registers ${missing.map((t) => `<${t}>`).join(', ')}.`);
    const elements = tags.map((t) => byTag.get(t)!).sort((a, b) => a.tag.localeCompare(b.tag));
    result.push({ name, version: manifest.version, dir, elements });
  }
  return result;
}
