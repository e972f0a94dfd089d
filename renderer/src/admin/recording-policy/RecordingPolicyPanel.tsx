/**
 * 录像策略 / Recording policy: the policy rows (a unit's or a camera's; a camera's own row wins over its nearest
 * unit's), added, edited and removed here, with a line on what the recorder does at this hub (GRID_RECORDING, the
 * retention and disk quota in force, the cap of cameras at once and who it leaves out). The hub is the judge: only
 * an administrator gets an answer, and every change is on the admin audit.
 */
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminCamera } from '../../../../common/county-import.js';
import type {
  RecordingHubSettings,
  RecordingPolicyList,
  RecordingPolicyRow,
} from '../../../../common/recording-policy-schemas.js';
import type { OrgUnit } from '../../../../common/schemas.js';
import { call } from '../../bridge/index.js';
import { errorMessage } from '../../i18n/error-message.js';
import { useLoaded } from '../use-loaded.js';
import { beijingStamp } from '../audit-csv.js';
import { EffectivePolicyCheck } from './EffectivePolicyCheck.js';
import { RecordingPolicyForm } from './RecordingPolicyForm.js';

const MODE_COLOR = { continuous: 'green', events: 'blue', off: 'default' } as const;
const rowKey = (r: RecordingPolicyRow) =>
  r.target.kind === 'unit' ? `unit:${r.target.unitCode}` : `camera:${r.target.cameraId}`;

function HubLine({ hub }: { hub: RecordingHubSettings }) {
  const { t } = useTranslation(['recordingPolicy']);
  const quota = hub.quotaBytes > 0 ? `${(hub.quotaBytes / 1024 ** 3).toFixed(1)} GB` : t('recordingPolicy:noQuota');
  const facts = { days: hub.retentionDays, quota, max: hub.maxCameras, wanted: hub.wanted, recording: hub.recording };
  const names = hub.capped.map((c) => c.name).join('、') + (hub.cappedTotal > hub.capped.length ? ' …' : '');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={hub.enabled ? 'info' : 'warning'}
        showIcon
        title={hub.enabled ? t('recordingPolicy:hubOn', facts) : t('recordingPolicy:hubOff', facts)}
        data-testid="recording-policy-hub"
      />
      {/* Only where the recorder runs: with recording off the cap leaves nobody out. */}
      {hub.enabled && hub.cappedTotal > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('recordingPolicy:capped', { max: hub.maxCameras, count: hub.cappedTotal, names })}
          data-testid="recording-policy-capped"
        />
      )}
    </Space>
  );
}

export function RecordingPolicyPanel() {
  const { t } = useTranslation(['recordingPolicy']);
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<RecordingPolicyRow | 'new' | null>(null);
  const onError = (err: unknown) => message.error(t('recordingPolicy:loadFailed', { message: errorMessage(err) }));
  const list = useLoaded<RecordingPolicyList>(() => call('admin.recordingPolicies', {}), String(version), onError);
  // The pickers' choices: read once per visit of the tab (the camera register and org import have their own tabs).
  const units = useLoaded<OrgUnit[]>(() => call('org.units', {}), 'units', onError);
  const cameras = useLoaded<AdminCamera[]>(() => call('admin.cameras', {}), 'cameras', onError);
  const inService = useMemo(() => (cameras.value ?? []).filter((c) => c.retiredAt === null), [cameras.value]);
  const changed = () => setVersion((n) => n + 1);

  const remove = async (row: RecordingPolicyRow) => {
    try {
      await call('admin.removeRecordingPolicy', { target: row.target });
      message.success(t('recordingPolicy:removed', { name: row.name }));
      changed();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="recording-policy-panel">
      {list.value && <HubLine hub={list.value.hub} />}
      <Button type="primary" onClick={() => setEditing('new')} data-testid="recording-policy-add">
        {t('recordingPolicy:add')}
      </Button>
      <Table<RecordingPolicyRow>
        size="small"
        rowKey={rowKey}
        loading={list.loading}
        dataSource={list.value?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('recordingPolicy:empty') }}
        data-testid="recording-policy-table"
        columns={[
          {
            title: t('recordingPolicy:columns.target'),
            key: 'target',
            render: (_, r) => (
              <Space size="small">
                <Tag color={r.target.kind === 'unit' ? 'purple' : 'cyan'}>
                  {t(`recordingPolicy:kinds.${r.target.kind}`)}
                </Tag>
                <span>{r.name}</span>
                <Typography.Text type="secondary">{r.code}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('recordingPolicy:columns.mode'),
            key: 'mode',
            width: 120,
            render: (_, r) => <Tag color={MODE_COLOR[r.mode]}>{t(`recordingPolicy:modes.${r.mode}`)}</Tag>,
          },
          {
            title: t('recordingPolicy:columns.around'),
            key: 'around',
            width: 170,
            render: (_, r) =>
              r.mode === 'events' ? t('recordingPolicy:seconds', { pre: r.preSeconds, post: r.postSeconds }) : '—',
          },
          {
            title: t('recordingPolicy:columns.updatedAt'),
            key: 'updatedAt',
            width: 170,
            render: (_, r) => beijingStamp(r.updatedAt),
          },
          {
            title: t('recordingPolicy:columns.updatedBy'),
            key: 'updatedBy',
            width: 150,
            render: (_, r) => r.updatedBy ?? t('recordingPolicy:bySystem'),
          },
          {
            title: t('recordingPolicy:columns.actions'),
            key: 'actions',
            width: 150,
            render: (_, r) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('recordingPolicy:edit')}
                </Button>
                <Popconfirm
                  title={t('recordingPolicy:removeConfirm', { name: r.name })}
                  onConfirm={() => void remove(r)}
                >
                  <Button size="small" danger>
                    {t('recordingPolicy:remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <EffectivePolicyCheck cameras={inService} version={version} />
      {editing && (
        <RecordingPolicyForm
          row={editing === 'new' ? null : editing}
          units={units.value ?? []}
          cameras={inService}
          onClose={() => setEditing(null)}
          onSaved={(row) => {
            setEditing(null);
            message.success(t('recordingPolicy:saved', { name: row.name }));
            changed();
          }}
        />
      )}
    </Space>
  );
}
