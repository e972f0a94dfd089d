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
    collapse: '收起导航',
    expand: '展开导航',
  },
  views: {
    dispatch: { title: '联动处置' },
    kpi: { title: '统计考核' },
  },
};
