/** Villages and departments: ratings of departments, camera loans, the department ratings table. */
import type { SameKeys } from '../same-keys.js';
import type { roles as zh } from '../zh-CN/roles.js';

export const roles: SameKeys<typeof zh> = {
  ratings: {
    title: 'Department ratings',
    none: 'No department rated yet',
    rate: 'Rate',
    scoreLabel: 'Score',
    note: 'Note (optional)',
    submit: 'Submit rating',
    rated: 'Rated',
    by: '{{unit}} · {{name}} · {{at}}',
    hint: 'Once a department fed back or the case closed, the case’s village or community rates it once.',
  },
  loans: {
    title: 'Camera loans',
    none: 'No camera lent for this case',
    camera: 'Camera to lend',
    cameraPlaceholder: 'A camera near the case, outside the borrower’s area',
    grantee: 'Lend to',
    lend: 'Lend',
    revoke: 'Revoke',
    active: 'On loan',
    ended: 'Ended',
    endReason: {
      revoked: 'revoked',
      case_closed: 'ended with the case',
    },
    until: 'until {{at}} (ends when the case closes)',
    noBorrower: 'No township or village handles this case: nobody to lend to',
  },
  tree: {
    loans: 'On loan',
    loansHint: 'Cameras lent to this unit for a case it handles; gone when the case closes or the loan is revoked',
  },
  kpi: {
    title: 'Department ratings',
    department: 'Department',
    count: 'Ratings',
    average: 'Average',
    months: 'By month',
    none: 'No department rated in this period',
    small: 'Fewer than 20 ratings: indicative only',
  },
};
