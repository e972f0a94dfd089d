/**
 * Renders pdfmake document definitions with the embedded CJK font: Noto Sans SC from the npm package
 * @expo-google-fonts/noto-sans-sc (a dependency, so it ships in node_modules beside the compiled hub and, unpacked
 * from the asar, in the Electron app). pdfkit subsets the font: a page embeds only the glyphs it uses (a notice is
 * ~10–20 KB). Nothing is fetched or read at render time: URL and local-file access are refused, the fonts sit in
 * pdfmake's in-memory file system, images come as bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';

export const PAPER_FONT = 'NotoSansSC';
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
const FONT_FILES = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
} as const;

/** Where the two weights are, resolved like any dependency (from this module, wherever it was bundled to). */
export function paperFontPaths(): { regular: string; bold: string } {
  const root = dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
  return { regular: join(root, FONT_FILES.regular), bold: join(root, FONT_FILES.bold) };
}

let fontsReady = false;

/** Reads the two TTFs (~10 MB each) once, on the first paper, into pdfmake's virtual file system. */
function ensureFonts(): void {
  if (fontsReady) return;
  const paths = paperFontPaths();
  pdfmake.virtualfs.writeFileSync('NotoSansSC-Regular.ttf', readFileSync(paths.regular));
  pdfmake.virtualfs.writeFileSync('NotoSansSC-Bold.ttf', readFileSync(paths.bold));
  pdfmake.setFonts({
    [PAPER_FONT]: {
      normal: 'NotoSansSC-Regular.ttf',
      bold: 'NotoSansSC-Bold.ttf',
      italics: 'NotoSansSC-Regular.ttf',
      bolditalics: 'NotoSansSC-Bold.ttf',
    },
  });
  // A document definition built from case text must never make the hub fetch a URL or read a file.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsReady = true;
}

export interface PaperMeta {
  readonly title: string;
  readonly subject: string;
  readonly lang: string;
}

/** One PDF. pdfmake lays out synchronously (tens of ms for a page) and streams the bytes. */
export async function renderPdf(doc: Record<string, unknown>, meta: PaperMeta): Promise<Buffer> {
  ensureFonts();
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [50, 56, 50, 56],
      language: meta.lang,
      info: {
        title: meta.title,
        subject: meta.subject,
        author: 'Grid Command 网格联动指挥台',
        creator: 'Grid Command',
      },
      defaultStyle: { font: PAPER_FONT, fontSize: 10.5, lineHeight: 1.3 },
      ...doc,
    })
    .getBuffer();
}
