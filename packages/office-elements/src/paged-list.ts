// The lists of the office features (incoming, outgoing, registers): pages over the back end's cursors, and the parts
// every list draws the same way (the pager, the filter form and its choices).
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { OfficeBackendError } from './backend/types.js';
import type { Guarded } from './feature.js';

/** One page as the back end answers it. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  /** How many in all, when the back end counts them. */
  total?: number | null;
}

/** The `limit` to ask for from a feature's `page-size`: 1 to 200 (the contract's bounds), 50 when unset or 0. */
export const pageLimit = (pageSize: number): number => Math.min(200, Math.max(1, pageSize || 50));

/**
 * A feature's list, page by page: the page shown, the cursor of each page seen so far, the items, whether a load is
 * under way and the error of the last one. The last load wins: the answer to an older load (before the filters
 * changed, a page turned twice) is dropped. The host re-renders when any of it changes.
 */
export class PagedList<T> implements ReactiveController {
  items: T[] = [];
  total: number | null = null;
  loading = false;
  error: OfficeBackendError | undefined;
  #index = 0;
  /** Cursor of each page shown so far (index 0: the first page, no cursor). */
  #cursors: Array<string | undefined> = [undefined];
  #next: string | null = null;
  #seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (cursor: string | undefined) => Promise<Guarded<ListPage<T>>>,
  ) {
    host.addController(this);
  }

  // A controller of its host (TypeScript wants one of the hooks); loads are started by the feature, not on connection.
  hostConnected(): void {}

  /** The page shown, from 0. */
  get index(): number {
    return this.#index;
  }

  /** Whether there is a page after this one. */
  get hasNext(): boolean {
    return this.#next !== null;
  }

  /** Loads the page shown (again: after an action, a refresh). Never throws; a failure lands in `error`. */
  async load(): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    this.host.requestUpdate();
    const r = await this.fetchPage(this.#cursors[this.#index]);
    if (seq !== this.#seq) return;
    this.loading = false;
    if (r.ok) {
      this.error = undefined;
      this.items = r.value.items;
      this.total = r.value.total ?? null;
      this.#next = r.value.nextCursor;
    } else if (r.error.code !== 'ABORTED') {
      this.error = r.error;
    }
    this.host.requestUpdate();
  }

  /** Back to the first page (other filters, another register) and load it. */
  first(): Promise<void> {
    this.#cursors = [undefined];
    this.#index = 0;
    return this.load();
  }

  /** Turns to the next (1) or the previous (-1) page and loads it; nothing past either end. */
  async turn(delta: 1 | -1): Promise<void> {
    if (delta > 0) {
      if (this.#next === null) return;
      this.#cursors[this.#index + 1] = this.#next;
    } else if (this.#index === 0) {
      return;
    }
    this.#index += delta;
    await this.load();
  }

  /** Changes the items shown in place (an item read, a document updated), without a load. */
  update(change: (items: T[]) => T[]): void {
    this.items = change(this.items);
    this.host.requestUpdate();
  }
}

/** The pager under a list: previous, where we are, next. `label` names the list for assistive technology. */
export function renderPager(
  list: PagedList<unknown>,
  texts: { label: string; previous: string; next: string; position: string },
): TemplateResult {
  return html`<nav part="pager" class="pager" aria-label=${texts.label}>
    <button type="button" ?disabled=${list.index === 0} @click=${() => void list.turn(-1)}>${texts.previous}</button>
    <span>${texts.position}</span>
    <button type="button" ?disabled=${!list.hasNext} @click=${() => void list.turn(1)}>${texts.next}</button>
  </nav>`;
}

/**
 * The filter form above a list: a choice applies at once, the search box when submitted (Enter or the button), so that
 * typing does not load a page per key.
 */
export function renderFilterForm(texts: { label: string; apply: string }, apply: (form: HTMLFormElement) => void, fields: TemplateResult): TemplateResult {
  return html`<form
    part="filters"
    class="filters"
    aria-label=${texts.label}
    @change=${(e: Event) => {
      if ((e.target as HTMLElement).getAttribute('name') !== 'q') apply(e.currentTarget as HTMLFormElement);
    }}
    @submit=${(e: Event) => {
      e.preventDefault();
      apply(e.currentTarget as HTMLFormElement);
    }}
  >
    ${fields}
    <button type="submit">${texts.apply}</button>
  </form>`;
}

/** A choice of a filter form: "all" (no filter) first, then the options as `[value, text]`. */
export function renderFilterChoice(
  name: string,
  texts: { label: string; all: string },
  options: ReadonlyArray<readonly [value: string, text: string]>,
  selected: string | undefined,
): TemplateResult {
  return html`<label
    >${texts.label}
    <select name=${name}>
      <option value="">${texts.all}</option>
      ${options.map(([value, text]) => html`<option value=${value} ?selected=${selected === value}>${text}</option>`)}
    </select></label
  >`;
}
