/**
 * `/api/v1/reference…`: reading reference data (any signed-in user: consoles name categories and run countdowns from
 * it) and the administrator's two writes, each one group-committed write that refuses without writing anything.
 */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { describeReferenceChange } from '../../common/reference-versions.js';
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

  route(app, hub, hubRoutes.referenceVersionCreate, async ({ session, body }) => {
    requireReferenceAdmin(session.user);
    const version = await writeAndReload(hub, () => createReferenceVersion(hub, session.user, body));
    // What changed, by code: the detail an admin audit records (common/reference-versions.ts).
    const previous = hub.reference.versions.find((v) => v.version === version.version - 1)!;
    const change = describeReferenceChange(previous, version);
    hub.log.info({ version: version.version, by: session.user.id, change }, 'reference data: new version saved');
    return version;
  });

  route(app, hub, hubRoutes.calendarYearImport, async ({ session, params, body }) => {
    requireReferenceAdmin(session.user);
    await writeAndReload(hub, () => importCalendarYear(hub, session.user, params.year, body));
    hub.log.info({ year: params.year, by: session.user.id }, 'reference data: calendar year imported');
    return { years: hub.reference.calendarYears(hub.now()) };
  });
}
