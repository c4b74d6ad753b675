import type { Command } from "commander";
import { onDisk } from "../settings.js";
import type { CliIo } from "./io.js";
import { EXIT, untilStopped } from "./shared.js";

const EXAMPLES = `
Examples:
  briefkit inspect reports/briefing-2025-W07.xlsx   each sheet: settings, cells, formulas
  briefkit inspect reports/briefing-2025-W07.pdf    bookmarks, links, the text of each page
  briefkit inspect reports/briefing-2025-W07.pdf > packet.txt   text to keep in git and diff
`;

/** `briefkit inspect`: its argument, and its action, which hands its exit code to `exit`. */
export function registerInspect(program: Command, io: CliIo, exit: (code: number) => void): void {
  program
    .command("inspect")
    .description("Print a workbook (.xlsx) or PDF packet as plain text, to read or to compare with git diff")
    .argument("<file>", "the .xlsx or .pdf file")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string) => exit(await untilStopped(io, () => runInspect(file, io))));
}

/** `briefkit inspect FILE`: prints the file as text. */
export async function runInspect(file: string, io: CliIo): Promise<number> {
  // Loaded here: the PDF reader it needs is slow to load and changes Array.prototype.push for every other command.
  const { inspectFile } = await import("../inspect/report.js");
  io.stdout.write(await inspectFile(onDisk(io.cwd, file)));
  return EXIT.ok;
}
