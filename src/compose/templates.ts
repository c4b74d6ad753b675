import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { BriefkitError } from "../errors.js";
import type { TemplateSource } from "./environment.js";

/** The templates of a templates folder. */
export interface Templates {
  packet: TemplateSource;
  workbook: TemplateSource;
  labels: TemplateSource;
  partials: TemplateSource[];
}

export const PACKET_TEMPLATE = "packet.md.hbs";
export const WORKBOOK_TEMPLATE = "workbook.json.hbs";
export const LABELS_TEMPLATE = "labels.json.hbs";

/**
 * Reads `packet.md.hbs`, `workbook.json.hbs`, `labels.json.hbs` and any partials in
 * `partials/` (`*.md.hbs` or `*.json.hbs`) from a folder.
 */
export async function loadTemplates(dir: string): Promise<Templates> {
  const read = async (name: string): Promise<TemplateSource> => {
    const path = join(dir, name);
    try {
      return { name: path, source: await readFile(path, "utf8"), syntax: syntaxOf(name) };
    } catch (error) {
      throw new BriefkitError({
        code: "template",
        location: path,
        message: `${path}: cannot read the template (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        cause: error,
      });
    }
  };
  const partialNames = await readdir(join(dir, "partials")).catch(() => [] as string[]);
  return {
    packet: await read(PACKET_TEMPLATE),
    workbook: await read(WORKBOOK_TEMPLATE),
    labels: await read(LABELS_TEMPLATE),
    partials: await Promise.all(
      partialNames.filter((name) => name.endsWith(".hbs")).sort().map((name) => read(join("partials", name))),
    ),
  };
}

function syntaxOf(name: string): TemplateSource["syntax"] {
  return name.endsWith(".json.hbs") ? "json" : "markdown";
}
