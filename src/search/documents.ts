// Owns the texts results show: fetched per document as results need them, and kept.
import { isDocFile, type DocFile } from "./format.ts";
import type { Load } from "./engine.ts";

export class Documents {
  private docs = new Map<number, Promise<DocFile>>();

  constructor(
    private folder: string,
    private load: Load,
  ) {}

  get(i: number): Promise<DocFile> {
    let d = this.docs.get(i);
    if (!d) {
      d = this.load(`${this.folder}/${i}.json`).then((raw) => {
        if (!isDocFile(raw)) throw new Error(`search document ${i} is malformed`);
        return raw;
      });
      // a failed fetch is tried again next time, not remembered
      d.catch(() => this.docs.delete(i));
      this.docs.set(i, d);
    }
    return d;
  }
}
