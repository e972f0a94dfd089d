/**
 * The administration view's tabs, pluggable: each feature adds one entry ({ key, label, render }). Minimal here
 * (reference data only); the accounts work adds users, sessions and the admin audit beside it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferenceDataPanel } from './reference-data/ReferenceDataPanel.js';

export interface AdminTab {
  readonly key: string;
  readonly label: ReactNode;
  readonly render: () => ReactNode;
}

function ReferenceDataLabel() {
  const { t } = useTranslation(['referenceData']);
  return <span data-testid="admin-tab-reference-data">{t('referenceData:tab')}</span>;
}

export const ADMIN_TABS: readonly AdminTab[] = [
  { key: 'reference-data', label: <ReferenceDataLabel />, render: () => <ReferenceDataPanel /> },
];
