/** `/api/v1/duty/*` (roster, on duty now, handovers) and `/api/v1/alerts` — rules in duty.ts and hub-alerts.ts. */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { instantOf } from '../../common/time-range.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import {
  acknowledge,
  addShift,
  dropShift,
  findHandovers,
  onDutyNow,
  readHandover,
  roster,
  writeHandover,
} from './duty.js';
import { acknowledge as acknowledgeAlerts, listAlerts } from './hub-alerts.js';

export function registerShiftRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.dutyRoster, ({ session, query }) =>
    roster(hub, session.user, {
      from: instantOf(query.from),
      to: instantOf(query.to),
      ...(query.room ? { room: query.room } : {}),
    }),
  );

  route(app, hub, hubRoutes.dutyShiftAdd, ({ session, body }) =>
    hub.writes.run(() =>
      addShift(hub, session.user, {
        officerUserId: body.officerUserId,
        startsAt: Date.parse(body.startsAt),
        endsAt: Date.parse(body.endsAt),
        note: body.note,
      }),
    ),
  );

  route(app, hub, hubRoutes.dutyShiftRemove, ({ session, params }) =>
    hub.writes.run(() => {
      dropShift(hub, session.user, params.id);
      return { ok: true as const };
    }),
  );

  route(app, hub, hubRoutes.dutyNow, ({ session }) => onDutyNow(hub, session.user));

  route(app, hub, hubRoutes.handoverCreate, ({ session, body }) =>
    hub.writes.run(() => writeHandover(hub, session.user, body.note)),
  );

  route(app, hub, hubRoutes.handovers, ({ session, query }) => ({
    items: findHandovers(hub, session.user, {
      ...(query.from ? { from: instantOf(query.from) } : {}),
      ...(query.to ? { to: instantOf(query.to) } : {}),
      ...(query.officer ? { officer: query.officer } : {}),
      ...(query.text ? { text: query.text } : {}),
      ...(query.room ? { room: query.room } : {}),
      limit: query.limit,
    }),
  }));

  route(app, hub, hubRoutes.handover, ({ session, params }) => readHandover(hub, session.user, params.id));

  route(app, hub, hubRoutes.handoverAcknowledge, ({ session, params }) =>
    hub.writes.run(() => acknowledge(hub, session.user, params.id)),
  );

  route(app, hub, hubRoutes.alerts, ({ session }) => ({ items: listAlerts(hub, session.user) }));

  route(app, hub, hubRoutes.alertsAcknowledge, ({ session, body }) =>
    hub.writes.run(() => {
      acknowledgeAlerts(hub, session.user, body.ids);
      return { ok: true as const };
    }),
  );
}
