// Builds one packet in process (nothing written) and prints the time of each step as JSON:
// reading (inputs read and checked), model and templates, workbook, packet (the PDF step's own time), and the packet's pages.
// Usage: node bench/steps.mjs INPUTS TEMPLATES WEEK AS-OF
import { buildReports } from "../dist/build.js";
import { DEFAULT_CONFIG } from "../dist/config.js";
import { weekPeriod } from "../dist/model/period.js";

const [inputs, templates, week, asOf] = process.argv.slice(2);
const marks = [["start", performance.now()]];
const onProgress = (progress) => {
  if (marks.at(-1)[0] !== progress.step) marks.push([progress.step, performance.now()]);
};
const result = await buildReports({ inputs, templates, config: DEFAULT_CONFIG, period: weekPeriod(week), asOf, formats: ["xlsx", "pdf"], onProgress });
marks.push(["end", performance.now()]);
const seconds = (step) => {
  const index = marks.findIndex(([name]) => name === step);
  return index < 0 ? null : Number(((marks[index + 1][1] - marks[index][1]) / 1000).toFixed(2));
};
const pdf = result.files.find((file) => file.format === "pdf");
const pages = (Buffer.from(pdf.bytes).toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
process.stdout.write(`${JSON.stringify({ reading: seconds("reading"), workbook: seconds("workbook"), packet: seconds("packet"), pages })}\n`);
