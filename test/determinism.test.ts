import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildReports } from "../src/build.js";
import { loadConfig } from "../src/config.js";
import { weekPeriod } from "../src/model/period.js";
import { runBriefkit } from "./helpers.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function buildSample(): Promise<Record<string, string>> {
  const config = await loadConfig({ path: "briefkit.config.json", explicit: true });
  const period = weekPeriod("2025-W07");
  const { files } = await buildReports({ inputs: "inputs", templates: "templates", config, period, asOf: period.to, formats: ["xlsx", "pdf"] });
  return Object.fromEntries(files.map((file) => [file.name, sha256(file.bytes)]));
}

let realClockSums: Promise<Record<string, string>> | undefined;
/** The sample built once with the real clock, for the child processes to match. */
const sampleSums = () => (realClockSums ??= buildSample());

/**
 * Builds the sample week with the command line and returns the sha256 of
 * each file. A `TZ` given is the process's time zone for the run: Node
 * takes a new TZ at once.
 */
async function buildOnCommandLine(env: Record<string, string>, args = ["--week", "2025-W07"], minutesEast?: number): Promise<Record<string, string>> {
  const out = await mkdtemp(join(tmpdir(), "briefkit-determinism-"));
  const zone = process.env.TZ;
  if (env.TZ !== undefined) process.env.TZ = env.TZ;
  try {
    if (minutesEast !== undefined) expect(-new Date(Date.UTC(2025, 1, 16, 12)).getTimezoneOffset()).toBe(minutesEast);
    const { code, stderr } = await runBriefkit(["build", "--quiet", "--out", out, ...args], { env });
    expect([code, stderr]).toEqual([0, ""]);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
  const names = ["briefing-2025-W07.xlsx", "briefing-2025-W07.pdf"];
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, sha256(await readFile(join(out, name)))])));
}

describe("the same inputs, templates, options and as-of date ⇒ the same bytes", () => {
  afterEach(() => vi.useRealTimers());

  it("builds an hour apart, and years apart ⇒ the same sha256 for both files", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-03-03T09:00:00Z"));
    const first = await buildSample();
    vi.setSystemTime(new Date("2025-03-03T10:00:00Z"));
    const anHourLater = await buildSample();
    vi.setSystemTime(new Date("2031-12-31T23:59:30Z"));
    const yearsLater = await buildSample();
    expect(Object.keys(first)).toEqual(["briefing-2025-W07.xlsx", "briefing-2025-W07.pdf"]);
    expect(anHourLater).toEqual(first);
    expect(yearsLater).toEqual(first);
  });

  it("the command line with TZ set differently ⇒ the same sha256 for both files, and the same as the library's", async () => {
    // A day behind UTC for part of the day, half an hour off, and a day ahead.
    const zones = [["America/Lima", -300], ["Asia/Kolkata", 330], ["Pacific/Kiritimati", 840]] as const;
    const here = await sampleSums();
    for (const [TZ, minutesEast] of zones) {
      const sum = await buildOnCommandLine({ TZ }, undefined, minutesEast);
      expect(sum, TZ).toEqual(here);
    }
  }, 90_000);

  it("SOURCE_DATE_EPOCH inside 2025-W07 and no period ⇒ the same bytes as --week 2025-W07", async () => {
    // 2025-02-16T15:00:00Z, the Sunday that ends the week: the default as-of date is that day.
    const fromEpoch = await buildOnCommandLine({ SOURCE_DATE_EPOCH: "1739718000", TZ: "Asia/Tokyo" }, []);
    expect(fromEpoch).toEqual(await sampleSums());
  }, 60_000);

  it("SOURCE_DATE_EPOCH that is not a number ⇒ exit 2 with a message, nothing written", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "briefkit-determinism-")), "out");
    const run = await runBriefkit(["build", "--out", out], { env: { SOURCE_DATE_EPOCH: "last monday" } });
    expect(run).toMatchObject({ code: 2, stderr: 'briefkit: SOURCE_DATE_EPOCH "last monday" is not a number of seconds since 1970-01-01\n' });
    expect(existsSync(out)).toBe(false);
  });
});
