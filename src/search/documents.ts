// Owns the texts results show: fetched a pack at a time as results need them, and kept.
import { isDocPack, type DocFile, type Manifest } from "./format.ts";
import type { Load } from "./engine.ts";

export class Documents {
  private packs = new Map<number, Promise<DocFile[]>>();

  constructor(
    private manifest: Pick<Manifest, "docs" | "pack">,
    private load: Load,
  ) {}

  private packOf(p: number): Promise<DocFile[]> {
    let pack = this.packs.get(p);
    if (!pack) {
      pack = this.load(`${this.manifest.docs}/${p}.json`).then((raw) => {
        if (!isDocPack(raw)) throw new Error(`search documents ${p} are malformed`);
        return raw;
      });
      // a failed fetch is tried again next time, not remembered
      pack.catch(() => this.packs.delete(p));
      this.packs.set(p, pack);
    }
    return pack;
  }

  /** Document i: its pack is fetched once, for every result it holds. */
  async get(i: number): Promise<DocFile> {
    const { pack } = this.manifest;
    const doc = (await this.packOf(Math.floor(i / pack)))[i % pack];
    if (!doc) throw new Error(`search document ${i} is missing`);
    return doc;
  }
}
