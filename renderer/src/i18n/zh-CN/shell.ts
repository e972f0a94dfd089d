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
    collapse: '收起导航',
    expand: '展开导航',
  },
  views: {
    comingSoon: '该功能将在其专项任务中实现',
    selectedUnit: '当前单位：{{name}}',
    wall: {
      title: '视频墙',
      description: '大屏分屏、轮巡与按权限调看监控视频。',
      cameras: '辖区监控点',
      online: '在线',
      sensitive: '敏感点位',
      loadFailed: '监控点列表加载失败：{{message}}',
    },
    map: { title: '地图', description: '事件热力图、网格边界与监控点位分布。' },
    dispatch: { title: '联动处置', description: '立案、派遣、签收、处置反馈、核查结案的全流程看板。' },
    kpi: { title: '统计考核', description: '结案率、按期结案率、返工率、督办数等单位考核指标。' },
  },
};
