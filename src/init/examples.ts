import { addDays, isoWeekday } from "../dates.js";

/**
 * The input files of a new briefing folder: each header and two example
 * rows, dated around `today` so that the first build shows them (one in this
 * week, one planned for the week after next).
 */
export function exampleInputs(today: string): Record<string, string> {
  const monday = addDays(today, 1 - isoWeekday(today));
  const year = Number(today.slice(0, 4));
  return {
    "partners.csv": lines([
      "id,name,kind,region",
      "peru,Perú,country,South America",
      "united-states,United States,country,North America",
    ]),
    "cooperation-areas.csv": lines([
      "id,name,category,description",
      "cybersecurity,Cybersecurity,Security,Protection of defense networks and sharing of cyber threat information.",
      'maritime-security,Maritime security,Security,"Patrols and cooperation at sea, including against illegal fishing."',
    ]),
    "engagements.csv": lines([
      "id,start_date,end_date,title,partners,topics,kind,location,officials,summary,source_url,status",
      `E-001,${monday},${addDays(monday, 1)},Bilateral staff talks,peru;united-states,cybersecurity;maritime-security,talks,"Lima, Perú",,"Example row: replace it with a real engagement.",,completed`,
      `E-002,${addDays(monday, 14)},,Cyber defense workshop,peru;united-states,cybersecurity,workshop,"Washington, D.C.",,"Example row: a planned engagement is listed under Upcoming.",,planned`,
    ]),
    "initiatives.csv": lines([
      "year,partners,title,objective,topics,status",
      `${year},peru;united-states,Joint maritime patrol exercise,Example row: an initiative of the roadmap.,maritime-security,planned`,
      `${year + 1},peru;united-states,Cyber incident response plan,Example row: delete it or replace it.,cybersecurity,planned`,
    ]),
  };
}

/** The config of a new briefing folder. */
export function exampleConfig(timeZone: string): string {
  const config = {
    $schema: "./briefkit.config.schema.json",
    title: "Defense engagements briefing",
    office: "Office of International Defense Affairs",
    marking: "UNCLASSIFIED",
    locale: "en-US",
    timeZone,
    focus: "peru",
    windowWeeks: 52,
    formats: ["xlsx", "pdf"],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The README of a new briefing folder, for the office that keeps it. */
export const OFFICE_README = `# Weekly briefing

This folder holds everything briefkit needs to build the weekly briefing:
an Excel workbook for staff and a PDF packet for leadership.

| what | where |
|---|---|
| the engagement log and its lists | \`inputs/\` (CSV files, or \`.xlsx\` files of the same name) |
| wording and order of every section | \`templates/\` |
| title, office, marking, language, time zone | \`briefkit.config.json\` |
| the reports | \`reports/briefing-<week>.xlsx\` and \`.pdf\` |

## Every Monday

1. Add last week's engagements to \`inputs/engagements.csv\`, one row each.
   Partners and topics are ids from \`partners.csv\` and
   \`cooperation-areas.csv\` (or their names), several separated by \`;\`.
   Dates are written \`YYYY-MM-DD\`.
2. Check the rows: \`briefkit validate\`. Every problem is listed with its file
   and line, and a hint.
3. Build last week's packet: \`briefkit build --last-week\`. The paths of the
   two files are printed; mail them.

The rows in \`inputs/\` are examples: replace them with your own.

## Other periods

\`\`\`sh
briefkit build --week 2025-W07                  # an ISO week
briefkit build --week 2025-W06 --week 2025-W07  # one packet each
briefkit build --month 2025-02                  # a calendar month
briefkit build --from 2025-02-01 --to 2025-02-15
\`\`\`

## Entering data in Excel

\`briefkit template-inputs inputs\` writes \`inputs/engagements.xlsx\` with the
columns, drop-down lists of the partners, topics, kinds and statuses, and a
sheet of instructions. briefkit reads \`engagements.xlsx\` when there is no
\`engagements.csv\`, so move the CSV away once you switch.

## Changing the wording

Edit the files in \`templates/\`; \`briefkit build --watch\` rebuilds each time
you save one. A misspelt field name is reported with the template and line.

## Settings

\`briefkit.config.json\` sets the title, the issuing office, the marking
printed on every page, the language (\`en-US\` or \`es-PE\`), the time zone
that decides which week "last week" is, the partner left out of the matrix
rows (\`focus\`) and the formats to write. Editors that read JSON Schema
(VS Code among them) complete and check the keys. Flags given to a command
win over the file.
`;

function lines(rows: string[]): string {
  return `${rows.join("\n")}\n`;
}
