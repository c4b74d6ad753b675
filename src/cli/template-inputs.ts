import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { BriefkitError } from "../errors.js";
import { loadInputs } from "../inputs/load.js";
import { loadSettings, onDisk } from "../settings.js";
import type { CliIo } from "./io.js";
import { EXIT, untilStopped } from "./shared.js";

const EXAMPLES = `
Examples:
  briefkit template-inputs                 # inputs/engagements.xlsx
  briefkit template-inputs ~/lima/inputs --force
`;

/** The flags of `briefkit template-inputs`. */
export interface TemplateInputsFlags {
  force?: boolean;
  config?: string;
}

/** `briefkit template-inputs`: its flags, and its action, which hands its exit code to `exit`. */
export function registerTemplateInputs(program: Command, io: CliIo, exit: (code: number) => void): void {
  program
    .command("template-inputs")
    .description("Write engagements.xlsx for data entry in Excel: the input columns, drop-downs and instructions")
    .argument("[dir]", "inputs folder to write it to, and to read the partners and topics from (default: the inputs folder of a build)")
    .option("--force", "overwrite an existing engagements.xlsx")
    .option("--config <file>", "config file (default: briefkit.config.json, when there is one)")
    .addHelpText("after", EXAMPLES)
    .action(async (dir: string | undefined, flags: TemplateInputsFlags) => exit(await untilStopped(io, () => runTemplateInputs(dir, flags, io))));
}

/** `briefkit template-inputs [dir]`: writes the data-entry workbook into the inputs folder a build reads. */
export async function runTemplateInputs(dirArg: string | undefined, flags: TemplateInputsFlags, io: CliIo): Promise<number> {
  const settings = await loadSettings({ cwd: io.cwd, config: flags.config, inputs: dirArg });
  const dir = settings.inputs;
  const path = join(dir, "engagements.xlsx");
  const at = (p: string) => onDisk(io.cwd, p);
  if (existsSync(at(path)) && !flags.force) {
    throw new BriefkitError({ code: "usage", message: `${path} exists already; nothing was written (add --force to overwrite it)` });
  }
  const { data } = existsSync(at(dir)) ? await loadInputs({ dir: at(dir), dateOrder: settings.config.dateOrder }) : { data: { partners: [], topics: [] } };
  const { renderInputWorkbook } = await import("../init/input-workbook.js");
  const bytes = await renderInputWorkbook({
    partners: data.partners.map((p) => p.name),
    topics: data.topics.map((t) => t.name),
    created: new Date(),
  });
  await mkdir(at(dir), { recursive: true });
  await writeFile(at(path), bytes);
  io.stdout.write(`${path}\n`);
  io.stderr.write(`${data.partners.length} partners and ${data.topics.length} topics in its drop-down lists.\n`);
  if (existsSync(at(join(dir, "engagements.csv")))) {
    io.stderr.write(`Note: ${join(dir, "engagements.csv")} is there, so builds read it and not the workbook; move it away when you switch to the workbook.\n`);
  }
  return EXIT.ok;
}
