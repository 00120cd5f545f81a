import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ROOT } from "../helpers.ts";

const load = (name: string) => parse(readFileSync(`${ROOT}/.github/workflows/${name}`, "utf8"));

test("pages.yml: push to main on content/src/templates and by hand; least permissions; one concurrency group; test, build with base, upload, deploy", () => {
  const w = load("pages.yml");
  assert.deepEqual(w.on.push.branches, ["main"]);
  for (const p of ["content/**", "src/**", "templates/**"]) assert.ok(w.on.push.paths.includes(p), p);
  assert.ok("workflow_dispatch" in w.on);
  assert.deepEqual(w.permissions, { contents: "read", pages: "write", "id-token": "write" });
  assert.equal(w.concurrency.group, "pages");
  const steps = w.jobs.build.steps;
  const setup = steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/setup-node"));
  assert.equal(setup.with["node-version"], 20);
  assert.equal(setup.with.cache, "npm");
  const runs = steps.map((s: { run?: string }) => s.run ?? "");
  assert.ok(runs.includes("npm ci"));
  assert.ok(runs.includes("npm test"));
  assert.ok(runs.some((r: string) => r.includes('--base "/${{ github.event.repository.name }}/"')));
  assert.ok(steps.some((s: { uses?: string }) => s.uses?.startsWith("actions/upload-pages-artifact")));
  assert.ok(w.jobs.deploy.steps.some((s: { uses?: string }) => s.uses?.startsWith("actions/deploy-pages")));
  assert.deepEqual(w.jobs.deploy.needs, "build");
});

test("check-feeds.yml: pull requests touching content/feeds run check --format github on the changed dumps", () => {
  const w = load("check-feeds.yml");
  assert.deepEqual(w.on.pull_request.paths, ["content/feeds/**"]);
  const run = w.jobs.check.steps.map((s: { run?: string }) => s.run ?? "").join("\n");
  assert.match(run, /git diff --name-only[^\n]*content\/feeds\/\*\.txt/);
  assert.match(run, /npx paper-digest check --format github \$changed/);
  assert.deepEqual(w.permissions, { contents: "read" });
});
