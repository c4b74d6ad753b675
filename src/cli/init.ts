import type { Command } from "commander";
import { planScaffold, writeScaffold } from "../init/scaffold.js";
import { builtInTemplates, todayIn } from "../options.js";
import { onDisk } from "../settings.js";
import type { CliIo } from "./io.js";
import { EXIT, untilStopped } from "./shared.js";

const EXAMPLES = `
Examples:
  briefkit init lima-briefing     # a new folder
  briefkit init                   # the current folder
  briefkit init . --force         # overwrite the files init writes (inputs too)

Then, inside the folder:
  briefkit validate && briefkit build
`;

/** `briefkit init`: its flags, and its action, which hands its exit code to `exit`. */
export function registerInit(program: Command, io: CliIo, exit: (code: number) => void): void {
  program
    .command("init")
    .description("Start a briefing folder: config, templates, example inputs and a README, ready to build")
    .argument("[dir]", "folder to create or fill", ".")
    .option("--force", "overwrite files that exist already")
    .addHelpText("after", EXAMPLES)
    .action(async (dir: string, flags: { force?: boolean }) => exit(await untilStopped(io, () => runInit(dir, flags, io))));
}

/** `briefkit init [dir]`: writes a briefing folder and says how to build it. */
export async function runInit(dir: string, flags: { force?: boolean }, io: CliIo): Promise<number> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const files = await planScaffold({ templates: builtInTemplates(), today: todayIn(timeZone, new Date()), timeZone });
  const paths = await writeScaffold({ dir: onDisk(io.cwd, dir), files, force: flags.force === true });
  for (const path of paths) io.stdout.write(`${path}\n`);
  const enter = dir === "." ? "" : `cd ${dir} && `;
  io.stderr.write(`\nA briefing folder is ready. Build it with:\n  ${enter}briefkit build\nThen replace the example rows in inputs/ with your own; README.md says how.\n`);
  return EXIT.ok;
}
