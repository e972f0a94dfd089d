/** The desktop app's first-start screen. zh-CN, the console's primary language; en/startup.ts is typed against it. */
export const startup = {
  title: '正在启动网格联动指挥台',
  firstStartHint: '首次启动需要准备示范县数据和视频片段，约需一两分钟；以后启动只需几秒。',
  steps: {
    county: '生成示范县（乡镇、村社区、网格、监控点、账号）',
    history: '导入 2017–2020 年历史事件',
    clips: '编码示范视频片段',
  },
  stepWaiting: '等待中',
  stepDone: '完成',
  restarting: '内置中心服务已停止，正在重启：{{reason}}',
  failed: '内置中心服务未能启动：{{reason}}',
  logPath: '日志：{{path}}',
};
