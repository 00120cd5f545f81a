// Owns lists of integers that grow as they are filled, for data held by the hundred thousand: an
// Int32Array, four bytes a number, where a JavaScript array takes eight and grows by half again.

/** An Int32Array that grows by doubling. */
export class IntList {
  private buf = new Int32Array(1024);
  length = 0;

  push(n: number): void {
    if (this.length === this.buf.length) {
      const grown = new Int32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.length++] = n;
  }

  /** Its numbers, trimmed; the list is empty afterwards, its buffer let go. */
  done(): Int32Array {
    const out = this.buf.slice(0, this.length);
    this.buf = new Int32Array(1024);
    this.length = 0;
    return out;
  }
}

/** Rows of integers end to end: row `r` is `values` from `starts[r]` up to `starts[r + 1]`. */
export interface Rows {
  values: Int32Array;
  starts: Int32Array;
}

/** `Rows` filled a row at a time: numbers pushed, then the row ended. */
export class IntRows {
  private readonly values = new IntList();
  private readonly starts = new IntList();

  constructor() {
    this.starts.push(0);
  }

  push(n: number): void {
    this.values.push(n);
  }

  /** Ends the row being filled (an empty one if nothing was pushed). */
  endRow(): void {
    this.starts.push(this.values.length);
  }

  /** The rows; empty afterwards, as `IntList.done`. */
  done(): Rows {
    const rows = { values: this.values.done(), starts: this.starts.done() };
    this.starts.push(0);
    return rows;
  }
}
