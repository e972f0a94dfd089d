/**
 * The command room's named layouts, kept on the hub for everyone of the user's unit: load one (cameras no longer
 * permitted come back marked and their tiles say so), save the wall under a name (the same name replaces), delete.
 */
import { DeleteOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallLayout } from '../../../common/wall-schemas.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { formatStamp } from '../base/format.js';
import { layoutInput, useWallStore } from './wall-store.js';

export function LayoutLibrary({ unitName }: { unitName: string }) {
  const { t } = useTranslation(['wall']);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [layouts, setLayouts] = useState<WallLayout[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    try {
      setLayouts(await call('wall.layouts', {}));
    } catch (error) {
      setLayouts([]);
      message.error(t('wall:layouts.loadFailed', { message: errorMessage(error) }));
    }
  };

  const load = (layout: WallLayout) => {
    useWallStore.getState().applyLayout(layout);
    setOpen(false);
    if (layout.notPermitted.length > 0) {
      message.warning(t('wall:layouts.notPermitted', { name: layout.name, count: layout.notPermitted.length }));
    } else {
      message.success(t('wall:layouts.loaded', { name: layout.name }));
    }
  };

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    try {
      const saved = await call('wall.saveLayout', layoutInput(useWallStore.getState(), trimmed));
      useWallStore.setState({ layoutName: saved.name });
      message.success(t('wall:layouts.saved', { name: saved.name }));
      setSaving(false);
    } catch (error) {
      message.error(t('wall:layouts.saveFailed', { message: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (layout: WallLayout) => {
    try {
      await call('wall.deleteLayout', { id: layout.id });
      message.success(t('wall:layouts.deleted', { name: layout.name }));
      await refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const exists = layouts?.some((l) => l.name === name.trim()) ?? false;
  return (
    <>
      <Space.Compact>
        <Button
          size="small"
          icon={<FolderOpenOutlined />}
          onClick={() => {
            setOpen(true);
            void refresh();
          }}
          data-testid="layouts-open"
        >
          {t('wall:layouts.library')}
        </Button>
        <Button
          size="small"
          icon={<SaveOutlined />}
          onClick={() => {
            setName(useWallStore.getState().layoutName ?? '');
            setSaving(true);
            void refresh();
          }}
          data-testid="layouts-save"
        >
          {t('wall:layouts.save')}
        </Button>
      </Space.Compact>
      <Modal
        open={open}
        title={t('wall:layouts.libraryTitle', { unit: unitName })}
        footer={null}
        onCancel={() => setOpen(false)}
        width={560}
      >
        <List
          loading={layouts === null}
          dataSource={layouts ?? []}
          locale={{ emptyText: t('wall:layouts.empty') }}
          renderItem={(layout) => (
            <List.Item
              data-testid="layout-item"
              actions={[
                <Button key="load" size="small" type="primary" onClick={() => load(layout)} data-testid="layout-load">
                  {t('wall:layouts.load')}
                </Button>,
                <Popconfirm
                  key="delete"
                  title={t('wall:layouts.deleteConfirm', { name: layout.name })}
                  onConfirm={() => void remove(layout)}
                >
                  <Button
                    size="small"
                    danger
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('wall:layouts.delete')}
                  />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <span>{layout.name}</span>
                    <Tag>{t(`wall:layoutKinds.${layout.kind}`)}</Tag>
                    {layout.notPermitted.length > 0 ? (
                      <Tag color="red">{t('wall:layouts.notPermittedTag', { count: layout.notPermitted.length })}</Tag>
                    ) : null}
                  </Space>
                }
                description={t('wall:layouts.updated', {
                  name: layout.updatedBy,
                  time: formatStamp(Date.parse(layout.updatedAt)),
                })}
              />
            </List.Item>
          )}
        />
      </Modal>
      <Modal
        open={saving}
        title={t('wall:layouts.saveTitle')}
        okText={t('wall:layouts.save')}
        onOk={() => void save()}
        okButtonProps={{ disabled: !name.trim(), loading: busy, 'data-testid': 'layout-save-ok' }}
        onCancel={() => setSaving(false)}
      >
        <Input
          autoFocus
          maxLength={40}
          value={name}
          placeholder={t('wall:layouts.name')}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => void save()}
          data-testid="layout-name"
        />
        <Typography.Paragraph type="secondary" className="wall-panel-hint">
          {t('wall:layouts.roomHint', { unit: unitName })}
        </Typography.Paragraph>
        {exists ? <Typography.Text type="warning">{t('wall:layouts.replaces')}</Typography.Text> : null}
      </Modal>
    </>
  );
}
