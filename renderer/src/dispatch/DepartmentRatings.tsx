/**
 * The case drawer's department ratings (逆向考核): every rating the case has, and — for the case's village or
 * community director — a 1–5 score and a note for each department leg that is over and not yet rated. The legs
 * offered come from the same rule the hub enforces (common/department-ratings.ts).
 */
import { Alert, Button, Input, List, Rate, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import { ratableLegs, type DepartmentRating } from '../../../common/department-ratings.js';
import type { Principal } from '../../../common/scope-policy.js';
import { call } from '../bridge/index.js';
import { formatDateTime } from '../base/format.js';
import { unitLabel, type UnitIndex } from '../base/labels.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';

export function DepartmentRatings({
  view,
  principal,
  units,
}: {
  view: CaseView;
  principal: Principal;
  units: UnitIndex;
}) {
  const { t } = useTranslation(['roles']);
  const language = useLanguage();
  const [ratings, setRatings] = useState<DepartmentRating[] | null>(null);
  const [reloads, setReloads] = useState(0);

  // Again whenever the case moves on (a leg fed back, the case closed).
  useEffect(() => {
    let live = true;
    call('ratings.forCase', { caseId: view.id }).then(
      (items) => live && setRatings(items),
      () => live && setRatings([]),
    );
    return () => {
      live = false;
    };
  }, [view.id, view.version, reloads]);

  const ratable = useMemo(
    () => (ratings ? ratableLegs(view, principal, new Set(ratings.map((r) => r.legId))) : []),
    [ratings, view, principal],
  );
  const hasDepartmentLeg = view.legs.some((leg) => leg.unitCode.startsWith('dept:'));
  if (!hasDepartmentLeg) return null;

  return (
    <section className="department-ratings" data-testid="department-ratings">
      <Typography.Title level={5}>{t('roles:ratings.title')}</Typography.Title>
      {ratings && ratings.length === 0 && ratable.length === 0 ? (
        <Typography.Text type="secondary">{t('roles:ratings.none')}</Typography.Text>
      ) : null}
      <List
        size="small"
        dataSource={ratings ?? []}
        renderItem={(r) => (
          <List.Item data-testid="department-rating" data-leg-id={r.legId} data-score={r.score}>
            <Space direction="vertical" size={0}>
              <span>
                <strong>{unitLabel(r.departmentCode, units, language)}</strong> <Rate disabled value={r.score} />
              </span>
              {r.note ? <Typography.Text>{r.note}</Typography.Text> : null}
              <Typography.Text type="secondary">
                {t('roles:ratings.by', {
                  unit: unitLabel(r.byUnitCode, units, language),
                  name: r.byUserName,
                  at: formatDateTime(Date.parse(r.at), language),
                })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {ratable.map((leg) => (
        <RateForm
          key={leg.id}
          caseId={view.id}
          legId={leg.id}
          label={unitLabel(leg.unitCode, units, language)}
          onRated={() => setReloads((n) => n + 1)}
        />
      ))}
      {ratable.length > 0 ? <Typography.Text type="secondary">{t('roles:ratings.hint')}</Typography.Text> : null}
    </section>
  );
}

function RateForm({
  caseId,
  legId,
  label,
  onRated,
}: {
  caseId: string;
  legId: string;
  label: string;
  onRated(): void;
}) {
  const { t } = useTranslation(['roles']);
  const [score, setScore] = useState(0);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('ratings.rate', {
        caseId,
        rating: { legId, score, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      onRated();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="department-rate-form" data-testid="department-rate-form" data-leg-id={legId}>
      <Space wrap>
        <strong>{label}</strong>
        <span>{t('roles:ratings.scoreLabel')}</span>
        <Rate value={score} onChange={setScore} data-testid="department-rate-stars" />
        <Input
          size="small"
          maxLength={500}
          placeholder={t('roles:ratings.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="department-rate-note"
          style={{ width: 220 }}
        />
        <Button
          size="small"
          type="primary"
          disabled={score < 1}
          loading={busy}
          onClick={() => void submit()}
          data-testid="department-rate-submit"
        >
          {t('roles:ratings.submit')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
    </div>
  );
}
