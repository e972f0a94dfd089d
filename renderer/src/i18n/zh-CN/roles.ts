/** 村（社区）与县直部门：对部门的评价（逆向考核）、摄像机借调、部门评价统计。 */
export const roles = {
  ratings: {
    title: '部门评价（逆向考核）',
    none: '尚无部门评价',
    rate: '评价',
    scoreLabel: '评分',
    note: '评价说明（可选）',
    submit: '提交评价',
    rated: '已评价',
    by: '{{unit}} · {{name}} · {{at}}',
    hint: '部门反馈或案件结案后，案发村（社区）可对处置部门评价一次。',
  },
  loans: {
    title: '摄像机借调',
    none: '本案暂无借调',
    camera: '借调摄像机',
    cameraPlaceholder: '选择案发地附近、借用单位辖区外的摄像机',
    grantee: '借给',
    lend: '借调',
    revoke: '收回',
    active: '借调中',
    ended: '已结束',
    endReason: {
      revoked: '已收回',
      case_closed: '随结案结束',
    },
    until: '至 {{at}}（结案即结束）',
    noBorrower: '本案没有可借用的乡镇或村（社区）承办单位',
  },
  tree: {
    loans: '借调',
    loansHint: '为本单位承办的案件借来的摄像机，结案或收回后消失',
  },
  kpi: {
    title: '部门评价',
    department: '部门',
    count: '评价次数',
    average: '平均分',
    months: '按月',
    none: '本期没有部门评价',
    small: '样本少于 20 次，仅供参考',
  },
};
