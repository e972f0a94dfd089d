/**
 * 值班 / Duty: the command room's roster (a week grid, edited by the centre's director / the county duty officers),
 * the shift handover (the outgoing officer's note, the open serious and overdue cases attached by the hub; the
 * incoming officer acknowledges it) and the searchable handover history. The hub decides who may do what
 * (common/duty-policy.ts); the view only hides what would be refused.
 */
import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { isDutyRoom } from '../../../common/duty-policy.js';
import { useSessionStore } from '../session/session-store.js';
import { HandoverHistory } from './HandoverHistory.js';
import { HandoverPanel } from './HandoverPanel.js';
import { RosterPanel } from './RosterPanel.js';
import './duty.css';

export function DutyView() {
  const { t } = useTranslation(['duty']);
  const user = useSessionStore((s) => s.user);
  if (!user || !isDutyRoom(user.orgUnitCode)) {
    return (
      <div className="duty-view">
        <Alert type="info" showIcon title={t('duty:noRoom')} />
      </div>
    );
  }
  return (
    <div className="duty-view" data-testid="duty-view">
      <Tabs
        defaultActiveKey="handover"
        items={[
          {
            key: 'roster',
            label: <span data-testid="duty-tab-roster">{t('duty:tabs.roster')}</span>,
            children: <RosterPanel />,
          },
          {
            key: 'handover',
            label: <span data-testid="duty-tab-handover">{t('duty:tabs.handover')}</span>,
            children: <HandoverPanel />,
          },
          {
            key: 'history',
            label: <span data-testid="duty-tab-history">{t('duty:tabs.history')}</span>,
            children: <HandoverHistory />,
          },
        ]}
      />
    </div>
  );
}
