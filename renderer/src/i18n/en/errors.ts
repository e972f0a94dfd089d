/** Error codes as people read them, English; typed against zh-CN/errors.ts. */
import type { SameKeys } from '../same-keys.js';
import type { errors as zh } from '../zh-CN/errors.js';

export const errors: SameKeys<typeof zh> = {
  code: {
    bad_request: 'Invalid request',
    validation_failed: 'Some input is not valid',
    unauthenticated: 'Not signed in, or the session has ended',
    invalid_credentials: 'Wrong user name or password',
    token_expired: 'Your session has expired; please sign in again',
    forbidden: 'You are not allowed to do this',
    not_found: 'The record does not exist or was deleted',
    conflict: 'Someone else has changed this record; refresh and try again',
    rate_limited: 'Too many attempts; please wait and try again',
    payload_too_large: 'What you sent is too large',
    hub_unreachable: 'Cannot reach the county hub',
    not_console_role: 'This account cannot use the console (grid workers use the mobile app)',
    internal: 'Internal error; please contact the administrator',
    overloaded: 'The hub is busy; please try again shortly',
    reason_required: 'Please give a reason for viewing',
    stream_token_invalid: 'The video ticket is not valid; open the camera again',
    stream_unavailable: 'The video cannot be played right now',
    camera_offline: 'The camera is offline',
    console_unreachable: 'Cannot reach the console service',
    invalid_transition: 'This case cannot take that step in its current state; reload it',
    stream_starting: 'The video is starting, one moment',
    outside_county: 'The location is outside the county',
    idempotency_key_reused: 'A repeated submission differs from the first one and was refused',
    unknown_case: 'The case cited does not exist or is outside your area',
    case_not_open: 'The case cited is already finished',
    case_not_held: 'The case cited is not handled by that unit',
    web_sessions_full: 'The console has as many sessions as it allows; try again later',
    host_not_allowed: 'This address is not one the console answers on',
    account_locked: 'The account is locked after many wrong passwords; ask an administrator to unlock it',
  },
  detail: {
    bad_request: 'Invalid request: {{field}}',
    validation_failed: '“{{field}}” is not valid',
    rate_limited: 'Too many attempts; try again in {{seconds}} s',
    payload_too_large: 'What you sent is too large (limit {{limit}})',
  },
  unknown: 'The operation failed: {{message}}',
};
