/**
 * The map's filters: the period (the only one that fetches), then grade, major category, status and source —
 * multi-selects that act on the GPU at once. The status line says how many events the period holds.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.js';
import { CameraLocator } from './CameraLocator.js';
import { filterOptions } from './map-labels.js';
import { customPeriod, periodOf, periodPresets, type PeriodPreset } from './map-period.js';
import { useMapStore } from './map-store.js';
import { softwareRendering } from './software-renderer.js';

type FilterKey = 'grades' | 'majors' | 'statuses' | 'sources';
const FILTERS: ReadonlyArray<{ key: FilterKey; placeholder: 'grade' | 'category' | 'status' | 'source' }> = [
  { key: 'grades', placeholder: 'grade' },
  { key: 'majors', placeholder: 'category' },
  { key: 'statuses', placeholder: 'status' },
  { key: 'sources', placeholder: 'source' },
];

export function MapToolbar() {
  const { t } = useTranslation(['map', 'shared']);
  const language = useLanguage();
  const period = useMapStore((s) => s.period);
  const filter = useMapStore((s) => s.filter);
  const status = useMapStore((s) => s.status);
  const count = useMapStore((s) => s.data?.events.count ?? null);
  const loadMs = useMapStore((s) => s.loadMs);
  const setPeriod = useMapStore((s) => s.setPeriod);
  const setFilter = useMapStore((s) => s.setFilter);
  const clearFilters = useMapStore((s) => s.clearFilters);
  const load = useMapStore((s) => s.load);
  const options = useMemo(() => filterOptions(language), [language]);
  // The years on offer are those up to today's; a console left open over New Year offers the new one after a reload.
  const [presets] = useState(() => periodPresets(Date.now()));
  const filtering = FILTERS.some(({ key }) => (filter[key]?.length ?? 0) > 0) || filter.window !== null;

  const presetLabel = (preset: PeriodPreset) =>
    preset.startsWith('y') ? t('map:period.year', { year: preset.slice(1) }) : t(`map:period.${preset as 'all'}`);

  return (
    <div className="map-toolbar" role="search">
      <Select<PeriodPreset>
        className="map-period"
        value={period.preset}
        onChange={(preset) => {
          if (preset !== 'custom') setPeriod(periodOf(preset, Date.now()));
        }}
        // "Custom" is shown, not chosen: a custom period comes from the date range beside.
        options={[...presets, 'custom' as const].map((preset) => ({
          value: preset,
          label: presetLabel(preset),
          disabled: preset === 'custom',
        }))}
        aria-label={t('map:period.label')}
        data-testid="map-period"
        popupMatchSelectWidth={false}
      />
      <DatePicker.RangePicker
        className="map-range"
        format="YYYY-MM-DD"
        allowClear={false}
        placeholder={[period.from, period.to]}
        onChange={(_dates, [first, last]) => {
          if (first && last) setPeriod(customPeriod(first, last));
        }}
        data-testid="map-range"
      />
      {FILTERS.map(({ key, placeholder }) => (
        <Select
          key={key}
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className={`map-filter map-filter-${key}`}
          placeholder={t(`map:filter.${placeholder}`)}
          value={[...(filter[key] ?? [])]}
          onChange={(values: string[]) => setFilter({ [key]: values.length ? values : null })}
          options={options[key]}
          aria-label={t(`map:filter.${placeholder}`)}
          data-testid={`map-filter-${key}`}
          popupMatchSelectWidth={false}
        />
      ))}
      {filtering ? (
        <Button type="link" onClick={clearFilters} data-testid="map-filter-clear">
          {t('map:filter.clear')}
        </Button>
      ) : null}
      <CameraLocator />
      <Typography.Text type="secondary" className="map-status" data-testid="map-status" data-status={status}>
        {status === 'loading'
          ? t('map:loading')
          : count !== null
            ? `${t('map:loaded', { count })}${loadMs !== null ? ` · ${Math.round(loadMs)} ms` : ''}`
            : null}
      </Typography.Text>
      {softwareRendering() ? (
        <Tag variant="outlined" data-testid="map-software">
          {t('map:softwareRendering')}
        </Tag>
      ) : null}
      <Tooltip title={t('shared:retry')}>
        <Button
          type="text"
          icon={<ReloadOutlined />}
          loading={status === 'loading'}
          onClick={() => void load()}
          aria-label={t('shared:retry')}
          data-testid="map-reload"
        />
      </Tooltip>
    </div>
  );
}
