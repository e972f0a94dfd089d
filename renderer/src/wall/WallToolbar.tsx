/**
 * Above the wall: the layout, the room's saved layouts, "open a camera by its number", the per-tile figures,
 * sending the wall to a display (a full-screen window on a monitor in Electron, a page of its own in a browser),
 * full screen, and clearing the wall.
 */
import {
  ClearOutlined,
  ColumnWidthOutlined,
  DesktopOutlined,
  DashboardOutlined,
  FullscreenOutlined,
  UndoOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Input, Popconfirm, Segmented, Space, Switch, Tooltip } from 'antd';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { WALL_LAYOUT_KINDS, type WallDisplayInfo, type WallLayoutKind } from '../../../common/wall-schemas.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useCameraStore } from './camera-store.js';
import { cellCount } from './layouts.js';
import { LayoutLibrary } from './LayoutLibrary.js';
import { useWallStore } from './wall-store.js';
import { useDisplayPrefs } from '../base/display-prefs.js';

/** A camera from what the operator typed: an id or GB/T 28181 code of its own cameras, else an id as typed. */
export function resolveCameraInput(
  text: string,
  byId: ReadonlyMap<string, { id: string; code: string; name: string }>,
) {
  const value = text.trim();
  if (!value) return null;
  if (byId.has(value)) return value;
  for (const camera of byId.values()) if (camera.code === value || camera.name === value) return camera.id;
  // Not among the viewer's cameras: an id-shaped text is asked for anyway, and the hub refuses it if it must.
  return /^\d{20}$/.test(value) || !/^[A-Za-z0-9_-]{1,64}$/.test(value) ? null : value;
}

export function WallToolbar({ unitName, wallRef }: { unitName: string; wallRef: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation(['wall']);
  const { message } = App.useApp();
  const kind = useWallStore((s) => s.kind);
  const showStats = useWallStore((s) => s.showStats);
  const canUndo = useWallStore((s) => s.undo !== null);
  const fullWidth = useDisplayPrefs((s) => s.wallFullWidth);
  const lowLatency = useDisplayPrefs((s) => s.wallLiveFlv);
  const [code, setCode] = useState('');
  const [displays, setDisplays] = useState<WallDisplayInfo[] | null>(null);

  const openCamera = (text: string) => {
    const id = resolveCameraInput(text, useCameraStore.getState().byId);
    if (!id) {
      message.warning(t('wall:toolbar.unknownCamera'));
      return;
    }
    const { focused, assign, focus } = useWallStore.getState();
    assign(focused, id);
    focus((focused + 1) % cellCount(useWallStore.getState().kind));
    setCode('');
  };

  const openDisplay = async (displayId: number | null) => {
    try {
      const answer = await call('wall.openDisplay', { displayId });
      useWallStore.getState().setCasting(true);
      if (answer.opened) {
        message.success(t('wall:display.opened'));
        return;
      }
      // This host opens no windows itself (the web host): the wall display is a page of its own.
      const page = window.open(`${window.location.pathname}${window.location.search}${answer.path}`, '_blank');
      if (page) message.success(t('wall:display.openedPage'));
      else message.warning(t('wall:display.blocked'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const displayItems = [
    ...(displays ?? []).map((d, i) => ({
      key: String(d.id),
      label: t('wall:display.monitor', {
        label: d.label || t('wall:display.unnamed', { index: i + 1 }),
        width: d.width,
        height: d.height,
      }),
    })),
    { key: 'page', label: t('wall:display.page') },
  ];

  return (
    <div className="wall-toolbar" data-testid="wall-toolbar">
      <Segmented<WallLayoutKind>
        size="small"
        value={kind}
        onChange={(value) => useWallStore.getState().setKind(value)}
        options={WALL_LAYOUT_KINDS.map((k) => ({
          value: k,
          label: (
            <Tooltip title={t(`wall:layoutKinds.${k}`)}>
              <span data-testid={`layout-${k}`}>{k}</span>
            </Tooltip>
          ),
        }))}
      />
      <LayoutLibrary unitName={unitName} />
      <Input.Search
        size="small"
        className="wall-open-camera"
        placeholder={t('wall:toolbar.openCamera')}
        enterButton={t('wall:toolbar.open')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onSearch={openCamera}
        data-testid="open-camera"
      />
      <Space className="wall-toolbar-right">
        {canUndo ? (
          <Button
            size="small"
            icon={<UndoOutlined />}
            data-testid="wall-undo"
            onClick={() => useWallStore.getState().undoPlace()}
          >
            {t('wall:toolbar.undo')}
          </Button>
        ) : null}
        <Tooltip title={t(fullWidth ? 'wall:toolbar.fullWidthOff' : 'wall:toolbar.fullWidth')}>
          <Button
            size="small"
            type={fullWidth ? 'primary' : 'default'}
            icon={<ColumnWidthOutlined />}
            aria-label={t(fullWidth ? 'wall:toolbar.fullWidthOff' : 'wall:toolbar.fullWidth')}
            aria-pressed={fullWidth}
            data-testid="wall-full-width"
            onClick={() => useDisplayPrefs.getState().set({ wallFullWidth: !fullWidth })}
          />
        </Tooltip>
        <Tooltip title={t('wall:toolbar.lowLatencyHint')}>
          <Button
            size="small"
            type={lowLatency ? 'primary' : 'default'}
            icon={<ThunderboltOutlined />}
            aria-pressed={lowLatency}
            data-testid="wall-low-latency"
            onClick={() => useDisplayPrefs.getState().set({ wallLiveFlv: !lowLatency })}
          >
            {t('wall:toolbar.lowLatency')}
          </Button>
        </Tooltip>
        <Tooltip title={t('wall:toolbar.statsHint')}>
          <span className="wall-toolbar-switch">
            <DashboardOutlined />
            <Switch
              size="small"
              checked={showStats}
              onChange={() => useWallStore.getState().toggleStats()}
              data-testid="toggle-stats"
            />
          </span>
        </Tooltip>
        <Dropdown
          trigger={['click']}
          onOpenChange={(open) => {
            if (open) void call('wall.displays', {}).then(setDisplays, () => setDisplays([]));
          }}
          menu={{
            items: displayItems,
            onClick: ({ key }) => void openDisplay(key === 'page' ? null : Number(key)),
          }}
        >
          <Button size="small" icon={<DesktopOutlined />} data-testid="send-to-display">
            {t('wall:toolbar.sendToDisplay')}
          </Button>
        </Dropdown>
        <Tooltip title={t('wall:toolbar.fullscreen')}>
          <Button
            size="small"
            icon={<FullscreenOutlined />}
            aria-label={t('wall:toolbar.fullscreen')}
            onClick={() => void wallRef.current?.requestFullscreen?.().catch(() => undefined)}
          />
        </Tooltip>
        <Popconfirm title={t('wall:toolbar.clearConfirm')} onConfirm={() => clearWall()}>
          <Button size="small" icon={<ClearOutlined />} aria-label={t('wall:toolbar.clear')} />
        </Popconfirm>
      </Space>
    </div>
  );
}

function clearWall(): void {
  const state = useWallStore.getState();
  for (let i = 0; i < cellCount(state.kind); i++) state.assign(i, null);
  state.setPageTour(null);
  state.dismissProposal();
  useWallStore.setState({ layoutName: null, notPermitted: new Set() });
}
