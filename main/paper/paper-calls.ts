/**
 * The console's paper calls: PDFs rendered by the hub, scoped there — bytes to the renderer, or (Electron) opened in
 * the system viewer (main/electron/paper-viewer.ts; the web host has none and answers `opened: false`).
 */
import type { CallRequest, CallResponse } from '../../common/contract.js';
import { fetchPaper, type PaperViewer } from './hub-paper.js';

type PaperCallName = 'paper.fetch' | 'paper.open';
type PaperHandlers = { [K in PaperCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function paperHandlers(
  hubUrl: () => string,
  token: () => string,
  viewer: () => PaperViewer | null,
): PaperHandlers {
  return {
    'paper.fetch': async (request) => (await fetchPaper(hubUrl(), token(), request)).bytes,
    'paper.open': async (request) => {
      const sessionToken = token();
      const open = viewer();
      if (!open) return { opened: false };
      const paper = await fetchPaper(hubUrl(), sessionToken, request);
      await open.open(paper.bytes, paper.fileName);
      return { opened: true };
    },
  };
}
