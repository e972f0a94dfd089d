/**
 * What the pointer is over: a unit's name with its event counts under the current filters (counted on the CPU over
 * the unit's contiguous range of events, the same test the GPU applies), an event's case facts, or a camera.
 */
import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseGrade, CaseSource, CaseStatus } from '../../../common/cases.js';
import { caseNoOf, CATEGORY_SLOT } from '../../../common/map-events-format.js';
import { formatDateTime } from '../base/format.js';
import { gradeLabel, sourceLabel, statusLabel } from '../base/labels.js';
import { levelLabel } from '../base/labels.js';
import { useLanguage } from '../i18n/use-language.js';
import { unitRange, type EventData } from './event-attributes.js';
import { categoryBitMask, countInWindow } from './event-filter.js';
import type { PickedObject } from './map-layers.js';
import { majorName } from './map-labels.js';

export interface Hovered {
  readonly picked: PickedObject;
  readonly x: number;
  readonly y: number;
}

interface HoverCardProps {
  readonly hovered: Hovered;
  readonly data: EventData | null;
  readonly categories: number[][];
  readonly range: [number, number];
}

export function HoverCard({ hovered, data, categories, range }: HoverCardProps) {
  const { picked, x, y } = hovered;
  return (
    <div className="map-hover" style={{ left: x + 14, top: y + 14 }} data-testid="map-hover">
      {picked.kind === 'unit' ? (
        <UnitFacts feature={picked.feature} data={data} categories={categories} range={range} />
      ) : picked.kind === 'event' && data ? (
        <EventFacts data={data} index={picked.index} />
      ) : picked.kind === 'camera' ? (
        <CameraFacts name={picked.camera.name} online={picked.camera.online} />
      ) : null}
    </div>
  );
}

function UnitFacts({
  feature,
  data,
  categories,
  range,
}: { feature: Extract<PickedObject, { kind: 'unit' }>['feature'] } & Omit<HoverCardProps, 'hovered'>) {
  const { t } = useTranslation(['map']);
  const language = useLanguage();
  const { code, name, level } = feature.properties;
  const counts = useMemo(() => {
    if (!data) return null;
    const [start, end] = unitRange(data, code);
    const all = countInWindow(data, start, end, categoryBitMask(categories), range);
    const seriousIndex = data.events.dictionary.grades.indexOf('serious');
    const onlySerious = categories.map((list, slot) =>
      slot === CATEGORY_SLOT.grade ? list.filter((i) => i === seriousIndex) : list,
    );
    return { all, serious: countInWindow(data, start, end, categoryBitMask(onlySerious), range) };
  }, [data, code, categories, range]);
  return (
    <>
      <div className="map-hover-title">
        {name} <Tag variant="outlined">{levelLabel(level, language)}</Tag>
      </div>
      {counts ? (
        <div data-testid="map-hover-count" data-count={counts.all}>
          {t('map:hover.events', { count: counts.all })}
          {counts.serious > 0 ? ` · ${t('map:hover.serious', { count: counts.serious })}` : ''}
        </div>
      ) : null}
    </>
  );
}

function EventFacts({ data, index }: { data: EventData; index: number }) {
  const { t } = useTranslation(['map']);
  const language = useLanguage();
  const { events } = data;
  const d = events.dictionary;
  const c = (slot: number) => events.categories[4 * index + slot]!;
  const time = events.time[index]!;
  const grade = d.grades[c(CATEGORY_SLOT.grade)] as CaseGrade;
  return (
    <>
      <div className="map-hover-title">{caseNoOf(events.caseId[index]!, time)}</div>
      <div>
        <Tag color={grade === 'serious' ? 'red' : grade === 'general' ? 'orange' : 'blue'}>
          {gradeLabel(grade, language)}
        </Tag>
        {majorName(d.majors[c(CATEGORY_SLOT.major)] ?? '', language)} ·{' '}
        {statusLabel(d.statuses[c(CATEGORY_SLOT.status)] as CaseStatus, language)}
      </div>
      <div className="map-hover-muted">
        {formatDateTime(time * 1000, language)} ·{' '}
        {sourceLabel(d.sources[c(CATEGORY_SLOT.source)] as CaseSource, language)}
      </div>
      <div className="map-hover-muted">{t('map:hover.openCase')}</div>
    </>
  );
}

function CameraFacts({ name, online }: { name: string; online: boolean }) {
  const { t } = useTranslation(['map']);
  return (
    <>
      <div className="map-hover-title">{name}</div>
      <div>
        <Tag color={online ? 'green' : 'default'}>{t(online ? 'map:camera.online' : 'map:camera.offline')}</Tag>
        <span className="map-hover-muted">{t('map:hover.camera')}</span>
      </div>
    </>
  );
}
