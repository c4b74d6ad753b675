import type { Issue } from "../errors.js";

// Tags and entities that text copied from a web page leaves behind, spaced
// or not: `<td>`, `< td >`, `< / strong >`, `<br/>`, `&nbsp;`.
const TAGS = "a|b|i|u|p|br|hr|div|span|td|tr|th|table|tbody|thead|strong|em|li|ul|ol|h[1-6]|img|font|sup|sub|small|script|style|iframe|section|article|header|footer|nav";
// Every repeat is bounded, so that a long cell of spaces cannot make the
// pattern backtrack for seconds.
const ATTRIBUTE = String.raw`\s{1,5}[a-z-]{1,30}\s{0,5}=\s{0,5}(?:"[^"<>]{0,200}"|'[^'<>]{0,200}'|[^\s<>]{1,200})`;
const MARKUP = new RegExp(
  String.raw`<\s{0,5}(?:\/\s{0,5})?(?:${TAGS})(?:${ATTRIBUTE}){0,10}\s{0,5}(?:\/\s{0,5})?>|&(?:nbsp|amp|quot|lt|gt|apos|#\d{1,5}|#x[0-9a-f]{1,4});`,
  "i",
);

// Text saved as UTF-8 and read back as Windows-1252 once too often: "PerÃº",
// "Ã©"; and the replacement character a failed conversion leaves.
const GARBLED = /Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|â€|\ufffd/;

/**
 * Warnings about one row's text: leftover web markup and garbled accents.
 * They never stop a build; they point at text a reader would stumble on.
 */
export function checkText(options: { file: string; line: number; cells: Record<string, string>; labels: Record<string, string>; skip: readonly string[] }): Issue[] {
  const issues: Issue[] = [];
  for (const [column, value] of Object.entries(options.cells)) {
    if (options.skip.includes(column)) continue;
    const base = { file: options.file, line: options.line, column: options.labels[column] ?? column, severity: "warning" as const };
    const markup = MARKUP.exec(value);
    if (markup !== null) {
      issues.push({
        ...base, value: markup[0], code: "markup_suspect",
        message: `the text holds "${markup[0]}", which looks like markup left over from a web page`,
        hint: "delete it from the cell; the reports print text exactly as typed",
      });
    }
    const garbled = GARBLED.exec(value);
    if (garbled !== null) {
      issues.push({
        ...base, value: excerpt(value, garbled.index), code: "encoding_suspect",
        message: "some accented letters look garbled, as when a file is saved in one encoding and opened in another",
        hint: 'retype the letters, or export the file again with "CSV UTF-8"',
      });
    }
  }
  return issues;
}

function excerpt(value: string, index: number): string {
  const start = Math.max(0, index - 15);
  return `${start > 0 ? "…" : ""}${value.slice(start, index + 15)}${index + 15 < value.length ? "…" : ""}`;
}
