/**
 * The admin audit (管理审计): every administrative act, login and failed login, newest first, paged by the hub;
 * filter by actor, action and period (Beijing dates); CSV export of everything the filter matches, with headers in
 * the UI language and Beijing times.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Input, Select, Table, type GetProps } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADMIN_ACTIONS,
  type AdminAction,
  type AdminAuditEntry,
  type AdminAuditQuery,
} from '../../../common/admin-schemas.js';
import { fileStamp } from '../base/format.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { downloadText } from '../kpi/download.js';
import { useLoaded } from './use-loaded.js';
import { hubPaging } from './hub-paging.js';
import { actionLabel, adminAuditCsv, beijingStamp } from './audit-csv.js';

type Range = GetProps<typeof DatePicker.RangePicker>['value'];
const PAGE_SIZE = 50;
const EXPORT_PAGE = 5000;

export function AdminAuditTab() {
  const { t } = useTranslation(['admin']);
  const { message } = App.useApp();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<AdminAction>();
  const [range, setRange] = useState<Range>(null);
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);

  const filter = useCallback((): Omit<AdminAuditQuery, 'page' | 'pageSize'> => {
    const [from, to] = range ?? [];
    return {
      actor: actor.trim() || undefined,
      action,
      // Bare dates: Beijing midnight at the hub; `to` is exclusive, so the day after the last one picked.
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.add(1, 'day').format('YYYY-MM-DD') : undefined,
    };
  }, [actor, action, range]);

  const query = { ...filter(), page, pageSize: PAGE_SIZE };
  const audit = useLoaded(
    () => call('admin.audit', query),
    JSON.stringify(query),
    (error) => message.error(errorMessage(error)),
  );
  const data = audit.value ?? { items: [], total: 0 };
  const loading = audit.loading;

  const exportCsv = async () => {
    setExporting(true);
    try {
      const items: AdminAuditEntry[] = [];
      for (let p = 1; ; p++) {
        const answer = await call('admin.audit', { ...filter(), page: p, pageSize: EXPORT_PAGE });
        items.push(...answer.items);
        if (items.length >= answer.total || answer.items.length === 0) break;
      }
      downloadText(`admin-audit-${fileStamp(Date.now())}.csv`, adminAuditCsv(items));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      <div className="admin-toolbar">
        <Input.Search
          allowClear
          placeholder={t('admin:audit.actor')}
          style={{ width: 220 }}
          onSearch={(value) => {
            setActor(value);
            setPage(1);
          }}
          data-testid="admin-audit-actor"
        />
        <Select
          allowClear
          placeholder={t('admin:audit.allActions')}
          style={{ width: 200 }}
          value={action}
          onChange={(value) => {
            setAction(value);
            setPage(1);
          }}
          options={ADMIN_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          data-testid="admin-audit-action"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => {
            setRange(value);
            setPage(1);
          }}
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportCsv()}
          data-testid="admin-audit-export"
        >
          {t('admin:audit.export')}
        </Button>
      </div>
      <Table<AdminAuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.items}
        data-testid="admin-audit-table"
        pagination={hubPaging(page, PAGE_SIZE, data.total, setPage, (count) => t('admin:audit.total', { count }))}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 70 },
          { title: t('admin:audit.at'), key: 'at', width: 170, render: (_, e) => beijingStamp(e.at) },
          { title: t('admin:audit.actor'), key: 'actor', render: (_, e) => e.actorUsername ?? t('admin:audit.system') },
          { title: t('admin:audit.action'), key: 'action', render: (_, e) => actionLabel(e.action) },
          { title: t('admin:audit.target'), dataIndex: 'target' },
          { title: t('admin:audit.ip'), dataIndex: 'ip', width: 130 },
          {
            title: t('admin:audit.detail'),
            key: 'detail',
            render: (_, e) => <span className="admin-detail">{e.detail ?? ''}</span>,
          },
        ]}
      />
    </div>
  );
}
