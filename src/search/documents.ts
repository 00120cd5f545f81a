// Owns the texts results show: fetched a pack at a time as results need them, and kept.
import { isDocPack, type DocFile, type Manifest } from "./format.ts";
import type { Load } from "./engine.ts";
import { FetchOnce } from "./fetch-once.ts";

export class Documents {
  private packs = new FetchOnce((p: number) =>
    this.load(`${this.manifest.docs}/${p}.json`).then((raw) => {
      if (!isDocPack(raw)) throw new Error(`search documents ${p} are malformed`);
      return raw;
    }),
  );

  constructor(
    private manifest: Pick<Manifest, "docs" | "pack">,
    private load: Load,
  ) {}

  /** Document i: its pack is fetched once, for every result it holds. */
  async get(i: number): Promise<DocFile> {
    const { pack } = this.manifest;
    const doc = (await this.packs.get(Math.floor(i / pack)))[i % pack];
    if (!doc) throw new Error(`search document ${i} is missing`);
    return doc;
  }
}
