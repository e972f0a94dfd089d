/** The shell: product name, header, navigation and view titles. zh-CN, the console's primary language; en/shell.ts is typed against it. */
export const shell = {
  app: {
    name: '网格联动指挥台',
    tagline: '县乡两级社会治理联动指挥',
    loading: '正在连接控制台服务…',
  },
  header: {
    scopeLabel: '管辖范围',
    logout: '退出',
    switchLanguage: 'English',
    switchLanguageTitle: '切换为英文界面',
  },
  nav: {
    wall: '视频墙',
    map: '地图',
    dispatch: '联动处置',
    kpi: '统计考核',
    audit: '调阅审计',
    admin: '系统管理',
    duty: '值班',
    collapse: '收起导航',
    expand: '展开导航',
  },
  scale: {
    label: '大屏字号',
    hint: '大屏字号：在 3–5 米外看大屏时放大文字和卡片（本机记住）',
    option100: '100%',
    option125: '大屏 125%',
    option150: '大屏 150%',
  },
  alerts: {
    title: '告警中心',
    badge: '未确认告警 {{count}} 条',
    empty: '暂无告警',
    ack: '确认',
    ackAll: '全部确认',
    open: '查看案件',
    kind: {
      serious_case: '新的严重事件',
      intake_late: '受理超时',
      outbox_refused: '离线操作被拒',
      leg_overdue: '办理超期（已自动督办）',
      supervised: '本单位被督办',
      camera_loan: '借调摄像机已到',
    },
    cameraLoanDetail: '{{camera}}，借用至 {{until}}',
  },
  views: {
    dispatch: { title: '联动处置' },
    kpi: { title: '统计考核' },
    admin: { pending: '系统管理界面将在此显示。' },
  },
};
