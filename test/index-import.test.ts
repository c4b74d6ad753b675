import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const INDEX = new URL("../dist/index.js", import.meta.url).href;

// Runs in a child process: a module resolve hook (on its own thread) posts every URL the import resolves.
const SCRIPT = `
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";
const hooks = \`
  let port;
  export function initialize(data) { port = data.port; }
  export async function resolve(specifier, context, next) {
    const result = await next(specifier, context);
    port.postMessage(result.url);
    return result;
  }
\`;
const { port1, port2 } = new MessageChannel();
const resolved = [];
port1.on("message", (url) => resolved.push(url));
register("data:text/javascript," + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] });
const events = ["exit", "beforeExit", "SIGINT", "SIGTERM", "uncaughtException", "unhandledRejection"];
const count = () => Object.fromEntries(events.map((event) => [event, process.listenerCount(event)]));
const registries = [];
const Registry = globalThis.FinalizationRegistry;
globalThis.FinalizationRegistry = class extends Registry { constructor(...args) { super(...args); registries.push(1); } };
const before = count();
const library = await import(${JSON.stringify(INDEX)});
const after = count();
// Let the hook thread's last messages arrive.
await new Promise((done) => setTimeout(done, 100));
port1.close();
process.stdout.write(JSON.stringify({ exports: Object.keys(library).length, before, after, registries: registries.length, resolved }));
`;

describe("import \"briefkit\"", () => {
  it("⇒ no renderer or PDF reader loaded, no process listener, no FinalizationRegistry", () => {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", SCRIPT], { encoding: "utf8" });
    const { exports, before, after, registries, resolved } = JSON.parse(out) as { exports: number; before: object; after: object; registries: number; resolved: string[] };
    expect(exports).toBeGreaterThan(10);
    expect(resolved.some((url) => url.endsWith("/dist/build.js"))).toBe(true);
    expect(resolved.filter((url) => /\/node_modules\/(exceljs|pdfkit|pdfjs-dist)\//.test(url))).toEqual([]);
    expect(after).toEqual(before);
    expect(registries).toBe(0);
  });

  it("briefkit/inspect ⇒ the readers of workbooks and packets, which briefkit itself no longer exports", () => {
    const script = 'const [main, inspect] = await Promise.all([import("briefkit"), import("briefkit/inspect")]); process.stdout.write(JSON.stringify([Object.keys(main), Object.keys(inspect)]));';
    const [main, inspect] = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as string[][];
    expect(inspect!.sort()).toEqual(["inspectFile", "inspectPdf", "inspectReport", "inspectWorkbook"]);
    expect(main!.filter((name) => name.startsWith("inspect"))).toEqual([]);
    expect(main).toContain("build");
  });
});
