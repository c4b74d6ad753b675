/** Where JSON.parse stopped reading a text, and why: line and column count from 1. */
export interface JsonErrorPlace {
  line: number;
  column: number;
  reason: string;
  /** The text of that line, trimmed. */
  lineText: string;
}

/**
 * Finds where JSON.parse gave up on `text`, from its error. Node gives a
 * character position ("… in JSON at position 67"), or none when the text
 * ends too soon; people need a line and a column.
 */
export function jsonErrorPlace(text: string, error: unknown): JsonErrorPlace {
  const message = error instanceof Error ? error.message : String(error);
  const at = /\bat position (\d+)/.exec(message);
  const position = at ? Math.min(Number(at[1]), text.length) : /end of JSON input/i.test(message) ? text.length : 0;
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = text.indexOf("\n", position);
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, "").replace(/^JSON\.parse: /, "");
  return { line, column: position - lineStart + 1, reason, lineText: text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim() };
}
