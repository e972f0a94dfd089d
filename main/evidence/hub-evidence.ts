/**
 * The console service's raw-bytes side of evidence (HubClient speaks JSON only, as for the map's events): sends an
 * upload's bytes to the hub's upload route and fetches an attachment's bytes. Same bearer token, same error shape.
 */
import { ATTACHMENT_CONTENT_ROUTE, ATTACHMENT_UPLOAD_ROUTE } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { Attachment, type AttachmentKind, type AttachmentVariant } from '../../common/evidence-schemas.js';
import { ApiErrorBody } from '../../common/schemas.js';

/** A 30 MB video over a slow township link, plus the hub's re-encode. */
const TIMEOUT_MS = 180_000;

async function send(url: URL, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
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
  return response;
}

const pathOf = (template: string, name: string, value: string) =>
  template.replace(`:${name}`, encodeURIComponent(value));

export interface UploadRequest {
  readonly caseId: string;
  readonly kind: AttachmentKind;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly cameraId?: string;
  readonly capturedAt?: number;
}

export async function uploadAttachment(hubUrl: string, token: string, request: UploadRequest): Promise<Attachment> {
  const url = new URL(pathOf(ATTACHMENT_UPLOAD_ROUTE.path, 'caseId', request.caseId), hubUrl);
  url.searchParams.set('kind', request.kind);
  url.searchParams.set('fileName', request.fileName);
  if (request.cameraId !== undefined) url.searchParams.set('cameraId', request.cameraId);
  if (request.capturedAt !== undefined) url.searchParams.set('capturedAt', String(request.capturedAt));
  const response = await send(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': ATTACHMENT_UPLOAD_ROUTE.contentType },
    body: request.bytes,
  });
  const parsed = Attachment.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new GridCommandError('internal', 'hub answer to an upload does not match the contract');
  return parsed.data;
}

export async function fetchAttachmentContent(
  hubUrl: string,
  token: string,
  attachmentId: string,
  variant: AttachmentVariant,
): Promise<Uint8Array<ArrayBuffer>> {
  const url = new URL(pathOf(ATTACHMENT_CONTENT_ROUTE.path, 'attachmentId', attachmentId), hubUrl);
  url.searchParams.set('variant', variant);
  const response = await send(url, { headers: { authorization: `Bearer ${token}` } });
  // A plain Uint8Array (not a Buffer): IPC's structured clone and the web host both carry it unchanged.
  return new Uint8Array(await response.arrayBuffer());
}
