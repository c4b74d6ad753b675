import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { inspectPdf } from "../../src/inspect/pdf.js";
import { fontPaths } from "../../src/render/pdf/fonts.js";

/** Two pages drawn out of reading order, with bookmarks and links. */
function samplePdf(): Promise<Uint8Array> {
  const date = new Date(Date.UTC(2025, 1, 16));
  const doc = new PDFDocument({ size: "A4", bufferPages: true, lang: "es-PE", info: { Title: "Informe", Author: "Oficina", CreationDate: date, ModDate: date } });
  doc.registerFont("regular", fontPaths().regular);
  doc.font("regular").fontSize(10);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  const chapter = doc.outline.addItem("Capítulo uno");
  doc.text("Segunda línea", 72, 200, { lineBreak: false });
  doc.text("Perú – “cita”", 72, 100, { lineBreak: false });
  doc.text("fuente", 72, 300, { link: "https://example.org/fuente", lineBreak: false });
  doc.text("un enlace largo que ocupa dos líneas", 72, 400, { width: 120, link: "https://example.org/largo" });
  doc.text("ir a la página dos", 72, 500, { goTo: "dos", lineBreak: false } as PDFKit.Mixins.TextOptions);
  doc.addPage();
  chapter.addItem("Sección");
  doc.text("Página dos", 72, 100, { destination: "dos", lineBreak: false } as PDFKit.Mixins.TextOptions);
  doc.end();
  return done;
}

describe("inspectPdf", () => {
  it("a PDF ⇒ properties, bookmarks with pages, links with their text, each page's text top down", async () => {
    expect(await inspectPdf(await samplePdf())).toBe(
      [
        "PDF",
        "title: Informe",
        "author: Oficina",
        "language: es-PE",
        "created: 2025-02-16T00:00:00Z",
        "modified: 2025-02-16T00:00:00Z",
        "pages: 2",
        "",
        "Bookmarks",
        "  Capítulo uno → p. 1",
        "    Sección → p. 2",
        "",
        "Links",
        '  p. 1: "fuente" → <https://example.org/fuente>',
        '  p. 1: "un enlace largo que ocupa dos líneas" → <https://example.org/largo>',
        '  p. 1: "ir a la página dos" → p. 2',
        "",
        "== Page 1 of 2 ==",
        "Perú – “cita”",
        "Segunda línea",
        "fuente",
        "un enlace largo que",
        "ocupa dos líneas",
        "ir a la página dos",
        "",
        "== Page 2 of 2 ==",
        "Página dos",
        "",
      ].join("\n"),
    );
  });

  it("bytes that are not a PDF ⇒ a BriefkitError naming the file", async () => {
    await expect(inspectPdf(new TextEncoder().encode("%PDF-1.7 and nothing else"), { name: "x.pdf" })).rejects.toThrow(
      "x.pdf is not a PDF that can be read",
    );
  });
});
