import type { Command } from "commander";

const EXAMPLES = `
Examples:
  briefkit inspect reports/briefing-2025-W07.xlsx   each sheet: settings, cells, formulas
  briefkit inspect reports/briefing-2025-W07.pdf    bookmarks, links, the text of each page
  briefkit inspect reports/briefing-2025-W07.pdf > packet.txt   text to keep in git and diff
`;

/** `briefkit inspect` */
export function registerInspect(program: Command): void {
  program
    .command("inspect")
    .description("Print a workbook (.xlsx) or PDF packet as plain text, to read or to compare with git diff")
    .argument("<file>", "the .xlsx or .pdf file")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string) => {
      // Loaded here: the PDF reader it needs is slow to load and changes Array.prototype.push for every other command.
      const { inspectFile } = await import("../inspect/report.js");
      process.stdout.write(await inspectFile(file));
    });
}
