import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { configJsonSchema } from "../config.js";
import { BriefkitError } from "../errors.js";
import { exampleConfig, exampleInputs, OFFICE_README } from "./examples.js";

/** A file of a new briefing folder, by its path inside the folder. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/**
 * The files of a new briefing folder: config and its JSON Schema, a copy of
 * the templates, example inputs and a README. Reads the templates; writes
 * nothing.
 */
export async function planScaffold(options: { templates: string; today: string; timeZone: string }): Promise<ScaffoldFile[]> {
  const templates = await readTree(options.templates);
  const inputs = Object.entries(exampleInputs(options.today)).map(([name, content]) => ({ path: `inputs/${name}`, content }));
  return [
    { path: "briefkit.config.json", content: exampleConfig(options.timeZone) },
    { path: "briefkit.config.schema.json", content: `${JSON.stringify(configJsonSchema(), null, 2)}\n` },
    { path: "README.md", content: OFFICE_README },
    ...inputs,
    ...templates.map((file) => ({ path: `templates/${file.path}`, content: file.content })),
  ];
}

/**
 * Writes the files into `dir`. Refuses, writing nothing, when any of them is
 * there already, unless `force`. Returns the paths written.
 */
export async function writeScaffold(options: { dir: string; files: readonly ScaffoldFile[]; force: boolean }): Promise<string[]> {
  const paths = options.files.map((file) => join(options.dir, file.path));
  const existing = paths.filter((path) => existsSync(path));
  if (existing.length > 0 && !options.force) {
    throw new BriefkitError({
      code: "usage",
      location: options.dir,
      message: `these files exist already: ${existing.join(", ")}; nothing was written (add --force to overwrite them)`,
    });
  }
  for (const [index, file] of options.files.entries()) {
    const path = paths[index]!;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  return paths;
}

async function readTree(root: string): Promise<ScaffoldFile[]> {
  const names = (await readdir(root, { recursive: true })).filter((name) => name.endsWith(".hbs")).sort();
  return Promise.all(names.map(async (name) => ({ path: name.split(sep).join("/"), content: await readFile(join(root, name), "utf8") })));
}
