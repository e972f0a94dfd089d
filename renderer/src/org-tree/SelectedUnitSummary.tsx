/** A line under the tree about the picked unit (code, population, households): the facts people ask for first. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.js';
import { useSelectedUnit } from '../base/org-store.js';

export function SelectedUnitSummary() {
  const { t } = useTranslation(['orgTree']);
  const language = useLanguage();
  const unit = useSelectedUnit();
  if (!unit) return null;
  const number = new Intl.NumberFormat(language);
  return (
    <div className="org-selected">
      <Typography.Text strong ellipsis>
        {unit.name}
      </Typography.Text>
      <Typography.Text type="secondary" className="org-selected-code">
        {unit.code}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('orgTree:population', { value: number.format(unit.population) })} ·{' '}
        {t('orgTree:households', { value: number.format(unit.households) })}
      </Typography.Text>
    </div>
  );
}
