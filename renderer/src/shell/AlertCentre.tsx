/**
 * The alert centre in the header: a bell with the count of unacknowledged alerts (red while a serious one is among
 * them) and, on click, the list — newest first, serious ones in red, each with "open the case" and "acknowledge".
 * Alerts come from the alert store (base/alert-store.ts), which the case feed fills.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { openAlerts, useAlertStore, type AlertItem } from '../base/alert-store.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { formatDateTime } from '../base/format.js';
import { navigateTo } from '../base/routes.js';
import { useLanguage } from '../i18n/use-language.js';
import './alert-centre.css';

export function AlertCentre({ userId }: { userId: string }) {
  const { t } = useTranslation(['shell']);
  const alerts = useAlertStore((s) => s.alerts);
  const acknowledgeAll = useAlertStore((s) => s.acknowledgeAll);
  useEffect(() => useAlertStore.getState().load(userId), [userId]);
  const { count, serious } = openAlerts(alerts);
  const list = (
    <div className="alert-centre" data-testid="alert-list">
      <div className="alert-centre-head">
        <strong>{t('shell:alerts.title')}</strong>
        <Button size="small" type="link" disabled={count === 0} onClick={acknowledgeAll} data-testid="alert-ack-all">
          {t('shell:alerts.ackAll')}
        </Button>
      </div>
      {alerts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shell:alerts.empty')} />
      ) : (
        <ul className="alert-centre-items">
          {alerts.map((alert) => (
            <AlertRow key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <Popover content={list} trigger="click" placement="bottomRight" destroyOnHidden>
      <button
        type="button"
        className={`alert-bell${serious ? ' serious' : ''}`}
        aria-label={t('shell:alerts.badge', { count })}
        title={t('shell:alerts.badge', { count })}
        data-testid="alert-bell"
        data-count={count}
        data-serious={serious}
      >
        <Badge count={count} size="small" color={serious ? '#e5484d' : '#d48806'}>
          <BellOutlined />
        </Badge>
      </button>
    </Popover>
  );
}

function AlertRow({ alert }: { alert: AlertItem }) {
  const { t } = useTranslation(['shell']);
  const language = useLanguage();
  const acknowledge = useAlertStore((s) => s.acknowledge);
  const open = () => {
    if (!alert.caseId) return;
    navigateTo('dispatch');
    useBoardStore.getState().openCase(alert.caseId);
    acknowledge(alert.id);
  };
  return (
    <li
      className={`alert-item severity-${alert.severity}${alert.acknowledged ? ' acknowledged' : ''}`}
      data-testid="alert-item"
      data-kind={alert.kind}
      data-severity={alert.severity}
      data-case-id={alert.caseId ?? ''}
      data-acknowledged={alert.acknowledged}
    >
      <div className="alert-item-title">
        {t(`shell:alerts.kind.${alert.kind}`)}
        {alert.caseNo ? ` · ${alert.caseNo}` : ''}
      </div>
      {alert.detail ? <div className="alert-item-detail">{alert.detail}</div> : null}
      {alert.cameraName ? (
        <div className="alert-item-detail">
          {t('shell:alerts.cameraLoanDetail', {
            camera: alert.cameraName,
            until: alert.until ? formatDateTime(alert.until, language) : '',
          })}
        </div>
      ) : null}
      <div className="alert-item-foot">
        <span>{formatDateTime(alert.at, language)}</span>
        {alert.caseId ? (
          <Button size="small" type="link" onClick={open}>
            {t('shell:alerts.open')}
          </Button>
        ) : null}
        {alert.acknowledged ? null : (
          <Button size="small" onClick={() => acknowledge(alert.id)} data-testid="alert-ack">
            {t('shell:alerts.ack')}
          </Button>
        )}
      </div>
    </li>
  );
}
