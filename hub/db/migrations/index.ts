import type { Migration } from '../../../node-shared/sqlite/migrate.js';
import { migration0001 } from './0001-org-units.js';
import { migration0002 } from './0002-users-sessions.js';
import { migration0003 } from './0003-cameras.js';
import { migration0004 } from './0004-cases.js';
import { migration0005 } from './0005-video-access.js';
import { migration0006 } from './0006-map-indexes.js';
import { migration0007 } from './0007-wall-layouts.js';
import { migration0008 } from './0008-auth-version.js';
import { migration0009 } from './0009-import-batches.js';
import { migration0010 } from './0010-login-locks.js';
import { migration0011 } from './0011-case-holders.js';
import { migration0012 } from './0012-history-note-codes.js';
import { migration0013 } from './0013-accounts-admin-audit.js';
import { migration0014 } from './0014-camera-registry.js';
import { migration0015 } from './0015-reference-versions.js';
import { migration0017 } from './0017-attachments.js';
import { migration0018 } from './0018-verifying-desk.js';
import { migration0019 } from './0019-village-department-roles.js';
import { migration0020 } from './0020-duty-shift.js';
import { migration0021 } from './0021-dispute-outcomes.js';
import { migration0022 } from './0022-supervision-notices.js';
import { migration0023 } from './0023-wall-layout-2-8.js';
import { migration0024 } from './0024-case-search.js';
import { migration0026 } from './0026-ptz.js';
import { migration0028 } from './0028-recording.js';
import { migration0029 } from './0029-recording-policy-by.js';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0026,
  migration0028,
  migration0029,
];
