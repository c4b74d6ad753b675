#!/usr/bin/env node
import { keepHeapSmall } from "./cli/heap.js";
import { abortOnSignals } from "./cli/interrupt.js";
import { runCli } from "./cli/program.js";

// The one place that touches the process: heap flag, signals, exit code. Each command lives in src/cli/.
keepHeapSmall();
const controller = new AbortController();
abortOnSignals(controller);
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  signal: controller.signal,
});
// A stopped build may leave a stream of a renderer open; its temporary files are gone, so end now.
if (controller.signal.aborted) process.exit(code);
process.exitCode = code;
