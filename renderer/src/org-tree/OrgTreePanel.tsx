/**
 * The org tree of the user's scope, from `org.units`. About 1,150 units for a county, so the tree is virtual; the
 * county (or the user's township) opens on its first level, and a name search opens the way to every match.
 */
import { ApartmentOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Input, Tooltip, Tree, Typography } from 'antd';
import { useDeferredValue, useEffect, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import './org-tree.css';
import { useLanguage } from '../i18n/use-language.js';
import { buildOrgTree, filterOrgTree, keysToDepth, type FilteredTree, type OrgTreeNode } from './build-org-tree.js';
import { OrgNodeTitle } from './OrgNodeTitle.js';
import { SelectedUnitSummary } from './SelectedUnitSummary.js';
import { useOrgStore } from '../base/org-store.js';
import { useElementHeight } from '../base/use-element-height.js';
import { LoadState } from '../base/LoadState.js';
import { useDisplayPrefs } from '../base/display-prefs.js';

/**
 * `hidden`: the wall's full-width mode. Collapsed by the officer, the panel is a narrow rail with one button to open
 * it again; either way it stays mounted, so the search and the expanded branches are there when it comes back.
 */
export function OrgTreePanel({ hidden = false }: { hidden?: boolean }) {
  const { t } = useTranslation(['orgTree']);
  const language = useLanguage();
  const { status, units, error, selectedCode, load, select } = useOrgStore();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [treeBox, treeHeight] = useElementHeight<HTMLDivElement>();

  useEffect(() => void load(), [load]);

  const tree = useMemo(() => buildOrgTree(units), [units]);
  const filtered = useMemo(() => filterOrgTree(tree, deferredQuery), [tree, deferredQuery]);
  // Manual expansion belongs to one tree/search result; a new result starts from its own default again.
  const [expansion, setExpansion] = useState<{ basis: FilteredTree; keys: Key[] } | null>(null);
  const expandedKeys =
    expansion?.basis === filtered
      ? expansion.keys
      : deferredQuery.trim()
        ? filtered.expandedKeys
        : keysToDepth(tree, 1);

  const body = (
    <LoadState
      error={status === 'failed' ? error : null}
      failedTitle={(message) => t('orgTree:loadFailed', { message })}
      onRetry={() => void load()}
      loading={status !== 'ready'}
      className="org-tree-spin"
      empty={filtered.nodes.length === 0 ? t(units.length ? 'orgTree:noMatch' : 'orgTree:empty') : null}
    >
      <Tree<OrgTreeNode>
        blockNode
        treeData={filtered.nodes}
        height={Math.max(treeHeight, 120)}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpansion({ basis: filtered, keys })}
        selectedKeys={selectedCode ? [selectedCode] : []}
        onSelect={(keys) => select(typeof keys[0] === 'string' ? keys[0] : null)}
        titleRender={(node) => <OrgNodeTitle unit={node.unit} query={deferredQuery} language={language} />}
      />
    </LoadState>
  );

  const collapsed = useDisplayPrefs((s) => s.orgCollapsed);
  const setPrefs = useDisplayPrefs((s) => s.set);
  const toggle = (testId: string) => (
    <Tooltip title={t(collapsed ? 'orgTree:expand' : 'orgTree:collapse')} placement="right">
      <Button
        type="text"
        size="small"
        icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        aria-label={t(collapsed ? 'orgTree:expand' : 'orgTree:collapse')}
        aria-expanded={!collapsed}
        data-testid={testId}
        onClick={() => setPrefs({ orgCollapsed: !collapsed })}
      />
    </Tooltip>
  );

  return (
    <>
      {collapsed && !hidden ? (
        <div className="org-panel-rail" data-testid="org-panel-rail">
          {toggle('org-panel-open')}
          <ApartmentOutlined className="org-panel-rail-icon" />
        </div>
      ) : null}
      <section
        className={`org-panel${collapsed || hidden ? ' org-panel-away' : ''}`}
        data-testid="org-panel"
        data-collapsed={collapsed}
      >
        <div className="org-panel-head">
          <Typography.Text strong>
            <ApartmentOutlined /> {t('orgTree:title')}
          </Typography.Text>
          {status === 'ready' ? (
            <Typography.Text type="secondary">{t('orgTree:units', { count: units.length })}</Typography.Text>
          ) : null}
          {toggle('org-panel-toggle')}
        </div>
        <Input.Search
          allowClear
          placeholder={t('orgTree:search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <div className="org-tree-box" ref={treeBox} data-testid="org-tree">
          {body}
        </div>
        <SelectedUnitSummary />
      </section>
    </>
  );
}
