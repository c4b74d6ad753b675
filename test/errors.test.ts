import { describe, expect, it } from "vitest";
import { formatIssue, issueEffect, sortIssues, type Issue, type IssueCode } from "../src/errors.js";

const issue = (code: IssueCode, severity: Issue["severity"] = "error", file = "inputs/engagements.csv", line: number | null = 2): Issue => ({
  file, line, column: null, value: null, severity, code, message: code, hint: null,
});

describe("issueEffect", () => {
  it.each<[IssueCode, Issue["severity"], ReturnType<typeof issueEffect>]>([
    ["file_missing", "error", "file"],
    ["file_unreadable", "error", "file"],
    ["file_binary", "error", "file"],
    ["file_empty", "error", "file"],
    ["csv_syntax", "error", "file"],
    ["column_missing", "error", "file"],
    ["column_duplicate", "error", "file"],
    ["field_count", "error", "row"],
    ["date_invalid", "error", "row"],
    ["id_duplicate", "error", "row"],
    ["reference_unknown", "error", "row"],
    ["cell_too_long", "error", "row"],
    ["markup_suspect", "warning", null],
    ["encoding_suspect", "warning", null],
  ])("%s (%s) ⇒ %s left out", (code, severity, effect) => {
    expect(issueEffect(issue(code, severity))).toBe(effect);
  });
});

describe("sortIssues", () => {
  it("file, then line, keeping the order found within a line; a file's own issue first", () => {
    const sorted = sortIssues([
      issue("date_invalid", "error", "inputs/partners.csv", 3),
      issue("id_duplicate", "error", "inputs/engagements.csv", 9),
      issue("date_order", "error", "inputs/engagements.csv", 2),
      issue("markup_suspect", "warning", "inputs/engagements.csv", 2),
      issue("file_missing", "error", "inputs/cooperation-areas.csv", null),
      issue("value_required", "error", "inputs/partners.csv", 12),
    ]);
    expect(sorted.map((i) => `${i.file}:${i.line ?? ""} ${i.code}`)).toEqual([
      "inputs/cooperation-areas.csv: file_missing",
      "inputs/engagements.csv:2 date_order",
      "inputs/engagements.csv:2 markup_suspect",
      "inputs/engagements.csv:9 id_duplicate",
      "inputs/partners.csv:3 date_invalid",
      "inputs/partners.csv:12 value_required",
    ]);
  });
});

describe("formatIssue", () => {
  const base = { file: "inputs/engagements.csv", line: 3, column: "start_date", value: "x", severity: "error", code: "date_invalid", message: "not a date", hint: null } as const;

  it.each([
    [base, "inputs/engagements.csv:3 start_date: not a date"],
    [{ ...base, column: "12" }, "inputs/engagements.csv:3 12: not a date"],
    [{ ...base, file: "templates/packet.md.hbs", line: 51, column: "9", code: "template_field_unknown", message: "unknown", hint: "did you mean it?" }, "templates/packet.md.hbs:51:9: unknown\n    hint: did you mean it?"],
    [{ ...base, file: "templates/packet.md.hbs", line: null, column: "9", code: "template_syntax", message: "broken" }, "templates/packet.md.hbs: broken"],
  ] as const)("%j ⇒ %j (a template's column is a place in the line; an input's is a column's name)", (issue, text) => {
    expect(formatIssue(issue)).toBe(text);
  });
});
