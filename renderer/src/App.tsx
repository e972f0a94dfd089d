/**
 * The root: antd in the dark theme with the locale of the UI language, then login or the console depending on the
 * session that the console service reports.
 */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './i18n/use-language.js';
import { ChangePasswordModal } from './session/ChangePasswordModal.js';
import { LoginPage } from './session/LoginPage.js';
import { useSessionStore } from './session/session-store.js';
import { useSessionPushes } from './session/use-session-pushes.js';
import { loadReference, useReferenceRevision } from './base/reference.js';
import { CONSOLE_THEME } from './shell/theme.js';
import { ShellLayout } from './shell/ShellLayout.js';
import { isStartupHash, StartupScreen } from './startup/StartupScreen.js';
import { useIsWallDisplay } from './wall/wall-display-route.js';
import { WallDisplay } from './wall/WallDisplay.js';

function Screens() {
  const { t } = useTranslation(['shell']);
  const phase = useSessionStore((state) => state.phase);
  const user = useSessionStore((state) => state.user);
  const wallDisplay = useIsWallDisplay();

  useEffect(() => void useSessionStore.getState().start(), []);
  useSessionPushes(phase === 'signed-in');
  // The hub's reference data (versions, calendar); until it arrives the shipped tables name categories. Re-render
  // the tree when it does.
  useReferenceRevision();
  useEffect(() => {
    if (phase === 'signed-in') void loadReference().catch(() => undefined);
  }, [phase, user?.id]);

  useEffect(() => {
    document.title = t('shell:app.name');
  }, [t]);

  if (phase === 'starting') {
    return (
      <div className="app-starting">
        <Spin size="large" description={t('shell:app.loading')} />
      </div>
    );
  }
  // A one-time password: nothing but the forced change until it is changed (the hub would refuse everything else).
  if (phase === 'signed-in' && user?.mustChangePassword) {
    return (
      <div className="app-starting">
        <ChangePasswordModal open forced onClose={() => undefined} />
      </div>
    );
  }
  // Keyed by user: a new sign-in gets fresh view state, never the previous user's.
  if (phase === 'signed-in' && user && wallDisplay) return <WallDisplay key={user.id} user={user} />;
  return phase === 'signed-in' && user ? <ShellLayout key={user.id} user={user} /> : <LoginPage />;
}

export function App() {
  const language = useLanguage();
  return (
    <ConfigProvider theme={CONSOLE_THEME} locale={language === 'en' ? enUS : zhCN}>
      <AntApp className="app-root">
        {/* The desktop app's first window while its hub starts: no session to ask for yet. */}
        {isStartupHash(window.location.hash) ? <StartupScreen /> : <Screens />}
      </AntApp>
    </ConfigProvider>
  );
}
