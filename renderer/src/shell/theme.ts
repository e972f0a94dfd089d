/**
 * antd theme for a dark command room: dark algorithm on a deep navy base (less glare on a wall of screens than
 * neutral grey), a clear blue for action and amber kept for warnings. CJK fonts are listed first for
 * zh-CN: macOS, Windows, then the domestic Linux desktops common in government rooms.
 */
import { theme, type ThemeConfig } from 'antd';

export const CONSOLE_THEME: ThemeConfig = {
  algorithm: theme.darkAlgorithm,
  token: {
    colorPrimary: '#2f7cf6',
    colorInfo: '#2f7cf6',
    colorWarning: '#f0a020',
    colorBgBase: '#0a111e',
    borderRadius: 6,
    fontFamily:
      "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0d1626', headerBg: '#0d1626', bodyBg: '#0a111e', triggerBg: '#111d31' },
    Menu: { darkItemBg: '#0d1626', itemBg: 'transparent' },
    Tree: { directoryNodeSelectedBg: '#1c3a66' },
  },
};
