/** Kpi view placeholder: filled by its own issue. Names the unit picked in the org tree, which it will focus on. */
import { BarChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSelectedUnit } from '../org-tree/org-store.js';
import { ComingSoon } from '../shell/ComingSoon.js';

export function KpiView() {
  const { t } = useTranslation();
  const selected = useSelectedUnit();
  return (
    <ComingSoon icon={<BarChartOutlined />} title={t('views.kpi.title')} description={t('views.kpi.description')}>
      {selected ? <div className="view-scope">{t('views.selectedUnit', { name: selected.name })}</div> : null}
    </ComingSoon>
  );
}
