/**
 * The camera registry: every camera (retired ones on request), searchable and paged, with its last probe as its
 * health; add, edit, retire, probe, and the import. Stream URLs arrive masked — the form never holds a password,
 * and a blank URL field on an edit keeps the stored one.
 */
import { Button, Checkbox, Input, Popconfirm, Space, Table, Tag, Tooltip, App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminCamera } from '../../../../common/county-import.js';
import { call } from '../../bridge/index.js';
import { errorMessage } from '../../i18n/error-message.js';
import { CameraForm } from './CameraForm.js';
import { CameraImportPanel } from './CameraImportPanel.js';

function HealthTag({ camera }: { camera: AdminCamera }) {
  const { t } = useTranslation(['countyAdmin']);
  const h = camera.health;
  if (!h) return <Tag>{t('countyAdmin:cameras.never')}</Tag>;
  const when = new Date(h.probedAt).toLocaleString();
  const detail = h.ok
    ? [h.codec, h.width && h.height ? `${h.width}×${h.height}` : '', h.fps ? `${h.fps} fps` : '']
        .filter(Boolean)
        .join(' · ')
    : (h.error ?? '');
  return (
    <Tooltip title={`${when} ${detail}`}>
      <Tag color={h.ok ? 'green' : 'red'}>
        {h.ok ? t('countyAdmin:cameras.healthy') : t('countyAdmin:cameras.failing')} {h.ok ? detail : ''}
      </Tag>
    </Tooltip>
  );
}

export function CameraRegistry() {
  const { t } = useTranslation(['countyAdmin']);
  const { message } = App.useApp();
  const [items, setItems] = useState<AdminCamera[]>([]);
  const [loading, setLoading] = useState(true);
  const [query, setQuery] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<AdminCamera | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(
    () =>
      call('admin.cameras', {}).then(
        (list) => {
          setItems(list);
          setLoading(false);
        },
        (err: unknown) => {
          setLoading(false);
          message.error(t('countyAdmin:cameras.loadFailed', { message: errorMessage(err) }));
        },
      ),
    [message, t],
  );
  useEffect(() => void load(), [load]);

  const replace = (camera: AdminCamera) => setItems((list) => list.map((c) => (c.id === camera.id ? camera : c)));
  const act = async (id: string, action: 'admin.cameraRetire' | 'admin.cameraProbe') => {
    setBusyId(id);
    try {
      replace(await call(action, { id }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  };

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return items.filter(
      (c) =>
        (showRetired || c.retiredAt === null) &&
        (!q || c.name.toLowerCase().includes(q) || c.code.includes(q) || c.unitCode.startsWith(q)),
    );
  }, [items, query, showRetired]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="camera-registry">
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('countyAdmin:cameras.search')}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 280 }}
        />
        <Checkbox checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)}>
          {t('countyAdmin:cameras.showRetired')}
        </Checkbox>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="camera-add">
          {t('countyAdmin:cameras.add')}
        </Button>
        <Button onClick={() => setImporting((on) => !on)}>{t('countyAdmin:cameras.import')}</Button>
      </Space>
      {importing && <CameraImportPanel onImported={() => void load()} />}
      <Table<AdminCamera>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('countyAdmin:cameras.columns.code'), dataIndex: 'code', width: 190 },
          { title: t('countyAdmin:cameras.columns.name'), dataIndex: 'name' },
          { title: t('countyAdmin:cameras.columns.unit'), dataIndex: 'unitCode', width: 150 },
          {
            title: t('countyAdmin:cameras.columns.flags'),
            key: 'flags',
            width: 130,
            render: (_, c) => (
              <>
                {c.retiredAt !== null && <Tag>{t('countyAdmin:cameras.retired')}</Tag>}
                {c.sensitive && <Tag color="orange">{t('countyAdmin:cameras.flags.sensitive')}</Tag>}
                {c.ptz && <Tag color="blue">{t('countyAdmin:cameras.flags.ptz')}</Tag>}
              </>
            ),
          },
          { title: t('countyAdmin:cameras.columns.url'), dataIndex: 'mainUrlMasked', ellipsis: true },
          {
            title: t('countyAdmin:cameras.columns.health'),
            key: 'health',
            width: 200,
            render: (_, c) => <HealthTag camera={c} />,
          },
          {
            title: t('countyAdmin:cameras.columns.actions'),
            key: 'actions',
            width: 200,
            render: (_, c) =>
              c.retiredAt === null && (
                <Space size="small">
                  <Button size="small" loading={busyId === c.id} onClick={() => void act(c.id, 'admin.cameraProbe')}>
                    {t('countyAdmin:cameras.probe')}
                  </Button>
                  <Button size="small" onClick={() => setEditing(c)}>
                    {t('countyAdmin:cameras.edit')}
                  </Button>
                  <Popconfirm
                    title={t('countyAdmin:cameras.retireConfirm', { name: c.name })}
                    onConfirm={() => void act(c.id, 'admin.cameraRetire')}
                  >
                    <Button size="small" danger>
                      {t('countyAdmin:cameras.retire')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <CameraForm
          camera={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(camera) => {
            setEditing(null);
            message.success(t('countyAdmin:cameras.saved', { name: camera.name }));
            setItems((list) =>
              list.some((c) => c.id === camera.id)
                ? list.map((c) => (c.id === camera.id ? camera : c))
                : [...list, camera],
            );
          }}
        />
      )}
    </Space>
  );
}
