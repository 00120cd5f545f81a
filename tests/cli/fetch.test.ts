// `paper-digest fetch` against a local HTTP server on 127.0.0.1 that plays Hugging Face and arXiv:
// the sample dumps at their paths, and every way a service fails. Never the internet.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ROOT, project, runCli } from "../helpers.ts";
import { treeHash } from "../site/check-site.ts";
import { DUMP_LIMIT } from "../../src/common/limits.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/feeds");
const HF = readFileSync(path.join(FIXTURES, "hf-daily-papers-2025-03-14.json"), "utf8");
const LISTING = readFileSync(path.join(FIXTURES, "arxiv-listing-cs.LG.rss.xml"), "utf8");
const API = readFileSync(path.join(FIXTURES, "arxiv-api-query.atom.xml"), "utf8");
const EMPTY_LISTING = LISTING.replace(/<item>[\s\S]*<\/item>\s*/, "");
// the first paper's title as a number: a JSON dump with a schema error at a line and column
const BROKEN = HF.replace('"title": "LongWriter', '"title": 42, "x": "LongWriter');
const NOW = () => new Date("2025-03-14T23:59:00Z");
const SMALL = { bytes: 4096, kind: "dump" };

type Handler = (res: ServerResponse, later: (ms: number, fn: () => void) => void) => void;

const send = (status: number, type: string, body: string | Buffer) => (res: ServerResponse) =>
  void res.writeHead(status, { "Content-Type": type }).end(body);

/** The routes, by path and query: each --url prefix below plays one case. */
const ROUTES: Record<string, Handler> = {
  "/ok/daily_papers?date=2025-03-14": send(200, "application/json", HF),
  "/ok/daily_papers?date=2025-03-15": send(200, "application/json", "[]"),
  "/changed/daily_papers?date=2025-03-14": send(
    200,
    "application/json",
    HF.replace("LongWriter:", "LongReader:"),
  ),
  // Hugging Face answers a day it has no list for with the papers of another day
  "/ok/daily_papers?date=2025-03-16": send(200, "application/json", HF),
  "/ok/cs.LG": send(200, "application/rss+xml", LISTING),
  // another category's listing, and an arXiv API answer, where the cs.LG listing was asked for
  "/other/cs.LG": send(200, "application/rss+xml", LISTING.replaceAll("cs.LG", "cs.CV")),
  "/api/cs.LG": send(200, "application/atom+xml", API),
  "/ok/cs.AI": send(200, "application/rss+xml", EMPTY_LISTING),
  "/e500/daily_papers?date=2025-03-14": send(500, "text/plain", "oops"),
  "/e404/daily_papers?date=2025-03-14": send(404, "text/plain", "no such page"),
  "/html/daily_papers?date=2025-03-14": send(
    200,
    "text/html",
    "<!DOCTYPE html><html><body>Sorry</body></html>",
  ),
  "/html/cs.LG": send(200, "text/html", "<!DOCTYPE html><html><body>Sorry</body></html>"),
  "/broken/daily_papers?date=2025-03-14": send(200, "application/json", BROKEN),
  "/binary/daily_papers?date=2025-03-14": send(
    200,
    "application/json",
    Buffer.from([0x5b, 0xff, 0xfe, 0x5d]),
  ),
  // answers long after the client's time-out
  "/slow/daily_papers?date=2025-03-14": (res, later) =>
    later(30_000, () => send(200, "application/json", HF)(res)),
  // streams 1 KB every 10 ms without end and without a length: the client must stop reading
  "/big/daily_papers?date=2025-03-14": (res, later) => {
    res.writeHead(200, { "Content-Type": "application/json" }).write("[");
    const more = () => res.write(" ".repeat(1024)) && later(10, more);
    more();
  },
};

interface Server {
  base: string;
  requests: IncomingMessage[];
}

/** Starts the fake services on 127.0.0.1 (port 0); on close, pending answers are ended. */
async function serve(t: { after: (fn: () => Promise<void>) => void }): Promise<Server> {
  const timers = new Set<NodeJS.Timeout>();
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    const later = (ms: number, fn: () => void) => {
      const timer = setTimeout(() => (timers.delete(timer), fn()), ms);
      timers.add(timer);
    };
    (ROUTES[req.url ?? ""] ?? send(404, "text/plain", "not found"))(res, later);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(async () => {
    for (const timer of timers) clearTimeout(timer);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** A port where nothing listens: a server's, once it has closed. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const feedsHash = (root: string) => treeHash(path.join(root, "content/feeds"));

test("fetch stores Hugging Face's day as <date>-hf-daily.json, byte for byte, and says what changed", async (t) => {
  const { base, requests } = await serve(t);
  const root = project(t);
  const r = await runCli(["fetch", "--url", `${base}/ok/`], root, { now: NOW });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(requests[0]?.url, "/ok/daily_papers?date=2025-03-14", "today in UTC, under the --url prefix");
  assert.match(requests[0]?.headers["user-agent"] ?? "", /^paper-digest\/\d+\.\d+\.\d+ \(/);
  assert.equal(requests[0]?.headers.accept, "application/json");
  assert.deepEqual(r.stdout.split("\n").slice(0, 5), [
    "added content/feeds/2025-03-14-hf-daily.json: 5 papers",
    "0 new papers",
    "5 papers seen before in earlier dumps",
    "no earlier dump of this kind to compare with",
    "",
  ]);
  assert.equal(readFileSync(path.join(root, "content/feeds/2025-03-14-hf-daily.json"), "utf8"), HF);
  const check = await runCli(["check"], root);
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stderr, /^59 papers, 0 errors, 0 warnings$/m);
});

test("fetch --source arxiv:cs.LG stores the listing under its own date and category", async (t) => {
  const { base, requests } = await serve(t);
  const root = project(t);
  const r = await runCli(["fetch", "--source", "arxiv:cs.LG", "--url", `${base}/ok`], root, { now: NOW });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(requests[0]?.url, "/ok/cs.LG");
  assert.match(r.stdout, /^added content\/feeds\/2025-01-16-arxiv-cs.LG.xml: 3 papers\n3 new papers\n/);
  assert.equal(readFileSync(path.join(root, "content/feeds/2025-01-16-arxiv-cs.LG.xml"), "utf8"), LISTING);
  assert.equal((await runCli(["check"], root)).code, 0);
});

test("fetch failures: one line, a documented exit code, content/feeds untouched", async (t) => {
  const { base } = await serve(t);
  const refused = await closedPort();
  const root = project(t);
  assert.equal((await runCli(["fetch", "--url", `${base}/ok`, "--date", "2025-03-14"], root)).code, 0);
  const hf = (prefix: string) => `${prefix}/daily_papers?date=2025-03-14`;
  const cases: [string, string[], number, RegExp][] = [
    [
      "HTTP 500",
      ["--url", `${base}/e500`],
      4,
      /^URL: error: the service answered HTTP 500 Internal Server Error$/,
    ],
    ["HTTP 404", ["--url", `${base}/e404`], 4, /^URL: error: the service answered HTTP 404 Not Found$/],
    [
      "time-out",
      ["--url", `${base}/slow`, "--timeout", "0.5"],
      4,
      /^URL: error: no complete answer within 0.5 s \(time-out\)$/,
    ],
    ["refused", ["--url", refused], 4, /^URL: error: cannot reach the service: connection refused$/],
    [
      "HTML",
      ["--url", `${base}/html`],
      1,
      /^URL: error: the answer is not JSON \(Content-Type text\/html\): it starts "<!DOCTYPE html><html><body>Sorry<\/body><…"$/,
    ],
    ["too big", ["--url", `${base}/big`], 1, /^URL: error: the answer is over 4 KB, the most a dump may be$/],
    [
      "not UTF-8",
      ["--url", `${base}/binary`],
      1,
      /^URL: error: the answer is not text: it is not valid UTF-8$/,
    ],
    [
      "copy",
      ["--url", `${base}/ok`],
      1,
      /^URL: error: an exact copy of content\/feeds\/2025-03-14-hf-daily.json is already in content\/feeds; nothing added$/,
    ],
  ];
  for (const [what, flags, code, line] of cases) {
    const before = feedsHash(root);
    const url = hf(flags[1]!);
    const r = await runCli(["fetch", "--date", "2025-03-14", ...flags], root, {
      dumpLimit: what === "too big" ? SMALL : DUMP_LIMIT,
    });
    assert.equal(r.code, code, `${what}: ${r.stderr}`);
    assert.equal(r.stderr.split("\n").length, 2, `${what}: one line: ${r.stderr}`);
    assert.match(r.stderr.trimEnd().replace(url, "URL"), line, what);
    assert.equal(r.stdout, "", what);
    assert.equal(feedsHash(root), before, `${what}: nothing written`);
  }
});

test("fetch refuses a broken dump with its FILE:LINE:COL diagnostics; the same day fetched again replaces it", async (t) => {
  const { base } = await serve(t);
  const root = project(t);
  const before = feedsHash(root);
  const url = `${base}/broken/daily_papers?date=2025-03-14`;
  const r = await runCli(["fetch", "--url", `${base}/broken`], root, { now: NOW });
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    `${url}:54:16: error: entry 1: paper.title: expected a string\n` +
      `${url}: not added: 1 error, 0 warnings; fix the errors above first\n`,
  );
  assert.equal(feedsHash(root), before);
  // a day already stored, then that day again after its upvotes or a title changed: an update
  assert.equal((await runCli(["fetch", "--url", `${base}/ok`], root, { now: NOW })).code, 0);
  const again = await runCli(["fetch", "--url", `${base}/changed`], root, { now: NOW });
  assert.equal(again.code, 0, again.stderr);
  assert.match(
    again.stdout,
    /^updated content\/feeds\/2025-03-14-hf-daily.json: 5 papers\ncontent\/feeds\/2025-03-14-hf-daily.json: replaces the stored dump of the same source and day \(Hugging Face daily papers, 2025-03-14\): 5 papers before, 5 now\n/,
  );
  const feedsNow = readdirSync(path.join(root, "content/feeds")).sort();
  assert.deepEqual(feedsNow, ["2025-03-11-trending.txt", "2025-03-14-hf-daily.json"]);
  const check = await runCli(["check"], root);
  assert.match(check.stderr, /, 0 errors, 0 warnings\n$/);
});

test("fetch checks what came back: another day, another listing or an API answer exits 6 and writes nothing", async (t) => {
  const { base } = await serve(t);
  const root = project(t);
  const before = feedsHash(root);
  const day = await runCli(["fetch", "--url", `${base}/ok`, "--date", "2025-03-16"], root);
  assert.equal(day.code, 6);
  assert.equal(
    day.stderr,
    `${base}/ok/daily_papers?date=2025-03-16: error: asked for the papers of 2025-03-16, ` +
      "but the answer holds the papers of 2025-03-14; nothing written\n",
  );
  const other = await runCli(["fetch", "--source", "arxiv:cs.LG", "--url", `${base}/other`], root);
  assert.equal(other.code, 6);
  assert.match(
    other.stderr,
    /\/other\/cs.LG: error: asked for the arXiv listing of cs.LG, but the answer is the arXiv listing of cs.CV; nothing written\n$/,
  );
  const api = await runCli(["fetch", "--source", "arxiv:cs.LG", "--url", `${base}/api`], root);
  assert.equal(api.code, 6);
  assert.match(
    api.stderr,
    /asked for the arXiv listing of cs.LG, but the answer is the arXiv API query "search_query=all:\\"long sequences\\"/,
  );
  assert.equal(feedsHash(root), before);
});

test("an empty day exits 5 with one line and writes nothing, for Hugging Face and for a listing", async (t) => {
  const { base } = await serve(t);
  const root = project(t);
  const before = feedsHash(root);
  const hf = await runCli(["fetch", "--url", `${base}/ok`, "--date", "2025-03-15"], root);
  assert.equal(hf.code, 5);
  assert.equal(
    hf.stderr,
    `${base}/ok/daily_papers?date=2025-03-15: nothing to fetch: Hugging Face lists no papers for 2025-03-15; nothing written\n`,
  );
  const listing = await runCli(["fetch", "--source", "arxiv:cs.AI", "--url", `${base}/ok`], root);
  assert.equal(listing.code, 5);
  assert.equal(
    listing.stderr,
    `${base}/ok/cs.AI: nothing to fetch: the listing has no papers; nothing written\n`,
  );
  assert.equal(feedsHash(root), before);
});

test("a listing for another day than --date, or an HTML page for a listing, is refused", async (t) => {
  const { base } = await serve(t);
  const root = project(t);
  const before = feedsHash(root);
  const r = await runCli(
    ["fetch", "--source", "arxiv:cs.LG", "--url", `${base}/ok`, "--date", "2025-01-17"],
    root,
  );
  assert.equal(r.code, 6);
  assert.equal(
    r.stderr,
    `${base}/ok/cs.LG: error: this listing is for 2025-01-16, not 2025-01-17; ` +
      "arXiv serves only its latest listing, so fetch it without --date; nothing written\n",
  );
  const html = await runCli(["fetch", "--source", "arxiv:cs.LG", "--url", `${base}/html`], root);
  assert.equal(html.code, 1);
  assert.match(
    html.stderr,
    /^http:.*\/html\/cs.LG: error: the answer is not XML \(Content-Type text\/html\)/,
  );
  assert.equal(feedsHash(root), before);
});

test("fetch usage errors exit 2 before any request", async (t) => {
  const { base, requests } = await serve(t);
  const root = project(t);
  const cases: [string[], RegExp][] = [
    [["--source", "reddit"], /--source "reddit": expected 'hf' or 'arxiv:<category>'/],
    [["--source", "arxiv:CS LG"], /--source "arxiv:CS LG"/],
    [["--date", "2025-3-1"], /--date "2025-3-1": expected YYYY-MM-DD/],
    [["--timeout", "0"], /--timeout "0": expected seconds/],
    [["--timeout", "soon"], /--timeout "soon": expected seconds/],
    [["--url", "ftp://example.org/"], /--url "ftp:\/\/example.org\/": expected an http: or https: URL/],
    [["--url", `${base}/ok?x=1`], /expected a base URL without a query or fragment/],
    [["--url", "not a url"], /expected an absolute URL/],
    [["file.json"], /takes no FILE arguments/],
  ];
  for (const [flags, message] of cases) {
    const r = await runCli(["fetch", ...flags], root, { now: NOW });
    assert.equal(r.code, 2, flags.join(" "));
    assert.match(r.stderr, message);
  }
  assert.equal(requests.length, 0);
  assert.deepEqual(readdirSync(path.join(root, "content/feeds")), ["2025-03-11-trending.txt"]);
  const help = await runCli(["fetch", "--help"]);
  assert.match(help.stdout, /<URL>\/daily_papers\?date=<date>, or <URL>\/<category>/);
});
