import type { CommandContext } from './command.js';

/** A one-line progress bar on stderr, shown only on a terminal; silent otherwise. */
export class Progress {
  private readonly enabled: boolean;
  private shown = false;

  constructor(
    private readonly out: CommandContext['stderr'],
    private readonly total: number,
    wanted: boolean,
  ) {
    this.enabled = wanted && out.isTTY === true;
  }

  update(done: number, label: string): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const cols = this.out.columns ?? 80;
    const text = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${this.total} ${label}`;
    this.out.write(`\r\u001b[2K${text.slice(0, Math.max(10, cols - 1))}`);
    this.shown = true;
  }

  clear(): void {
    if (this.enabled && this.shown) {
      this.out.write('\r\u001b[2K');
      this.shown = false;
    }
  }

  done(): void {
    this.clear();
  }
}
