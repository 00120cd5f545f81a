import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { files } from "../site/check-site.ts";
import { ROOT } from "../helpers.ts";

/**
 * The one module of the command line that may reach the network; the browser's search worker and
 * For you's fetching module are not Node's (they fetch the site's own files).
 */
const ALLOWED = ["src/client/foryou/site-data.ts", "src/client/search/worker.ts", "src/feed/download.ts"];
const NETWORK = /\bfetch\(|from "node:(?:http|https|net|tls|dgram)"|from "undici"/;

test("only src/feed/download.ts touches the network", () => {
  const touching = files(path.join(ROOT, "src"), ".ts")
    .map((f) => path.relative(ROOT, f))
    .filter((f) => NETWORK.test(readFileSync(path.join(ROOT, f), "utf8")));
  assert.deepEqual(touching, ALLOWED);
});
