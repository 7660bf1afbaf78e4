// The autoloader of a CDN folder (built into `loader.js` and `loader-suffixed.js` at the folder's root): imports an
// element's module the first time its tag appears in the document, or in a shadow root given to `discover(root)`.
// The modules are found relative to this file (`import.meta.url`): no base path to configure.
// `__EGOV_CDN_TAGS__` (tag → module path) and `__EGOV_CDN_ID__` (version and variant) are written by the build.

declare const __EGOV_CDN_TAGS__: Record<string, string>;
declare const __EGOV_CDN_ID__: string;

/**
 * `detail` of the `egov-error` event an element receives when its module cannot be loaded: the shape of every
 * `egov-error` of the kit (`code`, `message`, `operation`, `status`, as the office features send), plus the tag and URL.
 */
export interface EgovLoadErrorDetail {
  readonly code: 'CHUNK_LOAD';
  readonly message: { readonly vi: string; readonly en: string };
  readonly operation: 'load-element';
  readonly status: 0;
  readonly tag: string;
  readonly url: string;
}

export interface EgovLoader {
  /** `version` or `version+suffixed`. */
  readonly id: string;
  /** The tags this loader knows. */
  readonly tags: readonly string[];
  /** Load the elements present under `root` and watch it for more (a shadow root the page created, an iframe's document). */
  readonly discover: (root: Document | ShadowRoot | Element) => void;
  /** Load one tag's module now (resolves when the tag is defined; rejects when its module fails). */
  readonly load: (tag: string) => Promise<void>;
}

type Root = Document | ShadowRoot | Element;

function createLoader(id: string, table: Record<string, string>, base: string): EgovLoader {
  const tags = Object.keys(table);
  const selector = tags.join(',');
  const loading = new Map<string, Promise<void>>();
  const failed = new Map<string, EgovLoadErrorDetail>();
  const roots = new Set<Root>();

  const report = (element: Element, detail: EgovLoadErrorDetail): void => {
    element.dispatchEvent(new CustomEvent('egov-error', { detail, bubbles: true, composed: true }));
  };

  const load = (tag: string): Promise<void> => {
    const file = table[tag];
    if (file === undefined) return Promise.reject(new Error(`[egov-vn] <${tag}> is not in this CDN folder (${id}).`));
    let promise = loading.get(tag);
    if (!promise) {
      const url = new URL(file, base).href;
      // Defined already (by a bundle of the npm packages, or another copy of this version): nothing to load.
      promise = customElements.get(tag)
        ? Promise.resolve()
        : import(/* @vite-ignore */ url).then(
            () => customElements.whenDefined(tag).then(() => undefined),
            (cause: unknown) => {
              const reason = cause instanceof Error ? cause.message : String(cause);
              const detail: EgovLoadErrorDetail = {
                code: 'CHUNK_LOAD',
                operation: 'load-element',
                status: 0,
                tag,
                url,
                message: {
                  vi: `Không tải được thành phần <${tag}> (${url}): ${reason}`,
                  en: `Cannot load the element <${tag}> (${url}): ${reason}`,
                },
              };
              failed.set(tag, detail);
              for (const root of roots) for (const element of root.querySelectorAll(tag)) report(element, detail);
              throw new Error(detail.message.en, { cause });
            },
          );
      loading.set(tag, promise);
    }
    return promise;
  };

  const seen = (element: Element): void => {
    const tag = element.localName;
    if (!(tag in table)) return;
    const failure = failed.get(tag);
    if (failure) {
      report(element, failure);
      return;
    }
    // Errors reach the elements as `egov-error` events; nothing is left unhandled.
    load(tag).catch(() => undefined);
  };

  const scan = (root: Root): void => {
    if (root instanceof Element) seen(root);
    if (selector) for (const element of root.querySelectorAll(selector)) seen(element);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });

  const discover = (root: Root): void => {
    scan(root);
    if (roots.has(root)) return;
    roots.add(root);
    observer.observe(root, { childList: true, subtree: true });
  };

  return { id, tags, discover, load };
}

// One loader per version and variant on a page: the same version loaded twice (two URLs, two fragments) shares the
// first loader, so no module runs twice and no tag is defined twice.
const registryKey = Symbol.for('egov-vn.cdn.loaders');
const registry = ((globalThis as { [registryKey]?: Map<string, EgovLoader> })[registryKey] ??= new Map<string, EgovLoader>());
const loader = registry.get(__EGOV_CDN_ID__) ?? createLoader(__EGOV_CDN_ID__, __EGOV_CDN_TAGS__, import.meta.url);
if (!registry.has(loader.id)) {
  registry.set(loader.id, loader);
  loader.discover(document);
}

export const { id, tags, discover, load } = loader;
