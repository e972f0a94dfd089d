/** Dispatch view placeholder: filled by its own issue. Names the unit picked in the org tree, which it will focus on. */
import { AlertOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSelectedUnit } from '../org-tree/org-store.js';
import { ComingSoon } from '../shell/ComingSoon.js';

export function DispatchView() {
  const { t } = useTranslation();
  const selected = useSelectedUnit();
  return (
    <ComingSoon
      icon={<AlertOutlined />}
      title={t('views.dispatch.title')}
      description={t('views.dispatch.description')}
    >
      {selected ? <div className="view-scope">{t('views.selectedUnit', { name: selected.name })}</div> : null}
    </ComingSoon>
  );
}
