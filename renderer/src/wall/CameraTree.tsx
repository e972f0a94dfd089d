/**
 * The viewer's cameras by township → village → grid (only its scope: the hub cut the list), narrowed to the unit
 * picked in the org tree and to a search. Drag a camera — or a whole unit — onto a tile; double-click puts a camera
 * on the focused tile; tick cameras for a tour.
 */
import { EyeInvisibleOutlined, FolderOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Button, Input, Tag, Tree } from 'antd';
import { useDeferredValue, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/schemas.js';
import { useOrgStore, useSelectedUnit } from '../base/org-store.js';
import { useElementHeight } from '../base/use-element-height.js';
import { useCameraStore } from './camera-store.js';
import { buildCameraTree, camerasUnder, unitKeys, type CameraTreeNode } from './camera-tree-model.js';
import { setCameraDrag } from './drag.js';
import { LoadState } from '../base/LoadState.js';
import { LentCameras } from './LentCameras.js';

interface TreeItem {
  key: string;
  node: CameraTreeNode;
  isLeaf: boolean;
  children?: TreeItem[];
}

const toItems = (nodes: readonly CameraTreeNode[]): TreeItem[] =>
  nodes.map((node) => ({
    key: node.key,
    node,
    isLeaf: node.kind === 'camera',
    ...(node.children ? { children: toItems(node.children) } : {}),
  }));

export interface CameraTreeProps {
  readonly user: User;
  readonly checked: readonly string[];
  onCheck(cameraIds: string[]): void;
  onPut(cameraIds: string[]): void;
}

export function CameraTree({ user, checked, onCheck, onPut }: CameraTreeProps) {
  const { t } = useTranslation(['wall']);
  const { status, cameras, error, reload } = useCameraStore();
  const units = useOrgStore((s) => s.units);
  const selected = useSelectedUnit();
  const [query, setQuery] = useState('');
  const search = useDeferredValue(query);
  const [box, height] = useElementHeight<HTMLDivElement>();
  const root = selected && selected.code.startsWith(user.orgUnitCode) ? selected.code : user.orgUnitCode;

  const tree = useMemo(() => buildCameraTree(cameras, units, root, search), [cameras, units, root, search]);
  const items = useMemo(() => toItems(tree), [tree]);
  const total = tree.reduce((n, node) => n + node.total, 0);
  const online = tree.reduce((n, node) => n + node.online, 0);
  const [expanded, setExpanded] = useState<{ basis: CameraTreeNode[]; keys: Key[] } | null>(null);
  const expandedKeys = expanded?.basis === tree ? expanded.keys : unitKeys(tree, search.trim() ? 3 : 1);

  const body = (
    <LoadState
      error={status === 'failed' ? error : null}
      failedTitle={(message) => t('wall:tree.loadFailed', { message })}
      onRetry={() => void reload()}
      loading={status !== 'ready'}
      className="wall-tree-spin"
      empty={items.length === 0 ? t('wall:tree.empty') : null}
    >
      <Tree<TreeItem>
        blockNode
        checkable
        selectable={false}
        treeData={items}
        height={Math.max(height, 160)}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpanded({ basis: tree, keys })}
        checkedKeys={checked.map((id) => `c:${id}`)}
        onCheck={(keys) => {
          const list = Array.isArray(keys) ? keys : keys.checked;
          onCheck(
            list
              .map(String)
              .filter((k) => k.startsWith('c:'))
              .map((k) => k.slice(2)),
          );
        }}
        titleRender={(item) => <NodeTitle node={item.node} onPut={onPut} />}
      />
    </LoadState>
  );

  return (
    <section className="wall-tree" data-testid="camera-tree" data-total={status === 'ready' ? total : ''}>
      <Input.Search
        allowClear
        size="small"
        placeholder={t('wall:tree.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="camera-search"
      />
      <div className="wall-tree-summary">
        <span>{t('wall:tree.summary', { total, online })}</span>
        {checked.length > 0 ? (
          <Button size="small" type="link" onClick={() => onPut([...checked])} data-testid="put-checked">
            {t('wall:tree.putChecked', { count: checked.length })}
          </Button>
        ) : null}
      </div>
      <LentCameras onPut={onPut} />
      <div className="wall-tree-body" ref={box}>
        {body}
      </div>
      <div className="wall-tree-hint">{t('wall:tree.dragHint')}</div>
    </section>
  );
}

function NodeTitle({ node, onPut }: { node: CameraTreeNode; onPut(ids: string[]): void }) {
  const { t } = useTranslation(['wall']);
  if (node.kind === 'unit') {
    return (
      <span
        className="wall-tree-unit"
        draggable
        onDragStart={(event) => setCameraDrag(event, camerasUnder(node))}
        data-testid="camera-unit"
        data-code={node.code}
        title={t('wall:tree.dragUnit', { count: node.total })}
      >
        <FolderOutlined /> {node.name}
        <span className="wall-tree-count">
          {node.online}/{node.total}
        </span>
      </span>
    );
  }
  const camera = node.camera!;
  return (
    <span
      className={`wall-tree-camera${camera.online ? '' : ' wall-tree-offline'}`}
      draggable
      onDragStart={(event) => setCameraDrag(event, [camera.id])}
      onDoubleClick={() => onPut([camera.id])}
      data-testid="camera-node"
      data-camera-id={camera.id}
      title={`${camera.name}\n${camera.code}${camera.online ? '' : `\n${t('wall:tree.offline')}`}`}
    >
      {camera.online ? <VideoCameraOutlined /> : <EyeInvisibleOutlined />}
      <span className="wall-tree-camera-name">{camera.name}</span>
      {camera.sensitive ? <Tag color="orange">{t('wall:tree.sensitive')}</Tag> : null}
      {camera.kind === 'ptz' ? <span className="wall-tree-ptz">PTZ</span> : null}
    </span>
  );
}
