/**
 * Printing and downloading the hub's PDFs (common/contract-paper.ts). Download: the bytes saved as a file through a
 * Blob URL. Print: in Electron the console service opens the PDF in the system's viewer (`paper.open`); in the
 * browser host a new tab shows it with the browser's own PDF viewer — the tab is opened on the click itself (while
 * the click still counts as the user's) and pointed at the PDF once it arrives.
 */
import type { PaperRequest } from '../../../common/contract-paper.js';
import { call } from '../bridge/index.js';

const pdfUrl = (bytes: Uint8Array): string =>
  URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));

/** Blob URLs are revoked after a while: long enough for the tab or the save dialog to have read them. */
const revokeLater = (url: string) => setTimeout(() => URL.revokeObjectURL(url), 120_000);

export function saveBytes(fileName: string, bytes: Uint8Array): void {
  const url = pdfUrl(bytes);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  revokeLater(url);
}

export async function downloadPaper(request: PaperRequest, fileName: string): Promise<void> {
  saveBytes(fileName, await call('paper.fetch', request));
}

export type PrintOutcome = 'viewer' | 'tab' | 'downloaded';

/** Where the paper went: the system viewer (Electron), a new tab, or — a blocked tab — a download. */
export async function printPaper(request: PaperRequest, fileName: string): Promise<PrintOutcome> {
  // Electron (the preload's bridge): the main process opens the system viewer.
  if (window.gridCommand) {
    const { opened } = await call('paper.open', request);
    if (opened) return 'viewer';
  }
  const tab = window.open('', '_blank');
  try {
    const bytes = await call('paper.fetch', request);
    if (!tab) {
      saveBytes(fileName, bytes);
      return 'downloaded';
    }
    const url = pdfUrl(bytes);
    tab.location.href = url;
    revokeLater(url);
    return 'tab';
  } catch (err) {
    tab?.close();
    throw err;
  }
}
