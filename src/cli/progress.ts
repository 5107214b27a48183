/**
 * One status line on stderr: rewritten in place on a terminal, printed when it changes otherwise
 * (so logs of a CI run stay readable).
 */
export class ProgressLine {
  #last = '';
  readonly #tty = Boolean(process.stderr.isTTY);

  constructor(private readonly enabled = true) {}

  update(text: string): void {
    if (!this.enabled || text === this.#last) return;
    this.#last = text;
    process.stderr.write(this.#tty ? `\r\x1b[2K${text}` : `${text}\n`);
  }

  done(): void {
    if (this.enabled && this.#tty && this.#last) process.stderr.write('\n');
    this.#last = '';
  }
}
