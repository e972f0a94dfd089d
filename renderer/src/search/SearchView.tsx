/**
 * 案件检索: every case ever filed in the user's scope, by words or case number and filters, a page at a time
 * ("load more" follows the hub's cursor); a row opens the case drawer with its whole timeline, closed cases
 * included; the result exports as CSV (Beijing times, headings in the UI language).
 */
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_GRADES, CASE_SOURCES, CASE_STATUSES } from '../../../common/cases.js';
import { toCsv } from '../../../common/csv.js';
import { SEARCH_EXPORT_MAX, SEARCH_PAGE_MAX, type SearchHit } from '../../../common/search-schemas.js';
import { call } from '../bridge/index.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { fileStamp, formatDateTime } from '../base/format.js';
import {
  categoryLabel,
  gradeLabel,
  indexUnits,
  sourceLabel,
  statusLabel,
  unitLabel,
  type UnitIndex,
} from '../base/labels.js';
import { useOrgStore } from '../base/org-store.js';
import { referenceData } from '../base/reference.js';
import { CaseDrawer } from '../dispatch/CaseDrawer.js';
import { GRADE_COLOURS } from '../dispatch/CaseCard.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { downloadText } from '../kpi/download.js';
import { useSessionStore } from '../session/session-store.js';
import { searchCsvRows, SEARCH_CSV_COLUMNS } from './search-csv.js';
import { EMPTY_FORM, queryOf, wordsAccepted, type SearchForm } from './search-query.js';
import './search.css';

interface Result {
  readonly form: SearchForm;
  readonly hits: SearchHit[];
  readonly next?: string;
  readonly total?: number;
  readonly capped?: boolean;
}

export function SearchView() {
  const { t } = useTranslation(['search', 'shell', 'errors']);
  const { message } = App.useApp();
  const language = useLanguage();
  const user = useSessionStore((s) => s.user);
  const orgUnits = useOrgStore((s) => s.units);
  const units = useMemo(() => indexUnits(orgUnits), [orgUnits]);
  const [form, setForm] = useState<SearchForm>(EMPTY_FORM);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<SearchForm>) => setForm((f) => ({ ...f, ...patch }));

  const run = async (page?: { after: string; previous: Result }) => {
    // The hub's own rule, checked here so a single character is explained without a round trip.
    if (!page && !wordsAccepted(form.q)) {
      setError(t('errors:code.search_text_too_short'));
      return;
    }
    const asked = page ? page.previous.form : form;
    setBusy(true);
    setError(null);
    try {
      const answer = await call('cases.search', queryOf(asked, page ? { after: page.after } : {}));
      setResult(
        page
          ? { ...page.previous, hits: [...page.previous.hits, ...answer.hits], next: answer.next }
          : { form: asked, ...answer },
      );
    } catch (err) {
      setError(t('search:failed', { message: errorMessage(err) }));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    if (!result) return;
    const hits: SearchHit[] = [];
    let after: string | undefined;
    setBusy(true);
    try {
      do {
        const answer = await call('cases.search', queryOf(result.form, { after, limit: SEARCH_PAGE_MAX }));
        hits.push(...answer.hits);
        after = answer.next;
      } while (after && hits.length < SEARCH_EXPORT_MAX);
      const rows = searchCsvRows(hits.slice(0, SEARCH_EXPORT_MAX), {
        headings: Object.fromEntries(SEARCH_CSV_COLUMNS.map((c) => [c, t(`search:column.${c}`)])) as Record<
          (typeof SEARCH_CSV_COLUMNS)[number],
          string
        >,
        yes: t('search:yes'),
        no: t('search:no'),
        category: (code) => categoryLabel(code, language),
        grade: (g) => gradeLabel(g, language),
        status: (s) => statusLabel(s, language),
        source: (s) => sourceLabel(s, language),
        unit: (code) => unitLabel(code, units, language, true),
      });
      downloadText(`${t('search:fileName')}-${fileStamp(Date.now())}.csv`, toCsv(rows));
      if (after) message.warning(t('search:exportTruncated', { count: SEARCH_EXPORT_MAX }));
    } catch (err) {
      message.error(t('search:failed', { message: errorMessage(err) }));
    } finally {
      setBusy(false);
    }
  };

  if (!user) return null;
  return (
    <div className="search-view" data-testid="search-view">
      <Typography.Title level={4} className="view-title">
        <span className="view-title-icon">
          <SearchOutlined />
        </span>
        {t('search:title')}
      </Typography.Title>
      <SearchFilters form={form} set={set} units={orgUnits} unitIndex={units} onSearch={() => void run()} busy={busy} />
      {error ? <Alert type="error" showIcon title={error} data-testid="search-error" /> : null}
      {result ? (
        <div className="search-result">
          <Space className="search-summary">
            <span data-testid="search-total">
              {result.capped
                ? t('search:totalCapped', { count: result.total ?? 0 })
                : t('search:total', { count: result.total ?? result.hits.length })}
            </span>
            <span>{t('search:shown', { count: result.hits.length })}</span>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void exportCsv()}
              disabled={busy || result.hits.length === 0}
              data-testid="search-export"
            >
              {t('search:export')}
            </Button>
          </Space>
          <HitTable hits={result.hits} units={units} />
          {result.next ? (
            <Button
              className="search-more"
              loading={busy}
              onClick={() => void run({ after: result.next!, previous: result })}
              data-testid="search-more"
            >
              {t('search:more')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <CaseDrawer user={user} units={units} orgUnits={orgUnits} afterClose={() => undefined} />
    </div>
  );
}

function SearchFilters(props: {
  form: SearchForm;
  set(patch: Partial<SearchForm>): void;
  units: ReturnType<typeof useOrgStore.getState>['units'];
  unitIndex: UnitIndex;
  onSearch(): void;
  busy: boolean;
}) {
  const { form, set, units, unitIndex, onSearch, busy } = props;
  const { t } = useTranslation(['search']);
  const language = useLanguage();
  const categories = useMemo(
    () =>
      referenceData().taxonomy.categories.flatMap((major) =>
        major.minors.map((minor) => ({ value: minor.code, label: categoryLabel(minor.code, language) })),
      ),
    [language],
  );
  // Units above the grids (townships, villages/communities) and departments the user's tree holds.
  const unitOptions = units
    .filter((u) => u.level !== 'grid')
    .map((u) => ({ value: u.code, label: unitLabel(u.code, unitIndex, language, true) }));
  const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  return (
    <Form layout="inline" className="search-filters" onFinish={onSearch}>
      <Form.Item label={t('search:words')} className="search-words">
        <Input
          value={form.q}
          onChange={(e) => set({ q: e.target.value })}
          placeholder={t('search:wordsPlaceholder')}
          allowClear
          data-testid="search-q"
        />
      </Form.Item>
      <Form.Item label={t('search:period')}>
        <DatePicker.RangePicker
          onChange={(_, dates) => set({ fromDate: dates[0] || undefined, toDate: dates[1] || undefined })}
          data-testid="search-period"
        />
      </Form.Item>
      <Form.Item label={t('search:category')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="search-select-wide"
          value={form.category}
          onChange={(category?: string) => set({ category })}
          options={categories}
          placeholder={t('search:any')}
          data-testid="search-category"
        />
      </Form.Item>
      <Form.Item label={t('search:grade')}>
        <Select
          allowClear
          className="search-select"
          value={form.grade}
          onChange={(grade?: SearchForm['grade']) => set({ grade })}
          options={options(CASE_GRADES, (g) => gradeLabel(g, language))}
          placeholder={t('search:any')}
          data-testid="search-grade"
        />
      </Form.Item>
      <Form.Item label={t('search:status')}>
        <Select
          allowClear
          className="search-select"
          value={form.status}
          onChange={(status?: SearchForm['status']) => set({ status })}
          options={options(CASE_STATUSES, (s) => statusLabel(s, language))}
          placeholder={t('search:any')}
          data-testid="search-status"
        />
      </Form.Item>
      <Form.Item label={t('search:source')}>
        <Select
          allowClear
          className="search-select"
          value={form.source}
          onChange={(source?: SearchForm['source']) => set({ source })}
          options={options(CASE_SOURCES, (s) => sourceLabel(s, language))}
          placeholder={t('search:any')}
          data-testid="search-source"
        />
      </Form.Item>
      <Form.Item label={t('search:unit')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="search-select-wide"
          value={form.unit}
          onChange={(unit?: string) => set({ unit })}
          options={unitOptions}
          placeholder={t('search:any')}
          data-testid="search-unit"
        />
      </Form.Item>
      <Form.Item>
        <Checkbox
          checked={form.overdue}
          onChange={(e) => set({ overdue: e.target.checked })}
          data-testid="search-overdue"
        >
          {t('search:overdue')}
        </Checkbox>
        <Checkbox
          checked={form.supervised}
          onChange={(e) => set({ supervised: e.target.checked })}
          data-testid="search-supervised"
        >
          {t('search:supervised')}
        </Checkbox>
      </Form.Item>
      <Form.Item label={t('search:sort')}>
        <Select
          className="search-select"
          value={form.sort}
          onChange={(sort: SearchForm['sort']) => set({ sort })}
          options={[
            { value: 'newest', label: t('search:sortNewest') },
            { value: 'oldest', label: t('search:sortOldest') },
          ]}
          data-testid="search-sort"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy} data-testid="search-submit">
        {t('search:search')}
      </Button>
    </Form>
  );
}

function HitTable({ hits, units }: { hits: SearchHit[]; units: UnitIndex }) {
  const { t } = useTranslation(['search']);
  const language = useLanguage();
  const openCase = useBoardStore((s) => s.openCase);
  return (
    <Table<SearchHit>
      size="small"
      rowKey="caseNo"
      dataSource={hits}
      pagination={false}
      locale={{ emptyText: t('search:empty') }}
      onRow={(hit) => ({ onClick: () => openCase(hit.caseNo), 'data-testid': 'search-hit' }) as object}
      rowClassName="search-hit"
      columns={[
        {
          title: t('search:column.caseNo'),
          dataIndex: 'caseNo',
          render: (no: string) => (
            <Button type="link" size="small" data-testid="search-hit-open">
              {no}
            </Button>
          ),
        },
        {
          title: t('search:column.reportedAt'),
          dataIndex: 'reportedAt',
          render: (at: number) => formatDateTime(at, language),
        },
        {
          title: t('search:column.category'),
          dataIndex: 'categoryCode',
          render: (code: string) => categoryLabel(code, language),
        },
        {
          title: t('search:column.grade'),
          dataIndex: 'grade',
          render: (g: SearchHit['grade']) => (
            <Tag color={GRADE_COLOURS[g]} variant="solid">
              {gradeLabel(g, language)}
            </Tag>
          ),
        },
        {
          title: t('search:column.status'),
          dataIndex: 'status',
          render: (s: SearchHit['status'], hit) => (
            <Space size={4}>
              {statusLabel(s, language)}
              {hit.overdue ? <Tag color="red">{t('search:overdue')}</Tag> : null}
              {hit.supervisionCount > 0 ? <Tag color="orange">{t('search:supervised')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('search:column.place'),
          dataIndex: 'gridCode',
          render: (code: string) => unitLabel(code, units, language),
        },
        { title: t('search:column.description'), dataIndex: 'excerpt', ellipsis: true },
      ]}
    />
  );
}
