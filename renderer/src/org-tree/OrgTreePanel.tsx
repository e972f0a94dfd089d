/**
 * The org tree of the user's scope, from `org.units`. About 1,150 units for a county, so the tree is virtual; the
 * county (or the user's township) opens on its first level, and a name search opens the way to every match.
 */
import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Spin, Tree, Typography } from 'antd';
import { useDeferredValue, useEffect, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import './org-tree.css';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { buildOrgTree, filterOrgTree, keysToDepth, type FilteredTree, type OrgTreeNode } from './build-org-tree.js';
import { OrgNodeTitle } from './OrgNodeTitle.js';
import { SelectedUnitSummary } from './SelectedUnitSummary.js';
import { useOrgStore } from '../shared/org-store.js';
import { useElementHeight } from '../shared/use-element-height.js';

export function OrgTreePanel() {
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

  let body;
  if (status === 'failed') {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('orgTree:loadFailed', { message: errorMessage(error) })}
        action={
          <Button size="small" onClick={() => void load()}>
            {t('orgTree:retry')}
          </Button>
        }
      />
    );
  } else if (status !== 'ready') {
    body = <Spin className="org-tree-spin" />;
  } else if (filtered.nodes.length === 0) {
    body = (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(units.length ? 'orgTree:noMatch' : 'orgTree:empty')} />
    );
  } else {
    body = (
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
    );
  }

  return (
    <section className="org-panel">
      <div className="org-panel-head">
        <Typography.Text strong>
          <ApartmentOutlined /> {t('orgTree:title')}
        </Typography.Text>
        {status === 'ready' ? (
          <Typography.Text type="secondary">{t('orgTree:units', { count: units.length })}</Typography.Text>
        ) : null}
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
  );
}
