import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parse } from "@retorquere/bibtex-parser";
import { bibtex, citationKey, uniqueKeys } from "../../src/render/bibtex.ts";

const read = (text: string) => {
  const r = parse(text, { sentenceCase: false });
  assert.deepEqual(r.errors, [], text);
  assert.equal(r.entries.length, 1, text);
  return r.entries[0]!;
};

test("an arXiv paper's entry: @misc with eprint, archivePrefix, primaryClass and url", () => {
  const text = bibtex({
    title: "Efficiently Modeling Long Sequences with Structured State Spaces",
    authors: ["Albert Gu", "Karan Goel", "Christopher Ré"],
    date: "2021-10-31",
    arxivId: "2111.00396",
    categories: ["cs.LG", "cs.AI"],
    url: "https://arxiv.org/abs/2111.00396",
  });
  const e = read(text);
  assert.equal(e.type, "misc");
  assert.equal(e.key, "gu2021efficiently");
  assert.equal(e.fields.title, "Efficiently Modeling Long Sequences with Structured State Spaces");
  assert.deepEqual(
    (e.fields.author as { lastName?: string }[]).map((a) => a.lastName),
    ["Gu", "Goel", "Ré"],
  );
  assert.equal(e.fields.year, "2021");
  assert.equal(e.fields.eprint, "2111.00396");
  assert.equal(e.fields.archiveprefix, "arXiv");
  assert.equal(e.fields.primaryclass, "cs.LG");
  assert.equal(e.fields.url, "https://arxiv.org/abs/2111.00396");
});

test("a paper without an id: title, year and the site's URL; no arXiv fields", () => {
  const e = read(
    bibtex({
      title: "A Pasted Paper",
      date: "2025-03-11",
      url: "https://example.org/papers/a-pasted-paper/",
    }),
  );
  assert.equal(e.key, "2025pasted");
  assert.equal(e.fields.eprint, undefined);
  assert.equal(e.fields.url, "https://example.org/papers/a-pasted-paper/");
});

test("hostile text stays inside its field: braces, backslashes, comments, 'and' in a name, @ and commas", () => {
  const title = "}, author = {Evil} } @misc{x, title={pwned} \\end{document} 100% $x_1$ & #1 ~ ^ {";
  const text = bibtex({
    title,
    authors: ["Tom and Jerry", "Doe, Jane", "\\input{/etc/passwd}", "}{"],
    date: "2024-01-01",
    arxivId: "2401.00001",
    doi: "10.1/x}y{z\\",
    url: "https://arxiv.org/abs/2401.00001",
  });
  const e = read(text);
  // a `~` between spaces is plain text, not a tie: everything prints as written
  assert.equal(e.fields.title, title.replace(/\s+/g, " ").trim());
  const names = (e.fields.author as { name?: string; lastName?: string; firstName?: string }[]).map(
    (a) => a.name ?? [a.firstName, a.lastName].filter(Boolean).join(" "),
  );
  assert.deepEqual(names, ["Tom and Jerry", "Doe, Jane", "\\input{/etc/passwd}", "}{"]);
  assert.equal(e.fields.doi, "10.1/xyz");
  assert.doesNotMatch(text, /\\input\{/, "no command survives unescaped");
});

test("property: any title and authors give one entry that parses, with the title as given", () => {
  const text = fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 120 })
    .filter((s) => s.trim().length > 0);
  fc.assert(
    fc.property(text, fc.array(text, { maxLength: 5 }), (title, authors) => {
      const e = read(bibtex({ title, authors, date: "2024-05-06", url: "https://example.org/p/" }));
      // a title with TeX's own marks is read as TeX (next test), and a no-break space is TeX's tie
      // `~`, which reads back as itself while white space collapses; any other prints exactly as given
      if (!/[\\~`'{\u00a0-]/.test(title)) assert.equal(e.fields.title, title.replace(/\s+/g, " ").trim());
      assert.equal((e.fields.author as unknown[] | undefined)?.length ?? 0, authors.length);
    }),
    { numRuns: 300 },
  );
});

test("a TeX title stays TeX: escapes not doubled, text commands kept, formulas and unknown commands escaped", () => {
  const title =
    "94.5\\% on \\emph{GSM8K} \\& \\textbf{MATH} -- a ``robust'' \\texttt{code\\_x} study~now $x_1$ \\input{f}";
  const text = bibtex({ title, date: "2024-01-01", url: "https://example.org/p/" });
  assert.match(
    text,
    /title += \{\{94\.5\\% on \\emph\{GSM8K\} \\& \\textbf\{MATH\} -- a ``robust'' \\texttt\{code\\_x\} study~now /,
  );
  assert.doesNotMatch(text, /\\textbackslash\{\}%|\\input\{/, "\\% not escaped twice; no feed command runs");
  const e = read(text);
  assert.equal(
    e.fields.title,
    "94.5% on <i>GSM8K</i> & <b>MATH</b> – a “robust” <code>code_x</code> study\u00a0now $x_1$ \\input{f}",
  );
});

test("citation keys are ASCII: last name, year, first long word", () => {
  assert.equal(
    citationKey({ title: "Ünïcode Título Largo", authors: ["José Ñúñez"], date: "2020-01-01" }),
    "nunez2020unicode",
  );
  assert.equal(citationKey({ title: "", authors: [], date: undefined }), "paper");
});

test("unique keys: the first keeps its key, later ones get a, b, … and never a key already taken", () => {
  const keys = uniqueKeys([
    { id: "1", key: "2025chimera" },
    { id: "2", key: "2025chimera" },
    { id: "3", key: "2025chimeraa" },
    { id: "4", key: "2025chimera" },
    { id: "5", key: "gu2021efficiently" },
  ]);
  assert.deepEqual(
    [...keys.values()],
    ["2025chimera", "2025chimeraa", "2025chimeraaa", "2025chimerab", "gu2021efficiently"],
  );
  const many = uniqueKeys(Array.from({ length: 30 }, (_, i) => ({ id: String(i), key: "k" })));
  assert.equal(new Set(many.values()).size, 30);
  assert.equal(many.get("27"), "kaa");
  const e = read(
    bibtex({ title: "Chimera", date: "2025-03-11", url: "https://example.org/p/", key: "2025chimeraa" }),
  );
  assert.equal(e.key, "2025chimeraa");
});

test("a key is made from the title as read: \\emph{Sparse} gives sparse", () => {
  assert.equal(
    citationKey({ title: "\\emph{Sparse} Models", authors: ["A Gu"], date: "2024-01-01" }),
    "gu2024sparse",
  );
});
