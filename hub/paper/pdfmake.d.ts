/**
 * pdfmake 0.3 ships no types. Its Node entry exports one configured instance (not the `PdfPrinter` class of 0.2):
 * fonts are registered once with `setFonts` (here from its virtual file system), and `createPdf(doc).getBuffer()`
 * renders. This is the part of that API hub/paper/ uses; document definitions are plain objects.
 */
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface FontFiles {
    readonly normal: string;
    readonly bold: string;
    readonly italics: string;
    readonly bolditalics: string;
  }
  interface PdfMake {
    readonly virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
