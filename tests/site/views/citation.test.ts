import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isJournalName, safeJson } from "../../../src/site/views/citation.ts";

test("JSON-LD is ASCII, parses back to the same value and cannot end its script", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
      const json = safeJson({ headline: text });
      assert.ok([...json].every((c) => c.charCodeAt(0) < 128));
      assert.ok(!/[<>&]/.test(json));
      assert.deepEqual(JSON.parse(json), { headline: text });
    }),
    { numRuns: 500 },
  );
});

test("citation_journal_title takes a journal's name, never a whole reference (real arXiv journal_ref strings)", () => {
  // journal_ref values of real arXiv API answers (tests/fixtures/feeds/README.md, "Items 8, 9, 11")
  for (const ref of [
    "J. Chem. Phys. 115, 1626 (2001)",
    "Phys. Rev. B 61, 13484 (2000)",
    "Phy. Rev. A 69, 024301 (2004)",
    "Eur.Phys.J. C31 (2003) 17-29",
    "JETP Lett.86:559-561,2008",
    "Science China Mathematics, 2023, Vol. 66, No. 10, pp. 2361-2384",
    "Int. J. Mod. Phys. B, 26, 1244002 (2012)",
    "Phys. Rev. D 108, 014512 (2023)",
    "NeurIPS 2024",
    "Accepted to Physical Review Letters",
    "To appear in Journal of Machine Learning Research",
  ])
    assert.equal(isJournalName(ref), false, ref);
  for (const name of [
    "Physical Review Letters",
    "J. ACM",
    "Nature Communications",
    "Transactions on Machine Learning Research",
  ])
    assert.equal(isJournalName(name), true, name);
});
