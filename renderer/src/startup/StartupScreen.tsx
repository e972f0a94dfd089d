/**
 * `#/startup`: the desktop app's first window while the embedded hub starts in its own process — each step (county
 * seeded, history imported, clips encoded) and one progress bar over them, or why the hub stopped and where its log
 * is. The status comes from the app's own protocol (main/electron/app-protocol.ts), polled; main replaces this page
 * with the login once the hub is ready. Only Electron opens it; the web host never does.
 */
import { Alert, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STARTUP_STEPS,
  startupFraction,
  type StartupStatus,
  type StepProgress,
} from '../../../common/startup-status.js';

export const STARTUP_HASH = '#/startup';
const POLL_MS = 300;

export function isStartupHash(hash: string): boolean {
  return hash === STARTUP_HASH;
}

function useStartupStatus(): StartupStatus | null {
  const [status, setStatus] = useState<StartupStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const answer = await fetch('./startup-status.json', { cache: 'no-store' });
        if (answer.ok && !stopped) setStatus((await answer.json()) as StartupStatus);
      } catch {
        // The next poll tries again; main answers this from memory, so a miss is momentary.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    let timer = setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return status;
}

export function StartupScreen() {
  const { t } = useTranslation(['startup']);
  const status = useStartupStatus();
  const percent = status ? Math.round(startupFraction(status) * 100) : 0;
  const stepText = (progress: StepProgress | null) => {
    if (!progress) return t('startup:stepWaiting');
    if (progress.done >= progress.total) return t('startup:stepDone');
    return `${progress.done} / ${progress.total}`;
  };
  return (
    <div className="app-startup" data-testid="startup-screen">
      <Typography.Title level={3}>{t('startup:title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('startup:firstStartHint')}</Typography.Paragraph>
      <Progress
        percent={percent}
        status={status?.phase === 'failed' ? 'exception' : 'active'}
        data-testid="startup-progress"
      />
      <ul className="app-startup-steps">
        {STARTUP_STEPS.map((step) => (
          <li key={step} data-testid={`startup-step-${step}`}>
            <span>{t(`startup:steps.${step}`)}</span>
            <span>{stepText(status?.steps[step] ?? null)}</span>
          </li>
        ))}
      </ul>
      {status?.phase === 'restarting' && status.reason && (
        <Alert type="warning" showIcon title={t('startup:restarting', { reason: status.reason })} />
      )}
      {status?.phase === 'failed' && status.reason && (
        <Alert
          type="error"
          showIcon
          title={t('startup:failed', { reason: status.reason })}
          description={status.logPath ? t('startup:logPath', { path: status.logPath }) : undefined}
        />
      )}
    </div>
  );
}
