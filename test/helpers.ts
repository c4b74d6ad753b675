import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InputFiles } from "../src/inputs/load.js";

export const PARTNERS = "id,name,kind\nperu,Perú,country\nunited-states,United States,country\nfrance,France,country\n";
export const TOPICS = "id,name\ncybersecurity,Cybersecurity\nspace,Space\nmaritime-security,Maritime security\n";
export const ENGAGEMENTS_HEADER = "id,start_date,end_date,title,partners,topics,kind,status";

/** Input files from text, with sensible defaults for the ones a test does not care about. */
export function inputFiles(texts: Partial<Record<keyof InputFiles, string | null>>): InputFiles {
  const file = (name: string, text: string | null | undefined, fallback: string | null) => {
    const value = text === undefined ? fallback : text;
    return { path: `inputs/${name}`, bytes: value === null ? null : new TextEncoder().encode(value) };
  };
  return {
    engagements: file("engagements.csv", texts.engagements, `${ENGAGEMENTS_HEADER}\nE1,2025-02-11,,Talks,united-states,cybersecurity,talks,completed\n`),
    topics: file("cooperation-areas.csv", texts.topics, TOPICS),
    partners: file("partners.csv", texts.partners, PARTNERS),
    initiatives: file("initiatives.csv", texts.initiatives, null),
  };
}

/** A copy of the sample inputs in a fresh temporary folder. */
export async function copySamples(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "briefkit-test-"));
  await cp("inputs", join(dir, "inputs"), { recursive: true });
  return dir;
}

/** Replaces text in a file; fails the test if the text is not there. */
export async function editFile(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  await writeFile(path, text.replace(from, to));
}

/** What a command line run printed and gave. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `briefkit …args` in this process, as the bin entry does, and
 * collects what it prints. `cwd` is made the working folder for the run
 * (tests of a file run one at a time, so nothing else sees it).
 */
export async function runBriefkit(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; signal?: AbortSignal; isTTY?: boolean } = {}): Promise<CliRun> {
  const { runCli } = await import("../src/cli/program.js");
  const out = { stdout: "", stderr: "" };
  const home = process.cwd();
  if (options.cwd !== undefined) process.chdir(options.cwd);
  try {
    const code = await runCli(args, {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      cwd: process.cwd(),
      env: { ...process.env, ...options.env },
      isTTY: options.isTTY ?? false,
      signal: options.signal,
    });
    return { code, ...out };
  } finally {
    process.chdir(home);
  }
}
