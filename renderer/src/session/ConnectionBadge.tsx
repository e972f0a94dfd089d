/**
 * The console service's link to the county hub: online / connecting / offline and since when. Operators glance at
 * it to know whether what they see is live, so the state is both a colour and a word.
 */
import { Badge, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../../../common/schemas.js';
import { useSessionStore } from './session-store.js';
import { formatClock, formatDateTime, formatStamp } from '../base/format.js';
import type { Language } from '../i18n/index.js';
import { useLanguage } from '../i18n/use-language.js';

const BADGE_STATUS = { online: 'success', connecting: 'processing', offline: 'error' } as const;

/** Since when, in the one format of the language (base/format.ts): the time today, date and time before. */
function formatSince(since: string, language: Language): string {
  const ms = Date.parse(since);
  if (Number.isNaN(ms)) return since;
  return formatStamp(ms).slice(0, 10) === formatStamp(Date.now()).slice(0, 10)
    ? formatClock(ms, language).time
    : formatDateTime(ms, language);
}

function StatusDetails({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation(['session']);
  return (
    <div>
      <div>{t('session:connection.hub', { url: status.hubUrl })}</div>
      {status.lastError ? <div>{t('session:connection.lastError', { error: status.lastError })}</div> : null}
      {status.outbox?.pending ? (
        <div>{t('session:connection.outboxPending', { count: status.outbox.pending })}</div>
      ) : null}
      {status.outbox?.refused ? (
        <div>{t('session:connection.outboxRefused', { count: status.outbox.refused })}</div>
      ) : null}
    </div>
  );
}

/** `testId` only in the header: tests read the one badge of the signed-in shell. */
export function ConnectionBadge({ testId }: { testId?: string }) {
  const { t } = useTranslation(['session']);
  const language = useLanguage();
  const status = useSessionStore((state) => state.connection);
  if (!status) {
    return (
      <span data-testid={testId} data-state="connecting">
        <Badge status="default" text={t('session:connection.unknown')} />
      </span>
    );
  }
  return (
    <Tooltip title={<StatusDetails status={status} />}>
      <span data-testid={testId} data-state={status.state} className="connection-badge">
        <Badge status={BADGE_STATUS[status.state]} text={t(`session:connection.${status.state}`)} />
        <Typography.Text type="secondary" className="connection-since">
          {t('session:connection.since', { time: formatSince(status.since, language) })}
        </Typography.Text>
        {/* Reads come from the console's own store while the hub is away: say plainly as of when. */}
        {status.cachedAt ? (
          <Typography.Text type="warning" className="connection-cached-at" data-testid="connection-cached-at">
            {t('session:connection.cachedAt', { time: formatSince(status.cachedAt, language) })}
          </Typography.Text>
        ) : null}
      </span>
    </Tooltip>
  );
}
