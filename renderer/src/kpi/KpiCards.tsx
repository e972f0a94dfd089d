/**
 * The headline figures. Each rate shows its percentage, its numerator / denominator (also spelt out on hover or
 * focus), a bar for the eye, and a visible 样本不足 20 flag when it rests on fewer than 20 cases.
 */
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiFigures, Rate } from '../../../common/kpi.js';
import { useLanguage } from '../i18n/use-language.js';
import {
  CARD_KEYS,
  EMPTY_VALUE,
  formatCount,
  formatFraction,
  formatRate,
  formatRating,
  isRateKey,
  type CardKey,
  type RateKey,
} from './kpi-view-model.js';
import { useDurationText } from './use-kpi-text.js';

export function KpiCards({ figures }: { figures: KpiFigures }) {
  return (
    <div className="kpi-cards">
      {CARD_KEYS.map((key) => (
        <KpiCard key={key} name={key} figures={figures} />
      ))}
    </div>
  );
}

/** The 样本不足 20 flag (a rate on fewer than 20 cases), with the actual count on hover. */
export function SmallSampleFlag({ rate, compact = false }: { rate: Rate; compact?: boolean }) {
  const { t } = useTranslation(['kpi']);
  const tip = t('kpi:smallSampleTip', { n: rate.denominator });
  if (compact)
    return (
      <Tooltip title={tip}>
        <ExclamationCircleOutlined
          className="kpi-small-flag"
          role="img"
          aria-label={`${t('kpi:smallSample')}: ${tip}`}
          data-testid="kpi-small-sample"
        />
      </Tooltip>
    );
  return (
    <Tooltip title={tip}>
      <Tag
        color="warning"
        icon={<ExclamationCircleOutlined />}
        className="kpi-small-tag"
        data-testid="kpi-small-sample"
      >
        {t('kpi:smallSample')}
      </Tag>
    </Tooltip>
  );
}

function KpiCard({ name, figures }: { name: CardKey; figures: KpiFigures }) {
  const { t } = useTranslation(['kpi']);
  const language = useLanguage();
  const durationText = useDurationText();
  const count = (n: number) => formatCount(n, language);

  let value: string;
  let unit: string | null = null;
  let note: ReactNode;
  let tip: string | null = null;
  let rate: Rate | null = null;
  switch (name) {
    case 'received':
      value = count(figures.received);
      note = t('kpi:cardNote.received', { void: count(figures.void), merged: count(figures.merged) });
      break;
    case 'filed':
      value = count(figures.filed);
      note = t('kpi:cardNote.filed');
      break;
    case 'closed':
      value = count(figures.closed);
      note = (
        <span className={figures.openOverdue > 0 ? 'kpi-note-alert' : undefined}>
          {t('kpi:cardNote.closed', { n: count(figures.openOverdue) })}
        </span>
      );
      break;
    case 'supervisionCount':
      value = count(figures.supervisionCount);
      note = t('kpi:cardNote.supervisionCount', { n: count(figures.supervisedCases) });
      break;
    case 'avgHandlingHours':
      value = figures.avgHandlingHours === null ? EMPTY_VALUE : durationText(figures.avgHandlingHours);
      note = t('kpi:cardNote.avgHandlingHours');
      break;
    case 'avgRating':
      value = formatRating(figures.avgRating);
      unit = figures.avgRating === null ? null : '/ 5';
      note = t('kpi:cardNote.avgRating');
      break;
    // 回访率 / 满意率: rates beside the four of the unit table (not columns there).
    case 'callbackRate':
    case 'satisfactionRate':
      rate = figures[name];
      value = formatRate(rate);
      note = formatFraction(rate, language);
      tip = t(`kpi:fraction.${name}`, { numerator: count(rate.numerator), denominator: count(rate.denominator) });
      break;
    default: {
      const key: RateKey = name;
      rate = figures[key];
      value = formatRate(rate);
      note = formatFraction(rate, language);
      tip = t(`kpi:fraction.${key}`, { numerator: count(rate.numerator), denominator: count(rate.denominator) });
    }
  }
  const small = rate?.smallSample ?? false;

  const card = (
    <div
      className={`kpi-card kpi-card--${isRateKey(name) || rate ? 'rate' : 'count'}${small ? ' is-small-sample' : ''}`}
      data-kpi={name}
      tabIndex={tip ? 0 : undefined}
      aria-label={tip ? `${t(`kpi:card.${name}`)} ${value}: ${tip}` : undefined}
    >
      <div className="kpi-card-head">
        <span className="kpi-card-title">{t(`kpi:card.${name}`)}</span>
        {rate && small ? <SmallSampleFlag rate={rate} /> : null}
      </div>
      <div className="kpi-card-figure">
        <span className="kpi-card-value" data-testid={`kpi-card-${name}`}>
          {value}
        </span>
        {unit ? <span className="kpi-card-unit">{unit}</span> : null}
      </div>
      {rate ? (
        <div className="kpi-rate-bar" aria-hidden>
          <span style={{ width: `${Math.round((rate.value ?? 0) * 1000) / 10}%` }} />
        </div>
      ) : null}
      <div className="kpi-card-note">{note}</div>
    </div>
  );
  return tip ? <Tooltip title={tip}>{card}</Tooltip> : card;
}
