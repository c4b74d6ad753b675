import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTemplates } from "../../src/compose/check-templates.js";
import { composeBriefing } from "../../src/compose/compose.js";
import type { TemplateSource } from "../../src/compose/environment.js";
import { loadTemplates, type Templates } from "../../src/compose/templates.js";
import { DEFAULT_CONFIG } from "../../src/config.js";
import { BriefkitError, formatIssue } from "../../src/errors.js";
import { loadInputs } from "../../src/inputs/load.js";
import { buildBriefing } from "../../src/model/briefing.js";
import { weekPeriod } from "../../src/model/period.js";
import { editFile } from "../helpers.js";

const source = (name: string, text: string): TemplateSource => ({ name, source: text, syntax: name.endsWith(".json.hbs") ? "json" : "markdown" });

/** Templates with the given packet, empty JSON templates and the given partials. */
function templatesOf(packet: string, partials: Record<string, string> = {}): Templates {
  return {
    packet: source("templates/packet.md.hbs", packet),
    workbook: source("templates/workbook.json.hbs", "{}"),
    labels: source("templates/labels.json.hbs", "{}"),
    partials: Object.entries(partials).map(([name, text]) => source(`templates/partials/${name}`, text)),
  };
}

const check = (packet: string, partials?: Record<string, string>) =>
  checkTemplates({ templates: templatesOf(packet, partials), cwd: process.cwd() }).map((issue) => formatIssue(issue));

describe("checkTemplates", () => {
  it("a typo in each kind of place ⇒ file:line:column, the field as written, the nearest known field", () => {
    const cases: Record<string, string> = {
      "mustache": "# T\n\n{{titel}}\n",
      "#each of a typo": "{{#each periodEngagement}}\n## {{title}}\n{{else}}\nNo engagements started in this period.\n{{/each}}\n",
      "#if of a typo's length": "\n{{#if typo.length}}x{{/if}}",
      "inside a loop the period leaves empty": "{{#each upcoming}}\n| {{dates}} | {{titel}} |\n{{/each}}",
      "a loop in a loop": "{{#each periodEngagements}}{{#each extra}}{{nme}}: {{value}}{{/each}}{{/each}}",
      "../ to the item outside": "{{#each periodEngagements}}{{#each extra}}{{../titl}}{{/each}}{{/each}}",
      "@root": "{{#each partners}}{{@root.windw.weeks}}{{/each}}",
      "block parameter": "{{#each partners as |partner i|}}{{partner.nmae}} {{i}}{{/each}}",
      "helper argument": '{{#each periodEngagements}}{{join partner ", "}}{{/each}}',
      "subexpression": "{{#each (first highlights.busiestTopic 3)}}{{name}}{{/each}}",
      "inside the subexpression's loop": "{{#each (first highlights.busiestTopics 3)}}{{nmae}}{{/each}}",
      "hash value": '{{date asOf.isoo style="long"}}',
      "hash key": '{{date asOf.iso styel="long"}}',
      "hash value not allowed": '{{date asOf.iso style="full"}}',
      "unknown helper": "{{joni highlights.activePartners}}",
      "#with": "{{#with period}}{{lable}}{{/with}}",
      "#unless": "{{#each partners}}{{#unless focuss}}x{{/unless}}{{/each}}",
      "else of #each is outside the loop": "{{#each periodEngagements}}{{title}}{{else}}{{titel}}{{/each}}",
      "@ variable": "{{#each partners}}{{@indx}}{{/each}}",
      "@index outside a loop": "{{@index}}",
      "a list printed": "{{#each periodEngagements}}{{partners}}{{/each}}",
      "a text looped": "{{#each title}}x{{/each}}",
      "a helper with too few values": '{{plural counts.upcoming "one"}}',
      "a helper used as a block": "{{#eq title office}}x{{/eq}}",
      "lookup with a key written out": '{{lookup counts "upcomin"}}',
      "../ above the top": "{{../title}}",
      "unknown partial": "{{> kidn}}",
      "a block named by an object": "{{#period}}{{lable}}{{/period}}{{#matrix.period.empty}}{{title}}{{/matrix.period.empty}}",
    };
    expect(Object.fromEntries(Object.entries(cases).map(([name, packet]) => [name, check(packet)]))).toMatchInlineSnapshot(`
      {
        "#each of a typo": [
          "templates/packet.md.hbs:1:9: "periodEngagement" is not a field of the briefing
          hint: did you mean "periodEngagements"?",
        ],
        "#if of a typo's length": [
          "templates/packet.md.hbs:2:7: "typo" is not a field of the briefing (in "typo.length")
          hint: briefkit's docs/template-fields.md lists the fields",
        ],
        "#unless": [
          "templates/packet.md.hbs:1:29: "focuss" is not a field of an item of partners
          hint: did you mean "focus"?",
        ],
        "#with": [
          "templates/packet.md.hbs:1:19: "lable" is not a field of period
          hint: did you mean "label"?",
        ],
        "../ above the top": [
          "templates/packet.md.hbs:1:3: "../title" goes above the top of the context: no #each or #with is around it
          hint: write @root.field for a field of the top of the context",
        ],
        "../ to the item outside": [
          "templates/packet.md.hbs:1:45: "titl" is not a field of an item of periodEngagements (in "../titl")
          hint: did you mean "title"?",
        ],
        "@ variable": [
          "templates/packet.md.hbs:1:21: "@indx" is not a variable a template can use here
          hint: did you mean "@index"?",
        ],
        "@index outside a loop": [
          "templates/packet.md.hbs:1:3: "@index" is only known inside {{#each}}",
        ],
        "@root": [
          "templates/packet.md.hbs:1:21: "windw" is not a field of the briefing (in "@root.windw.weeks")
          hint: did you mean "window"?",
        ],
        "a block named by an object": [
          "templates/packet.md.hbs:1:14: "lable" is not a field of period
          hint: did you mean "label"?",
        ],
        "a helper used as a block": [
          "templates/packet.md.hbs:1:4: eq is not a block helper
          hint: write {{#if (eq …)}}…{{/if}}",
        ],
        "a helper with too few values": [
          "templates/packet.md.hbs:1:3: plural takes 3 values, not 2
          hint: {{plural counts.upcoming "engagement" "engagements"}}",
        ],
        "a list printed": [
          "templates/packet.md.hbs:1:30: "partners" is a list: it would print as its items with bare commas
          hint: write {{join partners ", "}} or {{#each partners}}…{{/each}}",
        ],
        "a loop in a loop": [
          "templates/packet.md.hbs:1:45: "nme" is not a field of an item of periodEngagements[].extra
          hint: did you mean "name"?",
        ],
        "a text looped": [
          "templates/packet.md.hbs:1:9: #each needs a list; "title" is text
          hint: write {{#if …}} to test a value",
        ],
        "block parameter": [
          "templates/packet.md.hbs:1:36: "nmae" is not a field of an item of partners (in "partner.nmae")
          hint: did you mean "name"?",
        ],
        "else of #each is outside the loop": [
          "templates/packet.md.hbs:1:47: "titel" is not a field of the briefing
          hint: did you mean "title"?",
        ],
        "hash key": [
          "templates/packet.md.hbs:1:17: date has no option "styel"
          hint: did you mean "style"?",
        ],
        "hash value": [
          "templates/packet.md.hbs:1:8: "isoo" is not a field of asOf (in "asOf.isoo")
          hint: did you mean "iso"?",
        ],
        "hash value not allowed": [
          "templates/packet.md.hbs:1:23: date's style is not "full"
          hint: write one of short, medium, long, month",
        ],
        "helper argument": [
          "templates/packet.md.hbs:1:35: "partner" is not a field of an item of periodEngagements
          hint: did you mean "partners"?",
        ],
        "inside a loop the period leaves empty": [
          "templates/packet.md.hbs:2:17: "titel" is not a field of an item of upcoming
          hint: did you mean "title"?",
        ],
        "inside the subexpression's loop": [
          "templates/packet.md.hbs:1:47: "nmae" is not a field of an item of highlights.busiestTopics
          hint: did you mean "name"?",
        ],
        "lookup with a key written out": [
          "templates/packet.md.hbs:1:17: "upcomin" is not a field of counts
          hint: did you mean "upcoming"?",
        ],
        "mustache": [
          "templates/packet.md.hbs:3:3: "titel" is not a field of the briefing
          hint: did you mean "title"?",
        ],
        "subexpression": [
          "templates/packet.md.hbs:1:16: "busiestTopic" is not a field of highlights (in "highlights.busiestTopic")
          hint: did you mean "busiestTopics"?",
        ],
        "unknown helper": [
          "templates/packet.md.hbs:1:3: "joni" is not a helper
          hint: did you mean "join"?",
        ],
        "unknown partial": [
          "templates/packet.md.hbs:1:5: there is no partial "kidn"
          hint: a partial is a file of partials/ or a {{#*inline "name"}} block",
        ],
      }
    `);
  });

  it("partials: checked with the value each call gives them, at their own file and line", () => {
    const partials = { "row.md.hbs": "| {{dates}} | {{titel}} |\n", "period.md.hbs": "{{item.lable}} {{title}}" };
    expect(check("{{#each upcoming}}\n{{> row}}\n{{/each}}\n{{> period item=period}}", partials)).toMatchInlineSnapshot(`
      [
        "templates/partials/row.md.hbs:1:17: "titel" is not a field of an item of upcoming
          hint: did you mean "title"?",
        "templates/partials/period.md.hbs:1:3: "lable" is not a field of item (in "item.lable")
          hint: did you mean "label"?",
      ]
    `);
  });

  it("a partial no template calls ⇒ checked at the top of the context; one that calls itself ⇒ the check ends", () => {
    const partials = { "unused.md.hbs": "{{titel}}", "tree.md.hbs": "{{n.label}}{{> tree n=n}}{{n.lable}}" };
    expect(check("{{> tree n=period}}", partials)).toEqual([
      'templates/partials/tree.md.hbs:1:28: "lable" is not a field of n (in "n.lable")\n    hint: did you mean "label"?',
      'templates/partials/unused.md.hbs:1:3: "titel" is not a field of the briefing\n    hint: did you mean "title"?',
    ]);
  });

  it("an inline partial ⇒ checked with the value of its call", () => {
    const packet = '{{#*inline "kind"}}{{#if (eq this "visit")}}visita{{else}}{{this.nme}}{{/if}}{{/inline}}\n{{#each periodEngagements}}{{> kind kind}}{{/each}}';
    expect(check(packet)).toMatchInlineSnapshot(`
      [
        "templates/packet.md.hbs:1:61: "nme" is not a field of periodEngagements[].kind, which is text (in "this.nme")",
      ]
    `);
  });

  it("Handlebars' own parse errors ⇒ their text and line, and the other templates are still checked", () => {
    const templates = { ...templatesOf("# T\n\n{{#each periodEngagements}}\n{{title}}\n{{/eac}}\n"), labels: source("templates/labels.json.hbs", '{\n  "title": "{{title}",\n  "x": "{{titel}}"\n}') };
    const issues = checkTemplates({ templates, cwd: process.cwd() }).map(formatIssue);
    expect(issues).toMatchInlineSnapshot(`
      [
        "templates/packet.md.hbs:3:4: not valid Handlebars: each doesn't match eac
          hint: close {{#each}} with {{/each}}, not {{/eac}}",
        "templates/labels.json.hbs:2:20: not valid Handlebars: Expecting 'CLOSE_RAW_BLOCK', 'CLOSE', 'CLOSE_UNESCAPED', 'OPEN_SEXPR', 'CLOSE_SEXPR', 'ID', 'OPEN_BLOCK_PARAMS', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', 'SEP', got 'INVALID'",
      ]
    `);
  });

  it("every problem of every template, not only the first", () => {
    const templates = { ...templatesOf("{{titel}}\n{{#each partnrs}}{{/each}}"), workbook: source("templates/workbook.json.hbs", '{"a": "{{markng}}"}') };
    expect(checkTemplates({ templates, cwd: process.cwd() }).map((i) => `${i.file}:${i.line}:${i.column} ${i.value}`)).toEqual([
      "templates/packet.md.hbs:1:3 titel",
      "templates/packet.md.hbs:2:9 partnrs",
      "templates/workbook.json.hbs:1:10 markng",
    ]);
  });

  it("an issue as `validate` lists it: file, line, column, the field as written, code and hint", () => {
    expect(checkTemplates({ templates: templatesOf("\n  {{#each periodEngagement}}{{/each}}"), cwd: process.cwd() })).toEqual([{
      file: "templates/packet.md.hbs", line: 2, column: "11", value: "periodEngagement", severity: "error",
      code: "template_field_unknown", message: '"periodEngagement" is not a field of the briefing', hint: 'did you mean "periodEngagements"?',
    }]);
  });

  it("names the template relative to the working folder", () => {
    const templates = templatesOf("{{titel}}");
    templates.packet = { ...templates.packet, name: join(process.cwd(), "office/templates/packet.md.hbs") };
    expect(checkTemplates({ templates, cwd: process.cwd() })[0]?.file).toBe(join("office", "templates", "packet.md.hbs"));
    expect(checkTemplates({ templates, cwd: join(process.cwd(), "office", "reports") })[0]?.file).toBe(join("..", "templates", "packet.md.hbs"));
  });

  it.each(["templates", "templates/es-PE"])("the shipped %s ⇒ no problem", async (dir) => {
    expect(checkTemplates({ templates: await loadTemplates(dir), cwd: process.cwd() })).toEqual([]);
  });
});

describe("composeBriefing", () => {
  it("a typo in a loop ⇒ an error at the template's line, before anything renders", async () => {
    const base = await mkdtemp(join(tmpdir(), "briefkit-check-"));
    const dir = join(base, "templates");
    await cp("templates", dir, { recursive: true });
    await editFile(join(dir, "packet.md.hbs"), "{{#each (first periodEngagements 10)}}", "{{#each (first periodEngagement 10)}}");
    await editFile(join(dir, "packet.md.hbs"), "{{#if upcoming.length}}", "{{#if upcomng.length}}");
    const { data, issues } = await loadInputs({ dir: "inputs" });
    const briefing = buildBriefing({ data, issues, config: DEFAULT_CONFIG, period: weekPeriod("2025-W07"), asOf: "2025-02-16" });
    const templates = await loadTemplates(dir);
    const error = (() => {
      try {
        composeBriefing(briefing, templates, { cwd: base });
      } catch (thrown) {
        return thrown;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).message).toMatchInlineSnapshot(`"templates/packet.md.hbs:61:16: "periodEngagement" is not a field of the briefing; did you mean "periodEngagements"? (and 1 more problem in the templates)"`);
    expect((error as BriefkitError).issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "templates/packet.md.hbs:61:16: "periodEngagement" is not a field of the briefing
          hint: did you mean "periodEngagements"?",
        "templates/packet.md.hbs:96:7: "upcomng" is not a field of the briefing (in "upcomng.length")
          hint: did you mean "upcoming"?",
      ]
    `);
  });
});
