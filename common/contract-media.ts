/**
 * The stream-token checks an external media server calls (GRID_MEDIA_MODE=external; docs/video.md): MediaMTX's HTTP
 * auth, nginx's auth_request and ZLMediaKit's on_play hook. No bearer token: the stream token in the request is the
 * credential, checked like every request to the hub's own /media (hub/video-access/stream-routes.ts).
 */
import type { HubRoute } from './contract.js';
import { Empty, Ok } from './schemas.js';
import { MediaAuthorizeRequest, ZlmHookAnswer, ZlmPlayHook } from './video-schemas.js';

export const mediaHubRoutes = {
  /** The stream-token check for an external media server (MediaMTX `authMethod: http`); 200 allows, 401/403 refuse. */
  mediaAuthorize: {
    method: 'POST',
    path: '/api/v1/media/authorize',
    auth: false,
    body: MediaAuthorizeRequest,
    response: Ok,
  },
  /**
   * The same check as nginx's `auth_request`: a GET with the client's request in `X-Original-URI` (read with the
   * external media URL template) and its address in `X-Real-IP`; 200 allows, 401/403 refuse.
   */
  mediaAuthorizeNginx: {
    method: 'GET',
    path: '/api/v1/media/authorize/nginx',
    auth: false,
    body: Empty,
    response: Ok,
  },
  /** The same check as a ZLMediaKit `on_play` hook: always 200, `code` 0 allows. */
  mediaAuthorizeZlm: {
    method: 'POST',
    path: '/api/v1/media/authorize/zlmediakit',
    auth: false,
    body: ZlmPlayHook,
    response: ZlmHookAnswer,
  },
} as const satisfies Record<string, HubRoute>;
