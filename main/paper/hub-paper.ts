/**
 * The console's side of paper (common/contract-paper.ts): fetches a PDF from the hub with the session's token and
 * hands the bytes on unchanged (`paper.fetch`), or, in Electron, writes them to a private temporary file and opens
 * the system's PDF viewer (`paper.open`, via a PaperViewer main/electron provides). The web host has no viewer: the
 * renderer then opens the bytes in a new tab itself.
 */
import { PAPER_ROUTES, PDF_CONTENT_TYPE, type PaperRequest } from '../../common/contract-paper.js';
import { GridCommandError } from '../../common/errors.js';
import { ApiErrorBody } from '../../common/schemas.js';

const TIMEOUT_MS = 60_000;

/** Opens a PDF for reading and printing (Electron: the system viewer). */
export interface PaperViewer {
  open(pdf: Uint8Array, fileName: string): Promise<void>;
}

export interface FetchedPaper {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly fileName: string;
}

/** The hub URL of a paper request. */
export function paperUrl(hubUrl: string, request: PaperRequest): URL {
  const search = new URLSearchParams({ lang: request.lang });
  let path: string;
  if (request.kind === 'kpiMonthly') {
    path = PAPER_ROUTES.kpiMonthly.path;
    search.set('month', request.month);
    if (request.orgUnit) search.set('orgUnit', request.orgUnit);
  } else {
    const route = request.kind === 'supervisionNotice' ? PAPER_ROUTES.supervisionNotice : PAPER_ROUTES.caseSheet;
    path = route.path.replace(':caseId', encodeURIComponent(request.caseId));
    if (request.kind === 'supervisionNotice' && request.supervision !== undefined) {
      search.set('supervision', String(request.supervision));
    }
  }
  const url = new URL(path, hubUrl);
  url.search = search.toString();
  return url;
}

/** The UTF-8 file name of Content-Disposition (`filename*=UTF-8''…`), else a plain default. */
function fileNameOf(disposition: string | null): string {
  const match = disposition?.match(/filename\*=UTF-8''([^;]+)/);
  if (!match) return 'paper.pdf';
  try {
    return decodeURIComponent(match[1]!).replace(/[/\\]/g, '_');
  } catch {
    return 'paper.pdf';
  }
}

export async function fetchPaper(hubUrl: string, token: string, request: PaperRequest): Promise<FetchedPaper> {
  let response: Response;
  try {
    response = await fetch(paperUrl(hubUrl, request), {
      headers: { authorization: `Bearer ${token}`, accept: PDF_CONTENT_TYPE },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new GridCommandError(
      'hub_unreachable',
      `hub unreachable (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (!response.ok) {
    const parsed = ApiErrorBody.safeParse(await response.json().catch(() => null));
    if (parsed.success) {
      const { code, message, field, params } = parsed.data.error;
      throw new GridCommandError(code, message, field, response.status, params);
    }
    throw new GridCommandError('internal', `hub answered ${response.status}`, undefined, response.status);
  }
  if (!response.headers.get('content-type')?.startsWith(PDF_CONTENT_TYPE)) {
    throw new GridCommandError('internal', 'hub answer to a paper is not a PDF');
  }
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    fileName: fileNameOf(response.headers.get('content-disposition')),
  };
}
