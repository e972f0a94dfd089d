/**
 * The view audit for county duty officers and administrators (`audit.read`): filter by period, user, camera and
 * kind; the table (unit names, not codes); CSV export built in the console from the rows shown (audit-csv.ts:
 * headers in the viewer's language, Beijing times, UTF-8 with a BOM for Excel, formula-like cells defused). The hub
 * cuts the rows to the reader's subtree.
 */
import { AuditOutlined, DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Input, Select, Table, Tag, Typography, type GetProps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../common/scope-policy.js';
import { VIEW_AUDIT_KINDS, type ViewAuditEntry, type ViewAuditFilter } from '../../../common/video-schemas.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useSessionStore } from '../session/session-store.js';
import { fileStamp, formatStamp } from '../base/format.js';
import { indexUnits, unitLabel } from '../base/labels.js';
import { useOrgStore } from '../base/org-store.js';
import { useLanguage } from '../i18n/use-language.js';
import { localizedAuditCsv } from './audit-csv.js';
import { auditRowKind } from './audit-row-kind.js';
import './audit.css';

type Range = GetProps<typeof DatePicker.RangePicker>['value'];
const KIND_COLOURS = {
  token_issued: 'blue',
  view: 'green',
  grant_created: 'gold',
  grant_ended: 'default',
  playback: 'purple',
  export: 'magenta',
} as const;
const LIMIT = 2000;

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

const stamp = (iso: string | null) => (iso ? formatStamp(Date.parse(iso)) : '');

export function AuditView() {
  const { t } = useTranslation(['audit']);
  const user = useSessionStore((s) => s.user);
  if (!user || !roleAllows(user, 'audit.read')) {
    return (
      <div className="audit-view">
        <Alert type="info" showIcon title={t('audit:noPermission')} />
      </div>
    );
  }
  return <AuditScreen />;
}

function AuditScreen() {
  const { t } = useTranslation(['audit']);
  const { message } = App.useApp();
  const [range, setRange] = useState<Range>(null);
  const [userText, setUserText] = useState('');
  const [cameraText, setCameraText] = useState('');
  const [kind, setKind] = useState<ViewAuditFilter['kind']>();
  const [rows, setRows] = useState<ViewAuditEntry[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [loading, setLoading] = useState(true);
  const language = useLanguage();
  const orgUnits = useOrgStore((s) => s.units);
  // Unit names, not raw codes (431099 → X县); a unit outside the loaded tree keeps its code.
  const unitName = useMemo(() => {
    const units = indexUnits(orgUnits);
    return (code: string) => unitLabel(code, units, language, true);
  }, [orgUnits, language]);

  const run = useCallback(
    (filter: ViewAuditFilter) =>
      call('audit.views', filter).then(
        (answer) => {
          setRows(answer.items);
          setTruncated(answer.truncated);
          setLoading(false);
        },
        (error: unknown) => {
          setLoading(false);
          message.error(t('audit:loadFailed', { message: errorMessage(error) }));
        },
      ),
    [message, t],
  );

  // The latest rows on opening; later searches are the operator's.
  useEffect(() => void run({ limit: LIMIT }), [run]);

  const search = () => {
    setLoading(true);
    void run({
      limit: LIMIT,
      ...(range?.[0] ? { from: range[0].toISOString() } : {}),
      ...(range?.[1] ? { to: range[1].toISOString() } : {}),
      ...(userText.trim() ? { user: userText.trim() } : {}),
      ...(cameraText.trim() ? { camera: cameraText.trim() } : {}),
      ...(kind ? { kind } : {}),
    });
  };

  const exportCsv = () => {
    if (!rows) return;
    const name = `${t('audit:title')}_${fileStamp(Date.now())}.csv`;
    download(name, localizedAuditCsv(rows, t, unitName));
    message.success(t('audit:exported', { name }));
  };

  return (
    <div className="audit-view" data-testid="audit-view">
      <div className="audit-head">
        <Typography.Title level={4}>
          <AuditOutlined /> {t('audit:title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('audit:subtitle')}</Typography.Text>
      </div>
      <div className="audit-filters">
        <DatePicker.RangePicker showTime value={range} onChange={setRange} placeholder={[t('audit:period'), '']} />
        <Input
          allowClear
          placeholder={t('audit:user')}
          value={userText}
          onChange={(e) => setUserText(e.target.value)}
          data-testid="audit-user"
        />
        <Input
          allowClear
          placeholder={t('audit:camera')}
          value={cameraText}
          onChange={(e) => setCameraText(e.target.value)}
          data-testid="audit-camera"
        />
        <Select
          allowClear
          placeholder={t('audit:allKinds')}
          value={kind}
          onChange={setKind}
          options={VIEW_AUDIT_KINDS.map((k) => ({ value: k, label: t(`audit:kinds.${k}`) }))}
          className="audit-kind"
        />
        <Button type="primary" icon={<SearchOutlined />} loading={loading} onClick={search} data-testid="audit-search">
          {t('audit:search')}
        </Button>
        <Button icon={<DownloadOutlined />} disabled={!rows?.length} onClick={exportCsv} data-testid="audit-export">
          {t('audit:export')}
        </Button>
        {rows ? <Typography.Text type="secondary">{t('audit:count', { count: rows.length })}</Typography.Text> : null}
      </div>
      {truncated ? <Alert type="warning" showIcon title={t('audit:truncated', { count: LIMIT })} /> : null}
      <Table<ViewAuditEntry>
        size="small"
        rowKey="id"
        loading={loading && rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        tableLayout="fixed"
        scroll={{ x: 1500, y: 'calc(100vh - 330px)' }}
        data-testid="audit-table"
        columns={[
          { key: 'at', title: t('audit:columns.at'), width: 160, render: (_, r) => stamp(r.at) },
          {
            key: 'kind',
            title: t('audit:columns.kind'),
            width: 120,
            render: (_, r) => {
              // Playback tickets and exports are token_issued rows told apart by their detail (audit-row-kind.ts).
              const kind = auditRowKind(r);
              return (
                <Tag color={KIND_COLOURS[kind]} data-testid="audit-kind" data-kind={kind}>
                  {t(`audit:kinds.${kind}`)}
                </Tag>
              );
            },
          },
          {
            key: 'user',
            title: t('audit:columns.user'),
            width: 160,
            render: (_, r) => (r.username ? `${r.userDisplayName ?? ''} ${r.username}` : t('audit:system')),
          },
          {
            key: 'unit',
            title: t('audit:columns.unit'),
            width: 140,
            ellipsis: true,
            render: (_, r) => (r.userUnitCode ? <span title={r.userUnitCode}>{unitName(r.userUnitCode)}</span> : ''),
          },
          {
            key: 'camera',
            title: t('audit:columns.camera'),
            width: 300,
            ellipsis: true,
            render: (_, r) => (
              <span title={r.cameraCode}>
                {r.cameraName}
                <Typography.Text type="secondary" className="audit-code">
                  {r.cameraCode}
                </Typography.Text>
              </span>
            ),
          },
          {
            key: 'quality',
            title: t('audit:columns.quality'),
            width: 80,
            render: (_, r) => (r.quality ? t(`audit:quality.${r.quality}`) : ''),
          },
          {
            key: 'period',
            title: t('audit:columns.period'),
            width: 260,
            render: (_, r) => `${stamp(r.from)} – ${stamp(r.to)}`,
          },
          { key: 'reason', title: t('audit:columns.reason'), width: 140, dataIndex: 'reason', ellipsis: true },
          {
            key: 'caseId',
            title: t('audit:columns.caseId'),
            width: 190,
            render: (_, r) => <span className="audit-nowrap">{r.caseId ?? ''}</span>,
          },
          { key: 'ip', title: t('audit:columns.ip'), width: 140, dataIndex: 'ip' },
        ]}
      />
    </div>
  );
}
