import type ExcelJS from "exceljs";

/** Widest total of column widths (in characters) that still prints well on an upright page. */
const PORTRAIT_WIDTH = 110;

/**
 * Print settings every sheet shares: the marking at the top and bottom,
 * the page number ("Page &P of &N"), one page wide, the header rows repeated on every page,
 * landscape when the columns are wider than an upright page.
 */
export function setupPrinting(sheet: ExcelJS.Worksheet, options: { marking: string; pageNumber?: string; repeatRows?: string; width: number }): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: options.width > PORTRAIT_WIDTH ? "landscape" : "portrait",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    printTitlesRow: options.repeatRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  const marking = escapeHeaderFooter(options.marking);
  const pageNumber = escapeHeaderFooter(options.pageNumber ?? "Page {page} of {pages}").replace("{pages}", "&N").replace("{page}", "&P");
  sheet.headerFooter = {
    oddHeader: `&C&B${marking}`,
    oddFooter: `&L${marking}&R${pageNumber}`,
  };
}

// In header and footer text "&" starts a code; a literal one is written "&&".
function escapeHeaderFooter(text: string): string {
  return text.replace(/&/g, "&&");
}
