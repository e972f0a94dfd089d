/**
 * The case in full: header facts and the live deadline, the actions this user may take, what was reported (text
 * and photos), where (its coordinates; the map view shows it among the others), the legs of the dispatch and the
 * timeline from the history. The case shown is the newest version known — the board's (kept live by pushes) or the
 * detail fetched on opening, re-fetched whenever the case changes so the timeline follows.
 *
 * Everything people typed (description, notes, feedback) is rendered as text; photos only as <img> of http(s) or
 * inline raster URLs.
 */
import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Divider, Drawer, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseView } from '../../../common/case-api.js';
import type { CaseActor } from '../../../common/case-machine.js';
import type { OrgUnit, User } from '../../../common/schemas.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { levelLabel } from '../base/labels.js';
import { useLanguage } from '../i18n/use-language.js';
import { isQueued } from '../base/cases/board-model.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { GRADE_COLOURS, SlaCountdown } from './CaseCard.js';
import { formatDateTime } from '../base/format.js';
import {
  categoryLabel,
  gradeLabel,
  majorLabel,
  sourceLabel,
  statusLabel,
  unitLabel,
  unitPath,
  type UnitIndex,
} from '../base/labels.js';
import { History, Legs, Photos } from './CaseRecord.js';
import { MovePanel } from './MovePanel.js';
import { DuplicatesPanel } from './DuplicatesPanel.js';
import { allowedMoves } from '../../../common/case-machine.js';
import { CameraLoans } from './CameraLoans.js';
import { DepartmentRatings } from './DepartmentRatings.js';
import { NearestCameras } from '../wall/NearestCameras.js';
import { CaseEvidence } from '../evidence/CaseEvidence.js';
import { useCaseAttachments } from '../evidence/use-case-attachments.js';
import { roleAllows } from '../../../common/scope-policy.js';
import { CasePaperButtons } from '../paper/PaperButtons.js';

interface CaseDrawerProps {
  user: User;
  units: UnitIndex;
  orgUnits: readonly OrgUnit[];
  /** Called after the drawer has closed, to give focus back to the board. */
  afterClose(): void;
}

type Loaded = { caseId: string; detail: CaseDetail } | { caseId: string; error: unknown };

export function CaseDrawer({ user, units, orgUnits, afterClose }: CaseDrawerProps) {
  const { t } = useTranslation(['dispatch']);
  const openCaseId = useBoardStore((s) => s.openCaseId);
  const boardCase = useBoardStore((s) => (s.openCaseId ? (s.board.cases.get(s.openCaseId) ?? null) : null));
  const closeCase = useBoardStore((s) => s.closeCase);
  const acceptCase = useBoardStore((s) => s.acceptCase);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const actor = useMemo<CaseActor>(
    () => ({ userId: user.id, role: user.role, orgUnitCode: user.orgUnitCode, departmentCode: user.departmentCode }),
    [user.id, user.role, user.orgUnitCode, user.departmentCode],
  );

  // The detail (with its history) on opening, and again whenever the case moves on.
  const liveVersion = boardCase?.version;
  useEffect(() => {
    if (!openCaseId) return undefined;
    let live = true;
    call('cases.get', { caseId: openCaseId }).then(
      (detail) => {
        if (!live) return;
        setLoaded({ caseId: openCaseId, detail });
        acceptCase(detail.case);
      },
      (error: unknown) => {
        if (!live) return;
        setLoaded({ caseId: openCaseId, error });
      },
    );
    return () => {
      live = false;
    };
  }, [openCaseId, liveVersion, refreshes, acceptCase]);

  const current = loaded?.caseId === openCaseId ? loaded : null;
  const detail = current && 'detail' in current ? current.detail : null;
  const view = newest(boardCase, detail?.case ?? null);
  const history = detail?.history ?? null;
  const attachments = useCaseAttachments(openCaseId);

  return (
    <Drawer
      open={openCaseId !== null}
      onClose={closeCase}
      afterOpenChange={(open) => {
        if (!open) afterClose();
      }}
      size={760}
      destroyOnHidden
      title={view ? <DrawerTitle view={view} /> : t('dispatch:drawer.loading')}
      className="case-drawer"
    >
      <div
        data-testid="case-drawer"
        data-case-id={openCaseId ?? ''}
        data-status={view?.status ?? ''}
        data-version={view?.version ?? ''}
      >
        {current && 'error' in current && !view ? (
          <Alert
            type="error"
            showIcon
            title={t('dispatch:drawer.loadFailed', { message: errorMessage(current.error) })}
          />
        ) : null}
        {!view ? <Skeleton active /> : null}
        {view ? (
          <>
            <CaseFacts view={view} units={units} />
            {/* 打印督办单 / 打印案件单: PDFs from the hub, in the user's language. */}
            <CasePaperButtons view={view} />
            <Divider titlePlacement="start">{t('dispatch:drawer.actions')}</Divider>
            <MovePanel
              key={view.id}
              view={view}
              actor={actor}
              units={units}
              orgUnits={orgUnits}
              onMoved={(next) => {
                acceptCase(next);
                setRefreshes((n) => n + 1);
              }}
              onStale={() => setRefreshes((n) => n + 1)}
            />
            {allowedMoves(view, actor).includes('merge') ? (
              <>
                <Divider titlePlacement="start">{t('dispatch:drawer.duplicates')}</Divider>
                <DuplicatesPanel
                  view={view}
                  units={units}
                  onMerged={(next) => {
                    acceptCase(next);
                    setRefreshes((n) => n + 1);
                  }}
                  onStale={() => setRefreshes((n) => n + 1)}
                />
              </>
            ) : null}
            <Divider titlePlacement="start">{t('dispatch:drawer.report')}</Divider>
            <Typography.Paragraph className="case-description" data-testid="case-description">
              {view.description}
            </Typography.Paragraph>
            <Photos urls={view.photos} />
            <CaseEvidence
              key={view.id}
              caseId={view.id}
              canAdd={roleAllows(user, 'console.use')}
              items={attachments.items}
              onAdded={attachments.added}
            />
            <div className="case-location" data-testid="case-location">
              <EnvironmentOutlined />
              <span>
                {t('dispatch:drawer.location', {
                  lon: view.location.lon.toFixed(5),
                  lat: view.location.lat.toFixed(5),
                })}
              </span>
            </div>
            {/* The nearest cameras of the viewer's own area, one click onto the video wall. */}
            <NearestCameras view={view} />
            <Divider titlePlacement="start">{t('dispatch:drawer.legs')}</Divider>
            <Legs view={view} units={units} />
            {/* The village's ratings of the departments that handled the case; camera loans for the case. */}
            <DepartmentRatings view={view} principal={actor} units={units} />
            <CameraLoans view={view} principal={actor} userId={user.id} units={units} />
            <Divider titlePlacement="start">{t('dispatch:drawer.timeline')}</Divider>
            {history ? (
              <History rows={history} attachments={attachments.items ?? []} units={units} />
            ) : (
              <Skeleton active paragraph={{ rows: 3 }} />
            )}
          </>
        ) : null}
      </div>
    </Drawer>
  );
}

function newest(a: CaseView | null, b: CaseView | null): CaseView | null {
  if (!a) return b;
  if (!b) return a;
  return b.version > a.version ? b : a;
}

function DrawerTitle({ view }: { view: CaseView }) {
  const language = useLanguage();
  const { t } = useTranslation(['dispatch']);
  return (
    <div className="case-drawer-title">
      <span className="case-drawer-no" data-testid="case-drawer-no">
        {view.caseNo}
      </span>
      <Tag color={GRADE_COLOURS[view.grade]} variant="solid">
        {gradeLabel(view.grade, language)}
      </Tag>
      <Tag data-testid="case-drawer-status">{statusLabel(view.status, language)}</Tag>
      {view.supervisionCount > 0 ? (
        <Tag color="red" variant="outlined">
          {t('dispatch:card.supervisedTip', { count: view.supervisionCount })}
        </Tag>
      ) : null}
      {isQueued(view) ? (
        <Tag color="gold" variant="outlined" data-testid="case-drawer-queued">
          {t('dispatch:card.queuedTip')}
        </Tag>
      ) : null}
      <SlaCountdown c={view} className="case-drawer-sla" />
    </div>
  );
}

function CaseFacts({ view, units }: { view: CaseView; units: UnitIndex }) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  const reporters = view.reporters
    .map((r) =>
      [sourceLabel(r.source, language), r.name, r.phone, formatDateTime(r.reportedAt, language)]
        .filter(Boolean)
        .join(' · '),
    )
    .join('；');
  return (
    <Descriptions
      size="small"
      column={2}
      className="case-facts"
      items={[
        {
          key: 'category',
          label: t('dispatch:drawer.category'),
          children: `${majorLabel(view.categoryCode, language, view.refVersion)} / ${categoryLabel(view.categoryCode, language, view.refVersion)}`,
        },
        { key: 'grid', label: t('dispatch:drawer.grid'), children: unitPath(view.gridCode, units) || view.gridCode },
        { key: 'source', label: t('dispatch:drawer.source'), children: sourceLabel(view.source, language) },
        {
          key: 'reported',
          label: t('dispatch:drawer.reportedAt'),
          children: formatDateTime(view.reportedAt, language),
        },
        {
          key: 'owner',
          label: t('dispatch:drawer.owner'),
          children:
            view.handlingLevel === 'county'
              ? unitLabel(view.ownerUnitCode, units, language)
              : `${unitLabel(view.ownerUnitCode, units, language)}（${levelLabel(view.handlingLevel, language)}）`,
        },
        {
          key: 'due',
          label: t('dispatch:drawer.due'),
          children: view.dueAt !== undefined ? formatDateTime(view.dueAt, language) : t('dispatch:drawer.noDue'),
        },
        ...(view.closedAt !== undefined
          ? [{ key: 'closed', label: t('dispatch:drawer.closedAt'), children: formatDateTime(view.closedAt, language) }]
          : []),
        ...(view.reworkCount > 0
          ? [{ key: 'rework', label: t('dispatch:drawer.rework'), children: String(view.reworkCount) }]
          : []),
        ...(view.rating
          ? [
              {
                key: 'rating',
                label: t('dispatch:drawer.rating'),
                children: `${'★'.repeat(view.rating.score)}${view.rating.comment ? ` ${view.rating.comment}` : ''}`,
              },
            ]
          : []),
        { key: 'reporters', label: t('dispatch:drawer.reporters'), children: reporters, span: 2 },
      ]}
    />
  );
}
