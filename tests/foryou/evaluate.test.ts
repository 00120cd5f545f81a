// The quality targets of issue 23, item 6, on the shipped hand labels (deterministic: seeded splits).
import { test } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "../helpers.ts";

test("eval-foryou: the chosen method meets MAP ≥ 0.85 and P@5 ≥ 0.80 on-site, MAP ≥ 0.80 text-only, and beats TF-IDF alone", async () => {
  const r = await runCli(["eval-foryou"]);
  assert.equal(r.code, 0, r.stderr);
  const random = r.stdout.split("\n\n").find((t) => t.includes("random halvings"))!;
  const row = (name: string) => {
    const cells = random
      .split("\n")
      .find((l) => l.slice(2).startsWith(name + " "))!
      .match(/\d\.\d{3}/g)!
      .map(Number);
    return { map: cells[0]!, p5: cells[1]!, textMap: cells[3]!, textP5: cells[4]! };
  };
  const won = row("nearest+topics");
  assert.match(random, /\* nearest\+topics/);
  assert.ok(won.map >= 0.85, `on-site MAP ${won.map}`);
  assert.ok(won.p5 >= 0.8, `on-site P@5 ${won.p5}`);
  assert.ok(won.textMap >= 0.8, `text-only MAP ${won.textMap}`);
  assert.ok(won.map > row("centroid").map + 0.2);
  assert.ok(row("random").map < 0.3);
});
