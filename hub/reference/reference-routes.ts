/**
 * `/api/v1/reference…`: reading reference data (any signed-in user: consoles name categories and run countdowns from
 * it) and the administrator's two writes, each one group-committed write that refuses without writing anything.
 */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { describeReferenceChange } from '../../common/reference-versions.js';
import { recordAdminAct } from '../admin-audit/admin-audit-store.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { createReferenceVersion, importCalendarYear, requireReferenceAdmin } from './reference-admin.js';

/**
 * Runs an administrative write and rebuilds the in-memory source inside it, so writes committed in the same batch
 * after it (a report filed a moment later) already take the new version; a batch that fails is re-read.
 */
async function writeAndReload<T>(hub: HubContext, work: () => T): Promise<T> {
  try {
    return await hub.writes.run(() => {
      const result = work();
      hub.reference.reload();
      return result;
    });
  } catch (err) {
    hub.reference.reload();
    throw err;
  }
}

export function registerReferenceRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.referenceData, () => hub.reference.snapshot(hub.now()));

  route(app, hub, hubRoutes.referenceVersionCreate, async ({ session, request, body }) => {
    requireReferenceAdmin(session.user);
    const previous = hub.reference.latestVersion;
    let change: ReturnType<typeof describeReferenceChange> | null = null;
    const version = await writeAndReload(hub, () => {
      const saved = createReferenceVersion(hub, session.user, body);
      // What changed, by code (common/reference-versions.ts), on the admin audit in the same transaction.
      change = describeReferenceChange(previous, saved);
      recordAdminAct(hub.db, {
        actor: { id: session.user.id, username: session.user.username },
        action: 'reference_data.versioned',
        target: `v${saved.version}`,
        detail: { version: saved.version, basedOn: body.basedOn, reason: body.reason, change },
        ip: request.ip,
        at: hub.now(),
      });
      return saved;
    });
    hub.log.info({ version: version.version, by: session.user.id, change }, 'reference data: new version saved');
    return version;
  });

  route(app, hub, hubRoutes.calendarYearImport, async ({ session, request, params, body }) => {
    requireReferenceAdmin(session.user);
    await writeAndReload(hub, () => {
      importCalendarYear(hub, session.user, params.year, body);
      recordAdminAct(hub.db, {
        actor: { id: session.user.id, username: session.user.username },
        action: 'calendar.imported',
        target: String(params.year),
        detail: { year: params.year, format: body.format },
        ip: request.ip,
        at: hub.now(),
      });
    });
    hub.log.info({ year: params.year, by: session.user.id }, 'reference data: calendar year imported');
    return { years: hub.reference.calendarYears(hub.now()) };
  });
}
