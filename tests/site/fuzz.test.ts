import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { runCli, tempDir } from "../helpers.ts";
import { files } from "./check-site.ts";
import { pageText, unsafeMarkup } from "./safety.ts";
import { looksLikeAbstract, isDateLine, isKnownHeader } from "../../src/feed/paragraphs.ts";
import { squash, stripInvisible } from "../../src/common/text.ts";
import { slugify } from "../../src/feed/slug.ts";
import { readableText } from "../../src/render/plain.ts";

const nasty = fc.constantFrom(
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "{{ 7*7 }}",
  "{% raw %}",
  "{# x #}",
  "**bold**",
  "[x](javascript:alert(1))",
  "<!--",
  "]]>",
  "&amp;",
  "</script>",
  "\u2028",
  "`code`",
  "# head",
  "$x$",
  "\\( x \\)",
  "<a href=//evil.example>",
);
const chunk = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
  nasty,
  fc.constantFrom("Mamba", "attention", "state space"),
);
const line = fc
  .array(chunk, { minLength: 1, maxLength: 8 })
  .map((cs) => cs.join(" ").replace(/[\r\n]+/g, " "));

/** What the parser keeps of a text, so the page can be searched for it. */
const kept = (s: string) => squash(stripInvisible(s).text.normalize("NFC"));

test("fuzz: random Unicode, markup, template and Markdown text is escaped everywhere and never dropped", async (t) => {
  const dir = tempDir(t);
  let builds = 0;
  let papers = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(line, line), { minLength: 5, maxLength: 20 }), async (pairs) => {
      const entries = pairs.map(([title, body], i) => ({
        title: `${kept(title)} n${i}`,
        abstract: `${kept(body)}. This is prose for paper ${i}, written to be long enough to read as an abstract. It has sentences.`,
      }));
      const usable = entries.filter(
        (e) =>
          looksLikeAbstract(e.abstract) &&
          !looksLikeAbstract(e.title) &&
          !isDateLine(e.title) &&
          !isKnownHeader(e.title) &&
          kept(e.title).length > 0,
      );
      fc.pre(usable.length > 0);
      const feed = path.join(dir, `fuzz-${builds}.txt`);
      writeFileSync(feed, ["Mar 12", ...usable.flatMap((e) => [e.title, e.abstract])].join("\n\n") + "\n");
      const out = path.join(dir, `site-${builds}`);
      const r = await runCli(["build", feed, "--out", out]);
      builds++;
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(unsafeMarkup(out), []);
      const pages = files(path.join(out, "papers"), "index.html");
      assert.equal(pages.length, usable.length);
      const allText = pages.map(pageText).join("\n");
      for (const e of usable) {
        papers++;
        // the title as headings show it: as written, its math as readable text
        // white space as the page text reads it (a TeX tie "~" is a no-break space)
        const shown = readableText(kept(e.title)).replace(/\s+/g, " ");
        assert.ok(allText.includes(shown), `title missing: ${JSON.stringify(e.title)}`);
        assert.ok(
          pages.some((p) => p.includes(slugify(kept(e.title)).slice(0, 20))),
          `no page for ${JSON.stringify(e.title)}`,
        );
      }
    }),
    { numRuns: 8, endOnFailure: true },
  );
  t.diagnostic(`fuzz: ${builds} builds, ${papers} papers`);
});
