/** 矛盾纠纷化解结果: the move panel's fields and the KPI view's panel (common/dispute-outcomes.ts). */
export const disputes = {
  fieldset: '纠纷化解结果',
  path: '化解途径',
  outcome: '化解结果',
  pathPlaceholder: '选择化解途径（可稍后在核查时填写）',
  outcomeRequired: '请选择化解结果',
  paths: {
    people_mediation: '人民调解',
    administrative_mediation: '行政调解',
    video_mediation: '视频调解',
    judicial_confirmation: '司法确认',
    litigation: '诉讼',
  },
  outcomes: {
    mediated: '调解成功',
    failed_litigation: '调解不成，转诉讼',
    withdrawn: '撤回',
  },
  kpi: {
    title: '矛盾纠纷化解（非诉讼 / 诉讼）',
    total: '纠纷总数',
    nonLitigation: '非诉讼化解',
    litigation: '诉讼',
    judicialConfirmations: '司法确认',
    mediationSuccess: '调解成功率',
    year: '年度',
    none: '本期没有记录化解结果的纠纷',
  },
};
