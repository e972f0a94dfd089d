/** The org-tree import (GeoJSON): dry run, report by feature, then import. */
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge/index.js';
import { ImportPanel } from './ImportPanel.js';

export function OrgImportPanel() {
  const { t } = useTranslation(['countyAdmin']);
  return (
    <ImportPanel
      testId="org-import"
      hint={t('countyAdmin:import.orgHint')}
      accept=".geojson,.json,application/geo+json,application/json"
      position="feature"
      send={(text, _name, dryRun) => call('admin.orgImport', { text, dryRun })}
    />
  );
}
