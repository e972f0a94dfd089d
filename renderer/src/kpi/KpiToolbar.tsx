/**
 * What the figures are about: the unit (the org tree's selection, the user's own unit, a township, a village of the
 * user's township, or — for county users — a county department) and the period (presets on Beijing dates, or a
 * custom range of days).
 */
import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker, Segmented, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS } from '../../../common/departments.js';
import { levelOfCode } from '../../../common/org.js';
import type { OrgUnit, User } from '../../../common/schemas.js';
import { unitPath, type UnitIndex } from '../base/labels.js';
import { useLanguage } from '../i18n/use-language.js';
import { useKpiStore } from './kpi-store.js';
import { customPeriod, PERIOD_PRESETS, type PeriodPreset } from './kpi-view-model.js';

interface UnitPickerProps {
  readonly user: User;
  readonly orgUnits: readonly OrgUnit[];
  readonly units: UnitIndex;
  readonly value: string;
  readonly onChange: (code: string) => void;
}

interface Option {
  readonly value: string;
  readonly label: string;
}

export function UnitPicker({ user, orgUnits, units, value, onChange }: UnitPickerProps) {
  const { t } = useTranslation(['kpi']);
  const language = useLanguage();
  const county = levelOfCode(user.orgUnitCode) === 'county';

  const options = useMemo(() => {
    const own = units.get(user.orgUnitCode);
    const children = orgUnits
      .filter((u) => u.parentCode === user.orgUnitCode)
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((u): Option => ({ value: u.code, label: u.name }));
    const groups: { label: string; options: Option[] }[] = [
      { label: t('kpi:unitGroup.own'), options: [{ value: user.orgUnitCode, label: own?.name ?? user.orgUnitName }] },
    ];
    if (children.length)
      groups.push({ label: t(county ? 'kpi:unitGroup.townships' : 'kpi:unitGroup.villages'), options: children });
    if (county)
      groups.push({
        label: t('kpi:unitGroup.departments'),
        options: DEPARTMENTS.map((d) => ({ value: d.code, label: language === 'en' ? d.en : d.zh })),
      });
    // A village or grid picked in the org tree: offered as it stands, with its path.
    const listed = groups.some((g) => g.options.some((o) => o.value === value));
    if (!listed && units.has(value))
      groups.push({ label: t('kpi:unitGroup.selected'), options: [{ value, label: unitPath(value, units) }] });
    return groups;
  }, [county, language, orgUnits, t, units, user.orgUnitCode, user.orgUnitName, value]);

  return (
    <Select
      className="kpi-unit-select"
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      aria-label={t('kpi:unit')}
      data-testid="kpi-unit"
    />
  );
}

export function PeriodPicker() {
  const { t } = useTranslation(['kpi']);
  const preset = useKpiStore((s) => s.preset);
  const customValue = useKpiStore((s) => s.customValue);
  const choosePreset = useKpiStore((s) => s.choosePreset);
  const setCustomPeriod = useKpiStore((s) => s.setCustomPeriod);

  return (
    <div className="kpi-period" data-testid="kpi-period" role="group" aria-label={t('kpi:period.label')}>
      <Segmented<PeriodPreset>
        value={preset}
        onChange={choosePreset}
        options={PERIOD_PRESETS.map((p) => ({
          value: p,
          label: <span data-testid={`kpi-period-${p}`}>{t(`kpi:period.${p}`)}</span>,
        }))}
      />
      {preset === 'custom' ? (
        <DatePicker.RangePicker
          value={customValue}
          format="YYYY-MM-DD"
          allowClear
          suffixIcon={<CalendarOutlined />}
          onChange={(dates, [first, last]) =>
            setCustomPeriod(dates && first && last ? customPeriod(first, last) : null, dates)
          }
          data-testid="kpi-period-range"
        />
      ) : null}
    </div>
  );
}
