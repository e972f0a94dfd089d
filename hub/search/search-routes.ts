/** `GET /api/v1/cases/search` (issue 15 §1): the caller's scope, words or a case number, filters, a page at a time. */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { roleAllows, scopeCodeOf } from '../../common/scope-policy.js';
import { SEARCH_COUNT_CAP } from '../../common/search-schemas.js';
import { parseSearchQuery } from '../../common/search-text.js';
import { instantOf } from '../../common/time-range.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { countCases, searchCases, type SearchCriteria, type SearchMode } from './search-store.js';

const cursorOf = (after: string) => {
  const [reportedAt, id] = after.split('.').map(Number);
  return { reportedAt: reportedAt!, id: id! };
};

export function registerSearchRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.caseSearch, ({ session, query }) => {
    if (!roleAllows(session.user, 'case.read')) throw new GridCommandError('forbidden', 'not permitted for your role');
    const parsed = parseSearchQuery(query.q);
    if (parsed.kind === 'tooShort') {
      throw new GridCommandError('search_text_too_short', 'a word of one Chinese character is too short to search');
    }
    const mode: SearchMode = parsed.kind === 'none' ? { kind: 'all' } : parsed;
    const criteria: SearchCriteria = {
      scopeCode: scopeCodeOf(session.user),
      mode,
      ...(query.from ? { from: instantOf(query.from) } : {}),
      ...(query.to ? { to: instantOf(query.to) } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.grade ? { grade: query.grade } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.source ? { source: query.source } : {}),
      ...(query.unit ? { unit: query.unit } : {}),
      ...(query.overdue ? { overdue: true } : {}),
      ...(query.supervised ? { supervised: true } : {}),
      sort: query.sort,
      ...(query.after ? { after: cursorOf(query.after) } : {}),
      now: hub.now(),
    };
    const page = searchCases(hub.db, criteria, query.limit);
    const next = page.next ? `${page.next.reportedAt}.${page.next.id}` : undefined;
    // Counted on the first page only, and only up to the cap: a common word has hundreds of thousands of hits.
    const counted = query.after ? undefined : countCases(hub.db, criteria, SEARCH_COUNT_CAP);
    return {
      hits: page.hits,
      ...(next ? { next } : {}),
      ...(counted !== undefined
        ? { total: Math.min(counted, SEARCH_COUNT_CAP), capped: counted > SEARCH_COUNT_CAP }
        : {}),
    };
  });
}
