/**
 * Camera loans (借调) from the case drawer: whoever may lend cameras (`camera.grant`) lends one near the case, from
 * outside the borrower's area, to a township or village that handles the case — for this case only, ending when it
 * closes — and revokes it. The hub checks the same rules (hub/video-access/camera-grants.ts).
 */
import { Alert, Button, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import { OPEN_STATUSES } from '../../../common/cases.js';
import { isWithinScope, levelOfCode } from '../../../common/org.js';
import { roleAllows, type Principal } from '../../../common/scope-policy.js';
import type { CameraGrant } from '../../../common/video-schemas.js';
import { call } from '../bridge/index.js';
import { formatDateTime } from '../base/format.js';
import { unitLabel, type UnitIndex } from '../base/labels.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { useCameraStore } from '../wall/camera-store.js';

/** Cameras offered: the nearest ones outside the borrower's area. */
const OFFERED = 8;
/** A loan lasts until the case closes; `until` is only the outer bound the hub requires (at most 30 days). */
const LOAN_BOUND_MS = 7 * 24 * 3600_000;

/** Townships and villages with a leg in play on the case: the units a camera can be lent to for it. */
export function borrowersOf(view: Pick<CaseView, 'legs'>): string[] {
  const codes = view.legs
    .filter((leg) => leg.status !== 'withdrawn' && leg.status !== 'returned')
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1))
    .map((leg) => leg.unitCode)
    .filter((code) => levelOfCode(code) === 'township' || levelOfCode(code) === 'village');
  return [...new Set(codes)];
}

export function CameraLoans({
  view,
  principal,
  userId,
  units,
}: {
  view: CaseView;
  principal: Principal;
  userId: string;
  units: UnitIndex;
}) {
  const { t } = useTranslation(['roles']);
  const language = useLanguage();
  const mayLend = roleAllows(principal, 'camera.grant');
  const [grants, setGrants] = useState<CameraGrant[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const borrowers = useMemo(() => borrowersOf(view), [view]);
  const [picked, setBorrower] = useState<string | undefined>();
  // The unit picked while it still handles the case, else the lead's (or first) unit.
  const borrower = picked && borrowers.includes(picked) ? picked : borrowers[0];
  const [cameraId, setCameraId] = useState<string | undefined>();
  const index = useCameraStore((s) => s.index);

  const [reloads, setReloads] = useState(0);

  // The case's loans, again whenever the case moves (it may have closed) or a loan was made or revoked here.
  useEffect(() => {
    if (!mayLend) return undefined;
    let live = true;
    void useCameraStore.getState().ensureLoaded(userId);
    call('grants.list', {}).then(
      (all) => live && setGrants(all.filter((g) => g.caseId === view.id)),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [mayLend, userId, view.id, view.version, reloads]);

  const offered = useMemo(() => {
    if (!index || !borrower) return [];
    return index
      .nearest([view.location.lon, view.location.lat], 200)
      .filter(({ item }) => !isWithinScope(borrower, item.orgUnitCode))
      .slice(0, OFFERED);
  }, [index, borrower, view.location.lon, view.location.lat]);

  if (!mayLend) return null;
  const open = OPEN_STATUSES.includes(view.status);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setReloads((n) => n + 1);
      void useCameraStore.getState().reloadLent();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const lend = () =>
    act(async () => {
      if (!cameraId || !borrower) return;
      await call('grants.create', {
        cameraId,
        granteeUnitCode: borrower,
        caseId: view.id,
        until: new Date(Date.now() + LOAN_BOUND_MS).toISOString(),
      });
      setCameraId(undefined);
    });

  return (
    <section className="camera-loans" data-testid="camera-loans-panel">
      <Typography.Title level={5}>{t('roles:loans.title')}</Typography.Title>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {grants.length === 0 ? <Typography.Text type="secondary">{t('roles:loans.none')}</Typography.Text> : null}
      <List
        size="small"
        dataSource={grants}
        renderItem={(g) => (
          <List.Item
            data-testid="camera-loan"
            data-grant-id={g.id}
            data-active={g.active ? 'true' : 'false'}
            actions={
              g.active
                ? [
                    <Button
                      key="revoke"
                      size="small"
                      danger
                      loading={busy}
                      onClick={() => void act(() => call('grants.revoke', { id: g.id }))}
                      data-testid="camera-loan-revoke"
                    >
                      {t('roles:loans.revoke')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap>
              <strong>{g.camera.name}</strong>→<span>{unitLabel(g.granteeUnitCode, units, language)}</span>
              {g.active ? (
                <Tag color="blue">{t('roles:loans.active')}</Tag>
              ) : (
                <Tag>{g.endReason ? t(`roles:loans.endReason.${g.endReason}`) : t('roles:loans.ended')}</Tag>
              )}
              {g.active ? (
                <Typography.Text type="secondary">
                  {t('roles:loans.until', { at: formatDateTime(Date.parse(g.until), language) })}
                </Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      {open && borrowers.length === 0 ? (
        <Typography.Text type="secondary">{t('roles:loans.noBorrower')}</Typography.Text>
      ) : null}
      {open && borrowers.length > 0 ? (
        <Space wrap className="camera-loan-form">
          <span>{t('roles:loans.grantee')}</span>
          <Select
            size="small"
            style={{ minWidth: 160 }}
            value={borrower}
            onChange={(code) => {
              setBorrower(code);
              setCameraId(undefined);
            }}
            options={borrowers.map((code) => ({ value: code, label: unitLabel(code, units, language) }))}
            data-testid="camera-loan-grantee"
          />
          <Select
            size="small"
            style={{ minWidth: 260 }}
            value={cameraId}
            placeholder={t('roles:loans.cameraPlaceholder')}
            onChange={setCameraId}
            options={offered.map(({ item, meters }) => ({
              value: item.id,
              label: `${item.name} · ${meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`}`,
            }))}
            data-testid="camera-loan-camera"
          />
          <Button
            size="small"
            type="primary"
            disabled={!cameraId}
            loading={busy}
            onClick={() => void lend()}
            data-testid="camera-loan-lend"
          >
            {t('roles:loans.lend')}
          </Button>
        </Space>
      ) : null}
    </section>
  );
}
