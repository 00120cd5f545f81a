#!/usr/bin/env node
// The installed entry point: loads the TypeScript CLI through tsx and hands it the real process.
import { register } from "tsx/esm/api";

// a reader that closes the pipe early (`| head`) is not an error
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

register();
const { tuneHeap } = await import("../site/heap.ts");
tuneHeap();
const { main } = await import("./main.ts");
try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  });
} catch (err) {
  process.stderr.write(`paper-digest: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.PAPER_DIGEST_DEBUG) console.error(err);
  process.exitCode = 1;
}
