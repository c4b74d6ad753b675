import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { BriefkitError } from "../errors.js";
import { loadInputs } from "../inputs/load.js";

const EXAMPLES = `
Examples:
  briefkit template-inputs                 # inputs/engagements.xlsx
  briefkit template-inputs ~/lima/inputs --force
`;

/** `briefkit template-inputs` */
export function registerTemplateInputs(program: Command): void {
  program
    .command("template-inputs")
    .description("Write engagements.xlsx for data entry in Excel: the input columns, drop-downs and instructions")
    .argument("[dir]", "inputs folder to write it to, and to read the partners and topics from (default: config \"inputs\", else ./inputs)")
    .option("--force", "overwrite an existing engagements.xlsx")
    .option("--config <file>", "config file", "briefkit.config.json")
    .addHelpText("after", EXAMPLES)
    .action(async (dirArg: string | undefined, flags: { force?: boolean; config: string }, command: Command) => {
      const config = await loadConfig({ path: flags.config, explicit: command.getOptionValueSource("config") === "cli" });
      const dir = dirArg ?? config.inputs ?? "inputs";
      const path = join(dir, "engagements.xlsx");
      if (existsSync(path) && !flags.force) {
        throw new BriefkitError({ code: "usage", message: `${path} exists already; nothing was written (add --force to overwrite it)` });
      }
      const { data } = existsSync(dir) ? await loadInputs({ dir, dateOrder: config.dateOrder }) : { data: { partners: [], topics: [] } };
      const { renderInputWorkbook } = await import("../init/input-workbook.js");
      const bytes = await renderInputWorkbook({
        partners: data.partners.map((p) => p.name),
        topics: data.topics.map((t) => t.name),
        created: new Date(),
      });
      await mkdir(dir, { recursive: true });
      await writeFile(path, bytes);
      process.stdout.write(`${path}\n`);
      process.stderr.write(`${data.partners.length} partners and ${data.topics.length} topics in its drop-down lists.\n`);
      if (existsSync(join(dir, "engagements.csv"))) {
        process.stderr.write(`Note: ${join(dir, "engagements.csv")} is there, so builds read it and not the workbook; move it away when you switch to the workbook.\n`);
      }
    });
}
