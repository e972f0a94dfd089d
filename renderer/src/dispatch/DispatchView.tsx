/**
 * 联动处置: the board a duty officer and a township director work from all day. Five stage columns of live cards,
 * filters (township or the org-tree selection, category, grade, source, case number / words), the case drawer with
 * exactly the moves this user may make, and the report form for the hotline / video-patrol desk.
 *
 * Keyboard: the board is one tab stop; arrows move between cards and columns, Home/End jump within a column, Enter
 * opens the case, Esc closes it (focus returns to the card).
 */
import { AlertOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_GRADES, CASE_SOURCES } from '../../../common/cases.js';
import type { User } from '../../../common/schemas.js';
import { canAct } from '../../../common/scope-policy.js';
import { useLanguage } from '../i18n/use-language.js';
import { useOrgStore, useSelectedUnit } from '../base/org-store.js';
import { useSessionStore } from '../session/session-store.js';
import {
  BOARD_STAGES,
  buildColumns,
  isFiltering,
  localDay,
  moveCursor,
  type AttentionFilter,
  type BoardColumns,
} from '../base/cases/board-model.js';
import { matchesAttention } from '../base/cases/attention.js';
import { useWatchStore } from '../base/cases/watch-store.js';
import { intakeDueAt } from '../../../common/intake-clock.js';
import type { CaseView } from '../../../common/case-api.js';
import { intakeLimits } from '../base/intake.js';
import { referenceData } from '../base/reference.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { BoardColumn, type RevealRequest } from './BoardColumn.js';
import { slaAt } from './CaseCard.js';
import { CaseDrawer } from './CaseDrawer.js';
import { formatDateTime } from '../base/format.js';
import './dispatch.css';
import { gradeLabel, indexUnits, sourceLabel, type UnitIndex } from '../base/labels.js';
import { NewReportModal } from './NewReportModal.js';
import { majorOptions } from '../base/taxonomy-options.js';
import { useTicking } from '../base/clock.js';
import { LoadState } from '../base/LoadState.js';
import { useDuplicateCounts } from './duplicates-store.js';
import { useDisplayPrefs } from '../base/display-prefs.js';
import { CompactSwitch } from './CompactSwitch.js';

export function DispatchView() {
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  return <DispatchBoard user={user} />;
}

function DispatchBoard({ user }: { user: User }) {
  const { t } = useTranslation(['dispatch', 'shell']);
  const status = useBoardStore((s) => s.status);
  const error = useBoardStore((s) => s.error);
  const truncated = useBoardStore((s) => s.truncated);
  const cases = useBoardStore((s) => s.board.cases);
  const filter = useBoardStore((s) => s.filter);
  const reload = useBoardStore((s) => s.reload);
  const orgUnits = useOrgStore((s) => s.units);
  const selectedUnit = useSelectedUnit();
  const units = useMemo(() => indexUnits(orgUnits), [orgUnits]);
  const [reportOpen, setReportOpen] = useState(false);
  const cachedAt = useSessionStore((s) => (s.connection?.state === 'online' ? undefined : s.connection?.cachedAt));
  const language = useLanguage();
  useDuplicateCounts();

  // The day turns over at local midnight: today's closures then leave the board.
  const today = useTicking((now) => localDay(now));
  const text = useDeferredValue(filter.text);
  const watched = useWatchStore((s) => s.watched);
  useEffect(() => useWatchStore.getState().load(user.id), [user.id]);
  // The overdue filter follows the clock: re-listed every 5 s (the counter's own rhythm), other filters never tick.
  const slot = useTicking((now) => (filter.attention === 'overdue' ? Math.floor(now / 5000) * 5000 : 0));
  const columns = useMemo(() => {
    const attention = filter.attention ?? null;
    const ctx = {
      now: slot,
      calendar: referenceData().calendar,
      intake: intakeLimits(),
      actor: { userId: user.id, role: user.role, orgUnitCode: user.orgUnitCode, departmentCode: user.departmentCode },
      watched,
    };
    return buildColumns(cases.values(), { ...filter, text, unitCode: selectedUnit?.code ?? null }, today, {
      intakeDueOf: (c) => intakeDueAt(ctx.intake, c, ctx.calendar),
      ...(attention ? { attention: (c: CaseView) => matchesAttention(c, attention, ctx) } : {}),
    });
  }, [cases, filter, text, selectedUnit, today, slot, watched, user]);

  const mayReport = canAct(user, 'case.report') && user.role !== 'grid_worker';
  const ownUnit = orgUnits.find((unit) => unit.code === user.orgUnitCode);

  return (
    <div className="dispatch-view">
      <div className="dispatch-head">
        <Typography.Title level={4} className="view-title dispatch-title">
          <span className="view-title-icon">
            <AlertOutlined />
          </span>
          {t('shell:views.dispatch.title')}
        </Typography.Title>
        <BoardSummary columns={columns} />
        <div className="dispatch-head-actions">
          <CompactSwitch />
          <Tooltip title={t('dispatch:board.reload')}>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void reload()}
              loading={status === 'loading'}
              aria-label={t('dispatch:board.reload')}
              data-testid="board-reload"
            />
          </Tooltip>
          {mayReport ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReportOpen(true)} data-testid="new-report">
              {t('dispatch:report.button')}
            </Button>
          ) : null}
        </div>
      </div>
      <FilterBar user={user} units={units} />
      <LoadState
        error={status === 'failed' ? error : null}
        failedTitle={(message) => t('dispatch:board.loadFailed', { message })}
        onRetry={() => void reload()}
      />
      {truncated ? <Alert type="warning" showIcon title={t('dispatch:board.truncated')} /> : null}
      {cachedAt ? (
        <Alert
          type="warning"
          showIcon
          data-testid="board-offline"
          title={t('dispatch:board.offline', { time: formatDateTime(Date.parse(cachedAt), language) })}
        />
      ) : null}
      <Board columns={columns} units={units} loading={status === 'loading' || status === 'idle'} />
      <CaseDrawer user={user} units={units} orgUnits={orgUnits} afterClose={focusCursorCard} />
      {mayReport ? (
        <NewReportModal
          open={reportOpen}
          onClose={() => setReportOpen(false)}
          units={units}
          defaultCenter={ownUnit?.center ?? null}
        />
      ) : null}
    </div>
  );
}

/** Give focus back to the card under the keyboard cursor (after the drawer closes). */
function focusCursorCard(): void {
  const id = useBoardStore.getState().cursorId;
  if (!id) return;
  document.querySelector<HTMLElement>(`[data-testid="case-card"][data-case-id="${CSS.escape(id)}"]`)?.focus();
}

function BoardSummary({ columns }: { columns: BoardColumns }) {
  const { t } = useTranslation(['dispatch', 'shell']);
  const attention = useBoardStore((s) => s.filter.attention ?? null);
  const setFilter = useBoardStore((s) => s.setFilter);
  // A counter is a filter: one click lists exactly what it counts, a second click clears it.
  const toggle = (name: AttentionFilter) => setFilter({ attention: attention === name ? null : name });
  // Overdue cases counted every few seconds: cheap enough for 2,000 cards, and the cards themselves tick each second.
  const open = [...columns.reported, ...columns.filed, ...columns.handling, ...columns.checking];
  const overdue = useTicking((now) => {
    const slot = Math.floor(now / 5000) * 5000;
    return open.reduce((n, c) => n + (slaAt(c, slot).name === 'overdue' ? 1 : 0), 0);
  });
  const supervised = open.reduce((n, c) => n + (c.supervisionCount > 0 ? 1 : 0), 0);
  return (
    <div className="dispatch-summary" data-testid="board-summary">
      <span>{t('dispatch:summary.open', { count: open.length })}</span>
      <button
        type="button"
        className={`summary-filter${overdue > 0 ? ' summary-overdue' : ''}${attention === 'overdue' ? ' active' : ''}`}
        aria-pressed={attention === 'overdue'}
        title={
          attention === 'overdue'
            ? t('dispatch:filter.attentionOn', { name: t('dispatch:filter.overdue') })
            : t('dispatch:filter.overdue')
        }
        onClick={() => toggle('overdue')}
        data-testid="summary-overdue"
      >
        {t('dispatch:summary.overdue', { count: overdue })}
      </button>
      <button
        type="button"
        className={`summary-filter${supervised > 0 ? ' summary-supervised' : ''}${attention === 'supervised' ? ' active' : ''}`}
        aria-pressed={attention === 'supervised'}
        title={t('dispatch:filter.supervised')}
        onClick={() => toggle('supervised')}
        data-testid="summary-supervised"
      >
        {t('dispatch:summary.supervised', { count: supervised })}
      </button>
      <span>{t('dispatch:summary.closedToday', { count: columns.closed.length })}</span>
    </div>
  );
}

function FilterBar({ user, units }: { user: User; units: UnitIndex }) {
  const { t } = useTranslation(['dispatch', 'shell']);
  const language = useLanguage();
  const filter = useBoardStore((s) => s.filter);
  const setFilter = useBoardStore((s) => s.setFilter);
  const clearFilter = useBoardStore((s) => s.clearFilter);
  const selectedUnit = useSelectedUnit();
  const select = useOrgStore((s) => s.select);
  const townships = useMemo(
    () =>
      [...units.values()]
        .filter((unit) => unit.level === 'township' && unit.code.startsWith(user.orgUnitCode))
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((unit) => ({ value: unit.code, label: unit.name })),
    [units, user.orgUnitCode],
  );
  const filtering = isFiltering({ ...filter, unitCode: selectedUnit?.code ?? null });
  return (
    <div className="dispatch-filters" role="search">
      {townships.length > 1 ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="filter-township"
          placeholder={t('dispatch:filter.township')}
          value={filter.townshipCode}
          onChange={(value: string | undefined) => setFilter({ townshipCode: value ?? null })}
          options={townships}
          data-testid="board-filter-township"
          aria-label={t('dispatch:filter.township')}
        />
      ) : null}
      <Select
        allowClear
        className="filter-category"
        placeholder={t('dispatch:filter.category')}
        value={filter.major}
        onChange={(value: string | undefined) => setFilter({ major: value ?? null })}
        options={majorOptions(language)}
        data-testid="board-filter-category"
        aria-label={t('dispatch:filter.category')}
      />
      <Select
        allowClear
        className="filter-grade"
        placeholder={t('dispatch:filter.grade')}
        value={filter.grade}
        onChange={(value) => setFilter({ grade: value ?? null })}
        options={CASE_GRADES.map((grade) => ({ value: grade, label: gradeLabel(grade, language) }))}
        data-testid="board-filter-grade"
        aria-label={t('dispatch:filter.grade')}
      />
      <Select
        allowClear
        className="filter-source"
        placeholder={t('dispatch:filter.source')}
        value={filter.source}
        onChange={(value) => setFilter({ source: value ?? null })}
        options={CASE_SOURCES.map((source) => ({ value: source, label: sourceLabel(source, language) }))}
        data-testid="board-filter-source"
        aria-label={t('dispatch:filter.source')}
      />
      <Input
        allowClear
        prefix={<SearchOutlined />}
        className="filter-search"
        placeholder={t('dispatch:filter.search')}
        value={filter.text}
        onChange={(event) => setFilter({ text: event.target.value })}
        data-testid="board-search"
        aria-label={t('dispatch:filter.search')}
      />
      {(['mine', 'watched'] as const).map((name) => (
        <Tag.CheckableTag
          key={name}
          checked={filter.attention === name}
          onChange={(on) => setFilter({ attention: on ? name : null })}
          data-testid={`board-filter-${name}`}
          className="filter-attention"
        >
          {t(`dispatch:filter.${name}`)}
        </Tag.CheckableTag>
      ))}
      {selectedUnit ? (
        <Tag closable onClose={() => select(null)} data-testid="board-filter-unit" className="filter-unit">
          {t('dispatch:filter.unit', { name: selectedUnit.name })}
        </Tag>
      ) : null}
      {filtering ? (
        <Button
          type="link"
          onClick={() => {
            clearFilter();
            select(null);
          }}
          data-testid="board-filter-clear"
        >
          {t('dispatch:filter.clear')}
        </Button>
      ) : null}
    </div>
  );
}

const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

function Board({ columns, units, loading }: { columns: BoardColumns; units: UnitIndex; loading: boolean }) {
  const { t } = useTranslation(['dispatch', 'shell']);
  const cursorId = useBoardStore((s) => s.cursorId);
  const fresh = useBoardStore((s) => s.fresh);
  const setCursor = useBoardStore((s) => s.setCursor);
  const openCase = useBoardStore((s) => s.openCase);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const focusWanted = useRef<string | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const compact = useDisplayPrefs((s) => s.compactBoard);

  const positions = useMemo(() => {
    const map = new Map<string, { stage: (typeof BOARD_STAGES)[number]; index: number }>();
    for (const stage of BOARD_STAGES) columns[stage].forEach((c, index) => map.set(c.id, { stage, index }));
    return map;
  }, [columns]);
  const cursor = cursorId ? (positions.get(cursorId) ?? null) : null;
  // The one tab stop: the cursor's card, or the first card on the board.
  const firstStage = BOARD_STAGES.find((stage) => columns[stage].length > 0);
  const tabStopId = cursor ? cursorId : firstStage ? columns[firstStage][0]!.id : null;

  // After a keyboard move the column has scrolled and rendered the card: focus it now.
  useEffect(() => {
    const id = focusWanted.current;
    if (!id || !boardRef.current) return;
    focusWanted.current = null;
    boardRef.current
      .querySelector<HTMLElement>(`[data-testid="case-card"][data-case-id="${CSS.escape(id)}"]`)
      ?.focus({ preventScroll: true });
  }, [reveal]);

  const onOpen = useCallback((id: string) => openCase(id), [openCase]);
  const onCursor = useCallback((id: string) => setCursor(id), [setCursor]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.dataset.testid !== 'case-card') return;
    const id = target.dataset.caseId ?? null;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (id) openCase(id);
      return;
    }
    if (!NAV_KEYS.has(event.key)) return;
    event.preventDefault();
    const from = id ? (positions.get(id) ?? cursor) : cursor;
    const next = moveCursor(columns, from, event.key as Parameters<typeof moveCursor>[2]);
    if (!next) return;
    const nextId = columns[next.stage][next.index]!.id;
    setCursor(nextId);
    focusWanted.current = nextId;
    setReveal({ ...next, serial: (reveal?.serial ?? 0) + 1 });
  };

  return (
    <div
      ref={boardRef}
      className="dispatch-board"
      data-testid="dispatch-board"
      data-loading={loading}
      data-compact={compact}
      aria-busy={loading}
      aria-label={t('dispatch:board.label')}
      role="region"
      onKeyDown={onKeyDown}
    >
      {BOARD_STAGES.map((stage) => (
        <BoardColumn
          key={stage}
          stage={stage}
          cases={columns[stage]}
          units={units}
          tabStopId={tabStopId}
          fresh={fresh}
          reveal={reveal}
          onOpen={onOpen}
          onCursor={onCursor}
          compact={compact}
        />
      ))}
    </div>
  );
}
