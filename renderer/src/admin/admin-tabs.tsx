/**
 * The administration view's tabs: each feature adds its panel here (this branch: the org-tree import and the camera
 * registry; the accounts change adds users, sessions and the audit).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraRegistry } from './cameras/CameraRegistry.js';
import { OrgImportPanel } from './county-import/OrgImportPanel.js';

export interface AdminTab {
  readonly key: string;
  readonly label: ReactNode;
  readonly render: () => ReactNode;
}

function Label({ k }: { k: 'orgImport' | 'cameras' }) {
  const { t } = useTranslation(['countyAdmin']);
  return <span data-testid={`admin-tab-${k}`}>{t(`countyAdmin:tabs.${k}`)}</span>;
}

export const ADMIN_TABS: readonly AdminTab[] = [
  { key: 'org-import', label: <Label k="orgImport" />, render: () => <OrgImportPanel /> },
  { key: 'cameras', label: <Label k="cameras" />, render: () => <CameraRegistry /> },
];
