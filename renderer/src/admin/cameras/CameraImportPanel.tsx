/** The camera import (CSV or JSON, by the file's extension): dry run, report by line, then import. */
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge/index.js';
import { ImportPanel } from '../county-import/ImportPanel.js';

export function CameraImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation(['countyAdmin']);
  return (
    <ImportPanel
      testId="camera-import"
      hint={t('countyAdmin:import.cameraHint')}
      accept=".csv,.json,text/csv,application/json"
      position="line"
      onImported={onImported}
      send={(text, name, dryRun) =>
        call('admin.cameraImport', { format: /\.json$/i.test(name) ? 'json' : 'csv', text, dryRun })
      }
    />
  );
}
