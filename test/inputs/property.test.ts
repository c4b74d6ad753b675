import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/errors.js";
import { parseInputs, type InputFiles } from "../../src/inputs/load.js";
import { ENGAGEMENTS_HEADER, PARTNERS, TOPICS } from "../helpers.js";

const VALID_ENGAGEMENTS = [
  ENGAGEMENTS_HEADER,
  "E1,2025-02-11,,Talks,united-states,cybersecurity,talks,completed",
  'E2,2025-02-12,2025-02-13,"Visit, with ""quotes""",peru;france,space;maritime-security,visit,planned',
  "E3,2025-03-01,,Perú–France dialogue,France,Space,dialogue,",
].join("\r\n");

const SEVERITIES = new Set(["error", "warning"]);

/** Bytes made from a valid file by deleting, inserting or overwriting bytes at random places. */
const mutated = (text: string) =>
  fc
    .array(
      fc.record({
        at: fc.nat(),
        kind: fc.constantFrom("delete", "insert", "replace"),
        byte: fc.oneof(fc.constantFrom(0x22, 0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x00, 0xff, 0xfe, 0xef, 0xe9), fc.integer({ min: 0, max: 255 })),
      }),
      { maxLength: 8 },
    )
    .map((edits) => {
      const bytes = [...new TextEncoder().encode(text)];
      for (const { at, kind, byte } of edits) {
        const index = bytes.length === 0 ? 0 : at % bytes.length;
        if (kind === "delete") bytes.splice(index, 1);
        else if (kind === "insert") bytes.splice(index, 0, byte);
        else bytes[index] = byte;
      }
      return new Uint8Array(bytes);
    });

const anyFile = (valid: string) =>
  fc.oneof(
    mutated(valid),
    fc.uint8Array({ maxLength: 200 }),
    fc.string({ unit: "binary", maxLength: 120 }).map((s) => new TextEncoder().encode(s)),
    fc.constant(null),
  );

function files(bytes: { engagements: Uint8Array | null; partners: Uint8Array | null; topics: Uint8Array | null }): InputFiles {
  return {
    engagements: { path: "inputs/engagements.csv", bytes: bytes.engagements },
    partners: { path: "inputs/partners.csv", bytes: bytes.partners },
    topics: { path: "inputs/cooperation-areas.csv", bytes: bytes.topics },
    initiatives: { path: "inputs/initiatives.csv", bytes: null },
  };
}

function expectWellFormed(issue: Issue): void {
  expect(SEVERITIES.has(issue.severity)).toBe(true);
  expect(typeof issue.message).toBe("string");
  expect(issue.message).not.toBe("");
  expect(issue.file).toMatch(/^inputs\//);
  if (issue.line !== null) expect(issue.line).toBeGreaterThanOrEqual(1);
}

describe("parseInputs on arbitrary bytes", () => {
  it("random bytes and mutated valid files ⇒ records and issues, never a throw", () => {
    fc.assert(
      fc.property(
        fc.record({ engagements: anyFile(VALID_ENGAGEMENTS), partners: anyFile(PARTNERS), topics: anyFile(TOPICS) }),
        fc.constantFrom(null, "DMY" as const, "MDY" as const),
        (bytes, dateOrder) => {
          const { data, issues } = parseInputs({ files: files(bytes), dateOrder });
          issues.forEach(expectWellFormed);
          // A row either reaches the data or has an issue saying why not.
          for (const engagement of data.engagements) {
            expect(issues.some((i) => i.severity === "error" && i.file.endsWith("engagements.csv") && i.line === engagement.line)).toBe(false);
          }
        },
      ),
      { numRuns: 300, seed: 20250216 },
    );
  });

  it("the unmutated files ⇒ every row read, no issue", () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const { data, issues } = parseInputs({
      files: files({ engagements: encode(VALID_ENGAGEMENTS), partners: encode(PARTNERS), topics: encode(TOPICS) }),
      dateOrder: null,
    });
    expect(issues).toEqual([]);
    expect(data.engagements.map((e) => e.id)).toEqual(["E1", "E2", "E3"]);
  });
});
