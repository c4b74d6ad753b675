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
