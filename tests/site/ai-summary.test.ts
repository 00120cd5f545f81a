import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, runCli, tempDir } from "../helpers.ts";

// Hugging Face's AI summary as readers see it: a labelled line on cards and on the paper page
const FIXTURE = path.join(ROOT, "tests/fixtures/feeds/hf-daily-ai-summary-2026-03-23.json");
const LABEL = '<span class="tldr-label">AI summary (Hugging Face):</span>';
const AGENTS =
  "Several software engineering agents working asynchronously on one repository, with branch isolation and a shared task board, resolve more issues at the same cost.";

let out = "";
before(async () => {
  const dir = tempDir({ after: (fn) => process.on("exit", fn) });
  const items = JSON.parse(readFileSync(FIXTURE, "utf8")) as { paper: Record<string, unknown> }[];
  items[2]!.paper.ai_summary = 'Calibrated <img src=x onerror="alert(1)"> {{ 7*7 }} answers.';
  const feed = path.join(dir, "2026-03-23-hf-daily.json");
  writeFileSync(feed, JSON.stringify(items, null, 2));
  out = path.join(dir, "site");
  const r = await runCli(["build", "content/feeds/2025-03-11-trending.txt", feed, "--out", out]);
  assert.equal(r.code, 0, r.stderr);
});

const page = (p: string) => readFileSync(path.join(out, p), "utf8");
const cardOf = (html: string, title: string) => {
  const cards = html.split('<li class="card"').slice(1);
  return cards.find((c) => c.includes(`>${title}</a>`));
};

test("cards on the home page, the digest and topic pages carry the summary once, labelled, as text", () => {
  const pages = [
    "index.html",
    ...readdirSync(path.join(out, "digests"))
      .filter((k) => k.includes("hf"))
      .map((k) => `digests/${k}/index.html`),
  ];
  assert.equal(pages.length, 2);
  for (const p of pages) {
    const html = page(p);
    const card = cardOf(html, "Effective Strategies for Asynchronous Software Engineering Agents")!;
    assert.ok(card, p);
    assert.equal(card.split(AGENTS).length, 2, `${p}: the summary once, not again in data attributes`);
    assert.ok(card.includes(`<p class="tldr">${LABEL} ${AGENTS}</p>`), p);
    // TeX in a summary is written out as text, as in excerpts
    const routers = cardOf(html, "Sparse Mixture Routers Without Load Balancing Losses")!;
    assert.match(
      routers,
      /<p class="tldr">[^<]*<span[^>]*>[^<]*<\/span> A batch-normalised router gives every expert O\(N\/E\) tokens/,
    );
    assert.doesNotMatch(routers, /\$O\(N/);
  }
  // papers no dump gave a summary for have no such line
  const pasted = page("digests/2025-03-11/index.html").split('<li class="card"').slice(1);
  assert.equal(pasted.length, 50);
  assert.ok(pasted.every((c) => !c.includes("tldr")));
  const topics = readdirSync(path.join(out, "topics")).filter((t) => !t.includes("."));
  const withTldr = topics.filter((t) => page(`topics/${t}/index.html`).includes(`<p class="tldr">${LABEL}`));
  assert.ok(withTldr.length > 0, "a topic page's cards show it too");
});

test("the paper page shows the whole summary, labelled as the service's, before the abstract", () => {
  const html = page("papers/effective-strategies-for-asynchronous-software-engineering-agents/index.html");
  const at = html.indexOf(`<p class="tldr">${LABEL} ${AGENTS}</p>`);
  assert.ok(at > 0);
  assert.ok(at < html.indexOf('id="abstract-heading"'));
});

test("markup and template syntax in a summary stay text", () => {
  const html = page("papers/calibrated-uncertainty-for-retrieval-augmented-question-answering/index.html");
  assert.ok(
    html.includes(
      `${LABEL} Calibrated &lt;img src=x onerror=&quot;alert(1)&quot;&gt; {{ 7*7 }} answers.</p>`,
    ),
  );
  assert.doesNotMatch(html, /<img src=x/);
});
