/**
 * The administration view's tabs. Pluggable: a feature adds one entry here (its own component and label), and the
 * view shows the tabs in this order. Labels are read at render time so they follow the UI language.
 */
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { AdminAuditTab } from './AdminAuditTab.js';
import { UsersTab } from './UsersTab.js';
import { CameraRegistry } from './cameras/CameraRegistry.js';
import { OrgImportPanel } from './county-import/OrgImportPanel.js';
import { ReferenceDataPanel } from './reference-data/ReferenceDataPanel.js';
import { RecordingPolicyPanel } from './recording-policy/RecordingPolicyPanel.js';

export interface AdminTab {
  /** Stable: the tab's test id is `admin-tab-<key>`. */
  readonly key: string;
  readonly label: () => string;
  readonly render: () => ReactNode;
}

export const ADMIN_TABS: readonly AdminTab[] = [
  { key: 'users', label: () => i18next.t('admin:tabs.users'), render: () => <UsersTab /> },
  { key: 'org-import', label: () => i18next.t('countyAdmin:tabs.orgImport'), render: () => <OrgImportPanel /> },
  { key: 'cameras', label: () => i18next.t('countyAdmin:tabs.cameras'), render: () => <CameraRegistry /> },
  {
    key: 'reference-data',
    label: () => i18next.t('referenceData:tab'),
    render: () => <ReferenceDataPanel />,
  },
  {
    key: 'recording-policy',
    label: () => i18next.t('recordingPolicy:tab'),
    render: () => <RecordingPolicyPanel />,
  },
  { key: 'audit', label: () => i18next.t('admin:tabs.audit'), render: () => <AdminAuditTab /> },
];
