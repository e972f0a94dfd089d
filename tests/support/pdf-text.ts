/** Reads a generated PDF back the way a user's viewer would: its text (pdf-parse) and which fonts it embeds. */
import { PDFParse } from 'pdf-parse';

export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

/**
 * The embedded TrueType fonts' names (`/BaseFont /ABCDEF+NotoSansSC-Regular` with a `/FontFile2` stream): a subset
 * prefix means pdfkit embedded only the glyphs used. Font dictionaries are plain objects in these PDF 1.3 files.
 */
export function embeddedFonts(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const names = [...raw.matchAll(/\/FontName\s*\/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]!);
  return raw.includes('/FontFile2') ? [...new Set(names)] : [];
}
