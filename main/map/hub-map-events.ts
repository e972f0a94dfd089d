/**
 * Fetches the map's binary events from the hub for the console service. HubClient speaks JSON only; this is its
 * one binary sibling: same bearer token, same error shape (a refusal arrives as JSON `{ error }`), but the answer
 * is handed on as bytes, never parsed into objects.
 */
import { MAP_EVENTS_ROUTE } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { MapEventsRequest, mapEventsSearchParams } from '../../common/map-schemas.js';
import { ApiErrorBody } from '../../common/schemas.js';
import type { z } from 'zod';

/** A million events are 22 MB; allow for a slow county link. */
const TIMEOUT_MS = 60_000;

export async function fetchMapEvents(
  hubUrl: string,
  token: string,
  request: z.output<typeof MapEventsRequest>,
): Promise<Uint8Array<ArrayBuffer>> {
  const url = new URL(MAP_EVENTS_ROUTE.path, hubUrl);
  url.search = mapEventsSearchParams(request).toString();
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: MAP_EVENTS_ROUTE.contentType },
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
  if (!response.headers.get('content-type')?.startsWith(MAP_EVENTS_ROUTE.contentType)) {
    throw new GridCommandError('internal', 'hub answer to map events is not binary');
  }
  // A plain Uint8Array (not a Buffer) so that IPC's structured clone and the web host both carry it unchanged.
  return new Uint8Array(await response.arrayBuffer());
}
