/** English: the same namespaces and keys as zh-CN (each file is typed against its Chinese twin). */
import { shell } from './shell.js';
import { session } from './session.js';
import { orgTree } from './org-tree.js';
import { dispatch } from './dispatch.js';
import { kpi } from './kpi.js';
import { wall } from './wall.js';
import { map } from './map.js';
import { audit } from './audit.js';
import { admin } from './admin.js';
import { countyAdmin } from './county-admin.js';
import { errors } from './errors.js';
import { shared } from './shared.js';
import { referenceData } from './reference-data.js';
import { startup } from './startup.js';
import { evidence } from './evidence.js';
import { paper } from './paper.js';
import { duty } from './duty.js';
import { disputes } from './disputes.js';
import { roles } from './roles.js';
import { search } from './search.js';
import { recordingPolicy } from './recording-policy.js';

export const en = {
  shell,
  session,
  orgTree,
  dispatch,
  kpi,
  wall,
  map,
  audit,
  admin,
  countyAdmin,
  errors,
  shared,
  referenceData,
  startup,
  evidence,
  paper,
  duty,
  disputes,
  roles,
  search,
  recordingPolicy,
};
