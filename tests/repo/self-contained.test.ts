import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { files } from "../site/check-site.ts";
import { ROOT } from "../helpers.ts";

/** Folders whose files a clone runs: none of them may point outside the repository. */
const SCANNED = ["src", "tests", "templates", ".ci", ".github"];
const TOP_FILES = ["package.json", ".eleventy.ts", "tsconfig.json"];

/** Places a developer's machine has and a user's clone does not. */
const OUTSIDE =
  /(?:^|[\s"'`(=])(\/(?:work|home|root|mnt|Users)\/[^\s"'`)]*)|\bshared\/(?:feeds|samples|taxonomy|hooks)\b/g;
const RELATIVE = /(?:\.\.\/)+(?:\.\.(?![\w.])|[^\s"'`)$,;]*)/g;

/** The references in one file's text that lead outside `root`: relative paths that climb out, foreign absolute paths. */
export function outsideReferences(text: string, file: string, root: string): string[] {
  const out: string[] = [];
  const inside = (p: string) => {
    const rel = path.relative(root, p);
    return !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  for (const m of text.matchAll(RELATIVE)) {
    // a path may be read against the file's folder (import, new URL) or the working folder (the root)
    if (!inside(path.resolve(path.dirname(file), m[0])) && !inside(path.resolve(root, m[0]))) out.push(m[0]);
  }
  for (const m of text.matchAll(OUTSIDE)) out.push((m[1] ?? m[0]).trim());
  return out;
}

test("no file that a clone runs refers to a path outside the repository", () => {
  const scanned = [
    ...SCANNED.flatMap((dir) => files(path.join(ROOT, dir), "")),
    ...TOP_FILES.map((f) => path.join(ROOT, f)),
  ].filter(
    (f) =>
      !/\.(?:bin|png|woff2?)$/.test(f) && !f.endsWith(path.join("tests", "repo", "self-contained.test.ts")),
  );
  assert.ok(scanned.length > 50, `scanned only ${scanned.length} files`);
  const found = scanned.flatMap((f) =>
    outsideReferences(readFileSync(f, "utf8"), f, ROOT).map((ref) => `${path.relative(ROOT, f)}: ${ref}`),
  );
  assert.deepEqual(found, []);
});

test("the check finds references that climb out of the repository, and leaves inside ones alone", () => {
  const file = path.join(ROOT, "tests", "topics", "x.test.ts");
  // the development checkout's sibling folder, named only in pieces so this file never refers to it
  const sibling = ["sha", "red"].join("");
  assert.deepEqual(outsideReferences(`readFileSync("../../../${sibling}/feeds/a.json")`, file, ROOT), [
    `../../../${sibling}/feeds/a.json`,
    `${sibling}/feeds`,
  ]);
  assert.deepEqual(outsideReferences(`open("/work/${sibling}/x")`, file, ROOT), [`/work/${sibling}/x`]);
  assert.deepEqual(outsideReferences(`new URL("../../content/topics/", import.meta.url)`, file, ROOT), []);
  assert.deepEqual(
    outsideReferences(`new URL("../..", import.meta.url)`, path.join(ROOT, "src", "site", "a.ts"), ROOT),
    [],
  );
  assert.deepEqual(
    outsideReferences(`new URL("../../..", import.meta.url)`, path.join(ROOT, "src", "site", "a.ts"), ROOT),
    ["../../.."],
  );
  assert.deepEqual(outsideReferences(`executablePath: "/usr/bin/chromium"`, file, ROOT), []);
});
