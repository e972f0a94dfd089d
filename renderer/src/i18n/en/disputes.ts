/** Dispute outcomes: the move panel's fields and the KPI view's panel (common/dispute-outcomes.ts). */
export const disputes = {
  fieldset: 'Dispute outcome',
  path: 'Resolution path',
  outcome: 'Outcome',
  pathPlaceholder: 'Choose the resolution path (or leave it for the check)',
  outcomeRequired: 'Choose the outcome',
  paths: {
    people_mediation: "People's mediation",
    administrative_mediation: 'Administrative mediation',
    video_mediation: 'Video mediation',
    judicial_confirmation: 'Judicial confirmation',
    litigation: 'Litigation',
  },
  outcomes: {
    mediated: 'Mediated',
    failed_litigation: 'Mediation failed → litigation',
    withdrawn: 'Withdrawn',
  },
  kpi: {
    title: 'Disputes (non-litigation / litigation)',
    total: 'Disputes',
    nonLitigation: 'Non-litigation',
    litigation: 'Litigation',
    judicialConfirmations: 'Judicial confirmations',
    mediationSuccess: 'Mediation success',
    year: 'Year',
    none: 'No dispute outcome recorded in this period',
  },
};
