// Owns a list of integers that grows as it is filled, for data held by the hundred thousand: an
// Int32Array, four bytes a number, where a JavaScript array takes eight and grows by half again.

/** An Int32Array that grows by doubling; `done()` gives its numbers, trimmed. */
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

  done(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}
