import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli, tempDir } from "../helpers.ts";
import { syntheticDump } from "../bench/synthetic.ts";
import { validateHtml } from "./check-site.ts";
import { trendProject } from "./trend-site.ts";

// Charts cover a window of recent weeks: one 2016 dump among 2026 dumps neither stretches them
// over ten years nor makes the pages heavier, and a week without digests is a gap.

let recent = "";
let withOld = "";

before(async () => {
  const dir = tempDir({ after: (fn) => process.on("exit", fn) });
  const root = trendProject(path.join(dir, "recent"), 28, "2026-01-05");
  // no digests in the week of Jan 19 (2026-W04): a gap inside the window
  for (let day = 19; day <= 25; day++)
    rmSync(path.join(root, "content/feeds", `2026-01-${day}-trending.txt`));
  const old = path.join(dir, "old");
  cpSync(root, old, { recursive: true });
  writeFileSync(path.join(old, "content/feeds/2016-03-07-trending.txt"), syntheticDump(50, 999, "Mar 7"));
  recent = path.join(dir, "site-recent");
  withOld = path.join(dir, "site-old");
  for (const [project, out] of [
    [root, recent],
    [old, withOld],
  ] as const) {
    const r = await runCli(["build", "--out", out], project);
    assert.equal(r.code, 0, r.stderr);
  }
});

const read = (site: string, p: string) => readFileSync(path.join(site, p), "utf8");
const size = (site: string, p: string) => statSync(path.join(site, p)).size;
const descs = (html: string) =>
  [...html.matchAll(/<desc id="spark-[a-z-]+-desc">([^<]*)<\/desc>/g)].map((m) => m[1]);

test("a 2016 dump among 2026 dumps: /topics/ and a topic page weigh about the same, with the same charts", () => {
  for (const p of ["topics/index.html", "topics/state-space-models/index.html"]) {
    const grew = size(withOld, p) - size(recent, p);
    assert.ok(grew >= 0 && grew < 400, `${p} grew by ${grew} bytes`);
  }
  const topics = read(withOld, "topics/index.html");
  assert.deepEqual(descs(topics), descs(read(recent, "topics/index.html")));
  assert.ok(descs(topics).length >= 10);
  assert.ok(descs(topics).every((d) => d!.includes("(weeks of Jan 5, 2026 to Jan 26, 2026)")));
});

test("the pages say what span the charts cover, and what they leave out", () => {
  for (const p of ["topics/index.html", "topics/state-space-models/index.html"]) {
    const html = read(withOld, p);
    assert.match(
      html,
      /Papers a week over 4 ISO weeks \(Monday to Sunday\), week of Jan 5, 2026 to week of Jan 26, 2026\. One week has no digest: a gap/,
      p,
    );
    assert.match(
      html,
      /Charts show at most the newest 26 weeks: 1 day of digests \(Mar 7, 2016\) before them is left out\./,
      p,
    );
    assert.doesNotMatch(read(recent, p), /left out/, p);
  }
});

test("a week without digests is a gap: the sparkline breaks, the bars give way to a band, the table says so", () => {
  const topics = read(recent, "topics/index.html");
  const spark = topics.match(/<svg class="spark-line"[\s\S]*?<\/svg>/)![0];
  // Jan 5 to 18 is a line, then the gap, then the week of Jan 26 alone: a dot
  assert.equal(spark.match(/<polyline /g)?.length, 1);
  assert.equal(spark.match(/class="spark-dot"/g)?.length, 1);
  assert.equal(spark.match(/class="spark-gap"/g)?.length, 1);
  assert.match(spark, /<desc [^>]*>4 weeks \(1 without digests\), /);
  const topic = read(recent, "topics/state-space-models/index.html");
  assert.match(topic, /<rect class="trend-gap" x="20" y="0" width="10" height="100"><\/rect>/);
  assert.match(topic, /<tr><td>2026-W04<\/td><td>Jan 19, 2026<\/td><td>0<\/td><td>no digest<\/td><\/tr>/);
  // the home page compares the newest week with the weeks with digests before it
  assert.match(read(recent, "index.html"), /against the mean of the two weeks with digests before;/);
});

test("html-validate finds nothing on the pages with gaps", async () => {
  assert.deepEqual(await validateHtml(recent, (p) => p === "index.html" || p.startsWith("topics/")), []);
});
