/**
 * 参考数据 / Reference data: the taxonomy and deadline-table editors over a draft of the latest version (saved whole
 * as a new version, with a reason), the version history, and the working calendar's years with their source and a
 * year import. Every write goes to the hub, which validates it again and answers with a code the UI words.
 */
import { Alert, App, Button, Input, Space, Spin, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceSnapshot } from '../../../../common/reference-versions.js';
import { call } from '../../bridge/index.js';
import { errorMessage } from '../../i18n/error-message.js';
import { loadReference } from '../../base/reference.js';
import { CalendarYears } from './CalendarYears.js';
import { DeadlineEditor } from './DeadlineEditor.js';
import type { Draft } from './draft.js';
import { TaxonomyEditor } from './TaxonomyEditor.js';
import { VersionHistory } from './VersionHistory.js';
import { refusalText } from './refusal-text.js';

const draftOf = (snapshot: ReferenceSnapshot): Draft => {
  const latest = snapshot.versions.at(-1)!;
  return { taxonomy: structuredClone(latest.taxonomy), deadlines: structuredClone(latest.deadlines) };
};

export function ReferenceDataPanel() {
  const { t } = useTranslation(['referenceData']);
  const { message } = App.useApp();
  const [snapshot, setSnapshot] = useState<ReferenceSnapshot | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback((next: ReferenceSnapshot) => {
    setSnapshot(next);
    setDraft(draftOf(next));
    setError(null);
  }, []);
  const fail = useCallback((err: unknown) => setError(errorMessage(err)), []);
  const reload = useCallback(() => loadReference().then(apply, fail), [apply, fail]);
  useEffect(() => {
    loadReference().then(apply, fail);
  }, [apply, fail]);

  if (error && !snapshot) return <Alert type="error" showIcon title={error} />;
  if (!snapshot || !draft) return <Spin description={t('referenceData:edit.loading')} />;
  const latest = snapshot.versions.at(-1)!;
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(snapshot));

  const save = async () => {
    setSaving(true);
    try {
      const saved = await call('reference.saveVersion', { basedOn: latest.version, reason, ...draft });
      message.success(t('referenceData:edit.saved', { version: saved.version }));
      setReason('');
      await reload();
    } catch (err) {
      message.error(refusalText(err));
    } finally {
      setSaving(false);
    }
  };

  const editBar = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Tag color="blue">{t('referenceData:edit.basedOn', { version: latest.version })}</Tag>
      {dirty && <Tag color="orange">{t('referenceData:edit.dirty')}</Tag>}
      <Input
        style={{ width: 360 }}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('referenceData:edit.reasonPlaceholder')}
        aria-label={t('referenceData:edit.reason')}
        data-testid="reference-reason"
      />
      <Button
        type="primary"
        disabled={!dirty || reason.trim().length < 2}
        loading={saving}
        onClick={() => void save()}
        data-testid="reference-save"
      >
        {t('referenceData:edit.save')}
      </Button>
      <Button disabled={!dirty} onClick={() => setDraft(draftOf(snapshot))}>
        {t('referenceData:edit.reset')}
      </Button>
    </Space>
  );

  return (
    <Tabs
      items={[
        {
          key: 'taxonomy',
          label: t('referenceData:sections.taxonomy'),
          children: (
            <>
              {editBar}
              <TaxonomyEditor draft={draft} onChange={setDraft} />
            </>
          ),
        },
        {
          key: 'deadlines',
          label: t('referenceData:sections.deadlines'),
          children: (
            <>
              {editBar}
              <DeadlineEditor draft={draft} onChange={setDraft} />
            </>
          ),
        },
        {
          key: 'history',
          label: t('referenceData:sections.history'),
          children: <VersionHistory versions={snapshot.versions} />,
        },
        {
          key: 'calendar',
          label: t('referenceData:sections.calendar'),
          children: <CalendarYears years={snapshot.calendarYears} onImported={reload} />,
        },
      ]}
    />
  );
}
