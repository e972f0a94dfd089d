/** Map view placeholder: filled by its own issue. Names the unit picked in the org tree, which it will focus on. */
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSelectedUnit } from '../org-tree/org-store.js';
import { ComingSoon } from '../shell/ComingSoon.js';

export function MapView() {
  const { t } = useTranslation();
  const selected = useSelectedUnit();
  return (
    <ComingSoon icon={<EnvironmentOutlined />} title={t('views.map.title')} description={t('views.map.description')}>
      {selected ? <div className="view-scope">{t('views.selectedUnit', { name: selected.name })}</div> : null}
    </ComingSoon>
  );
}
