/** Signing in, how a session ended, the link to the county hub. zh-CN, the console's primary language; en/session.ts is typed against it. */
export const session = {
  login: {
    title: '登录指挥台',
    subtitle: '县联动处置值班员、乡镇网格管理中心主任、大屏操作员使用',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    submitting: '正在登录…',
    gridWorkerHint: '网格员请使用“掌上治理通”移动终端。',
  },
  sessionEnded: {
    logout: '您已退出登录',
    expired: '会话已过期，请重新登录',
    revoked: '会话已被注销，请重新登录',
  },
  connection: {
    online: '平台在线',
    connecting: '正在连接',
    offline: '平台离线',
    since: '自 {{time}}',
    hub: '县级平台地址：{{url}}',
    lastError: '最近错误：{{error}}',
    unknown: '状态未知',
    cachedAt: '离线数据截至 {{time}}',
    outboxPending: '{{count}} 项操作待同步',
    outboxRefused: '{{count}} 项离线操作被拒绝',
  },
};
