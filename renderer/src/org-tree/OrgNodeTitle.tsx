/** One tree row: the unit name (search match marked, as text) and its level tag. `data-code` lets tests find rows. */
import { Tag } from 'antd';
import type { OrgLevel } from '../../../common/org.js';
import type { OrgUnit } from '../../../common/schemas.js';
import { levelLabel } from '../base/labels.js';
import type { Language } from '../i18n/index.js';

const LEVEL_COLORS: Record<OrgLevel, string> = { county: 'gold', township: 'blue', village: 'green', grid: 'default' };

function MarkedName({ name, query }: { name: string; query: string }) {
  const needle = query.trim().toLowerCase();
  const at = needle ? name.toLowerCase().indexOf(needle) : -1;
  if (at < 0) return <>{name}</>;
  return (
    <>
      {name.slice(0, at)}
      <mark className="org-node-match">{name.slice(at, at + needle.length)}</mark>
      {name.slice(at + needle.length)}
    </>
  );
}

export function OrgNodeTitle({ unit, query, language }: { unit: OrgUnit; query: string; language: Language }) {
  return (
    <span className="org-node" data-code={unit.code} title={`${unit.name} · ${unit.code}`}>
      <span className="org-node-name">
        <MarkedName name={unit.name} query={query} />
      </span>
      <Tag color={LEVEL_COLORS[unit.level]} variant="outlined" className="org-node-level">
        {levelLabel(unit.level, language)}
      </Tag>
    </span>
  );
}
