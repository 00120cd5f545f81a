// Turns the browser section's visits into the tables `npm run bench` prints: medians per engine and
// their ratio, per query, and where the requests and bytes go.
import { gzipSync } from "node:zlib";
import type { Served, Timed, Visit } from "./browser.ts";
import { median } from "./stats.ts";

export type Row = Record<string, string | number>;

const gzipped = new Map<string, number>();
/** A body's size gzipped at level 9; a path of one size is one file, so its size is kept. */
function gzipBytes(r: Served): number {
  const key = `${r.path} ${r.body.length}`;
  return gzipped.get(key) ?? gzipped.set(key, gzipSync(r.body, { level: 9 }).length).get(key)!;
}

const raw = (rs: Served[]) => rs.reduce((a, r) => a + r.body.length, 0);
const gzip = (rs: Served[]) => rs.reduce((a, r) => a + gzipBytes(r), 0);
const round = (x: number, d = 1) => Number(x.toFixed(d));
const kb = (bytes: number) => round(bytes / 1024);
const all = (ts: Timed[]) => ts.flatMap((t) => t.responses);

/** One row per engine, and a last row of ours ÷ Pagefind. */
export function engineRows(visits: Visit[], engines: readonly string[]): Row[] {
  const rows: Row[] = engines.map((engine) => {
    const vs = visits.filter((v) => v.engine === engine);
    return {
      engine,
      "cold ms": round(median(vs.map((v) => v.cold.ms))),
      "warm ms": round(median(vs.flatMap((v) => v.warm.map((w) => w.ms)))),
      "KB gzip": kb(median(vs.map((v) => gzip(v.cold.responses)))),
      "KB raw": kb(median(vs.map((v) => raw(v.cold.responses)))),
      requests: median(vs.map((v) => v.cold.responses.length)),
      "warm requests (10 q)": median(vs.map((v) => all(v.warm).length)),
      "warm KB gzip (10 q)": kb(median(vs.map((v) => gzip(all(v.warm))))),
    };
  });
  const [ours, peer] = rows as [Row, Row];
  const ratio: Row = { engine: `${engines[0]} ÷ ${engines[1]}` };
  for (const k of Object.keys(ours).slice(1)) ratio[k] = round(Number(ours[k]) / Number(peer[k]), 2);
  return [...rows, ratio];
}

type Phase = "cold" | "warm";

/** One engine's timed queries of a phase, and the queries in the order first asked. */
function timedOf(visits: Visit[], engine: string, phase: Phase): Timed[] {
  return visits.filter((v) => v.engine === engine).flatMap((v) => (phase === "cold" ? [v.cold] : v.warm));
}
const queriesOf = (timed: Timed[]) => [...new Set(timed.map((t) => t.query))];

/** Per query (cold or warm), per engine: median time, requests and KB gzip. */
export function queryRows(visits: Visit[], engines: readonly string[], phase: Phase): Row[] {
  return queriesOf(timedOf(visits, engines[0]!, phase)).map((query) => {
    const row: Row = { [`${phase} query`]: query };
    for (const engine of engines) {
      const ts = timedOf(visits, engine, phase).filter((t) => t.query === query);
      row[`${engine} ms`] = round(median(ts.map((t) => t.ms)));
      row[`${engine} req`] = median(ts.map((t) => t.responses.length));
      row[`${engine} KB gz`] = kb(median(ts.map((t) => gzip(t.responses))));
    }
    return row;
  });
}

const KINDS: [string, RegExp][] = [
  ["documents", /\/search\/d-|\.pf_fragment$/],
  ["index", /\/search\/|pagefind-entry\.json$|\.pf_meta$|\.pf_index$/],
  ["scripts", /\.js$|\/wasm\.[^/]+$/],
  ["page", /./],
];
const kindOf = (r: Served) => KINDS.find(([, re]) => re.test(r.path))![0];

/** Where one engine's first visit spent its requests and bytes: "requests / KB gzip" per kind. */
export function kindRows(visits: Visit[], engines: readonly string[]): Row[] {
  const rows: Row[] = [];
  for (const engine of engines) {
    const first = visits.find((v) => v.engine === engine)!;
    for (const [label, rs] of [
      [`cold “${first.cold.query}”`, first.cold.responses],
      ["10 warm queries", all(first.warm)],
    ] as const) {
      const row: Row = { engine, queries: label };
      for (const [kind] of KINDS) {
        const of = rs.filter((r) => kindOf(r) === kind);
        row[kind] = of.length ? `${of.length} / ${kb(gzip(of))}` : "0";
      }
      rows.push(row);
    }
  }
  return rows;
}

/**
 * The per-query time ratios of ours ÷ the peer (medians as measured, not as printed), as the issue
 * states its targets: their geometric mean, and the query where ours comes closest to (or passes)
 * the peer's time.
 */
export function ratioLine(visits: Visit[], engines: readonly string[], phase: Phase): string {
  const ms = (engine: string, query: string) =>
    median(
      timedOf(visits, engine, phase)
        .filter((t) => t.query === query)
        .map((t) => t.ms),
    );
  const ratios = queriesOf(timedOf(visits, engines[0]!, phase)).map((query) => ({
    query,
    ratio: ms(engines[0]!, query) / ms(engines[1]!, query),
  }));
  const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r.ratio), 0) / ratios.length);
  const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return `${phase}, ${engines[0]} ÷ ${engines[1]} per query: geometric mean ${round(geo, 2)}, highest ${round(worst.ratio, 2)} (“${worst.query}”)`;
}
