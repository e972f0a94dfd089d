/**
 * The contract's routes and console calls for the village level and the departments (issue 15 §3): the villages'
 * ratings of departments (逆向考核) and their roll-up, and camera loans (借调) made from the case drawer. Spread into
 * `hubRoutes` / `consoleCalls` (common/contract.ts) so the hub, the console and the OpenAPI document see one table.
 */
import { z } from 'zod';
import type { ConsoleCall, HubRoute } from './contract.js';
import {
  DepartmentRating,
  DepartmentRatingList,
  DepartmentRatingRequest,
  DepartmentRatingsQuery,
  DepartmentRatingsReport,
} from './department-ratings.js';
import { Empty } from './schemas.js';
import { CameraGrant, CameraGrantRequest } from './video-schemas.js';

const CaseParams = z.strictObject({ caseId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a case id') });

export const rolesHubRoutes = {
  /** The department ratings of one case (anyone who may read the case). */
  caseDepartmentRatings: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/department-ratings',
    auth: true,
    body: Empty,
    params: CaseParams,
    response: DepartmentRatingList,
  },
  /**
   * Rates one department leg of the case (the case's village/community director, once per leg, when the leg is
   * over). Not idempotent: a retry is refused `already_rated`, which is what the user needs to hear anyway.
   */
  caseDepartmentRate: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/department-ratings',
    auth: true,
    body: DepartmentRatingRequest,
    params: CaseParams,
    response: DepartmentRating,
    successStatus: 201,
  },
  /** The ratings of a period rolled up by department, cut to the caller's scope (as the KPI report). */
  departmentRatingsKpi: {
    method: 'GET',
    path: '/api/v1/stats/department-ratings',
    auth: true,
    body: Empty,
    query: DepartmentRatingsQuery,
    response: DepartmentRatingsReport,
  },
} as const satisfies Record<string, HubRoute>;

export const rolesConsoleCalls = {
  'ratings.forCase': { request: CaseParams, response: z.array(DepartmentRating) },
  'ratings.rate': { request: CaseParams.extend({ rating: DepartmentRatingRequest }), response: DepartmentRating },
  'stats.departmentRatings': { request: DepartmentRatingsQuery, response: DepartmentRatingsReport },
  /** Camera loans (hub routes cameraGrants*): the lender's and the borrower's list, lend from a case, revoke. */
  'grants.list': { request: Empty, response: z.array(CameraGrant) },
  'grants.create': { request: CameraGrantRequest, response: CameraGrant },
  'grants.revoke': { request: z.strictObject({ id: z.string().min(1).max(64) }), response: CameraGrant },
} as const satisfies Record<string, ConsoleCall>;
