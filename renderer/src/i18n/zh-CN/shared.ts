/** Words every feature uses (the load/error/empty state, how long ago), zh-CN; en/shared.ts is typed against it. */
export const shared = {
  retry: '重试',
  loading: '正在加载…',
  age: {
    justNow: '刚刚',
    minutes: '{{count}} 分钟前',
    hours: '{{count}} 小时前',
    days: '{{count}} 天前',
  },
};
