import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const DOCS = ["README.md", ...readdirSync("docs").filter((name) => name.endsWith(".md")).map((name) => join("docs", name))];

/** The Markdown outside fenced code blocks. */
function outsideBlocks(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");
}

/** The Markdown outside code: fenced blocks and inline code spans removed. */
function prose(markdown: string): string {
  return outsideBlocks(markdown).replace(/`[^`\n]*`/g, "");
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of outsideBlocks(markdown).matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const slug = heading!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Each link of a file that stays in the repository: `[text](path#anchor)`, as written. */
function localLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/i.test(target));
}

describe("the README and docs/", () => {
  it("headings ⇒ the anchors GitHub makes of them", () => {
    expect([...headingAnchors("# Reproducible reports\n## Snapshot tests of your reports\n```\n# not a heading\n```\n## What is `checked`?\n## The heap\n## The heap\n")])
      .toEqual(["reproducible-reports", "snapshot-tests-of-your-reports", "what-is-checked", "the-heap", "the-heap-1"]);
  });

  it.each(DOCS)("%s ⇒ every link to a file or heading of the repository resolves", (file) => {
    const markdown = readFileSync(file, "utf8");
    const broken: string[] = [];
    const links = localLinks(markdown);
    for (const link of links) {
      const [path = "", anchor] = link.split("#");
      const target = path === "" ? file : join(dirname(file), decodeURIComponent(path));
      if (!existsSync(target)) broken.push(`${link}: no file ${target}`);
      else if (anchor !== undefined && !headingAnchors(readFileSync(target, "utf8")).has(anchor)) broken.push(`${link}: no heading #${anchor} in ${target}`);
    }
    expect(broken).toEqual([]);
  });

  it("every page of docs/ is linked from the README", () => {
    const linked = new Set(localLinks(readFileSync("README.md", "utf8")).map((link) => link.split("#")[0]));
    expect(DOCS.filter((file) => file !== "README.md" && !linked.has(relative(".", file)))).toEqual([]);
  });
});
