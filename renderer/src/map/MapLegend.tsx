/** The legend: heat scale and its grade weights, event points by grade, cameras, outline levels; camera toggle. */
import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { gradeLabel } from '../base/labels.js';
import { useLanguage } from '../i18n/use-language.js';
import { GRADE_COLOURS } from './event-attributes.js';
import { HEAT_COLOURS } from './map-layers.js';
import { useMapStore } from './map-store.js';

const rgba = ([r, g, b, a]: readonly number[]) => `rgba(${r}, ${g}, ${b}, ${(a ?? 255) / 255})`;

export function MapLegend() {
  const { t } = useTranslation(['map']);
  const language = useLanguage();
  const showCameras = useMapStore((s) => s.showCameras);
  const setShowCameras = useMapStore((s) => s.setShowCameras);
  const gradient = `linear-gradient(to right, ${HEAT_COLOURS.map((c) => rgba([c[0], c[1], c[2], Math.max(c[3], 60)])).join(', ')})`;
  return (
    <div className="map-legend" data-testid="map-legend" aria-label={t('map:legend.title')}>
      <div className="map-legend-title">{t('map:legend.heat')}</div>
      <div className="map-legend-ramp" style={{ background: gradient }} />
      <div className="map-legend-ends">
        <span>{t('map:legend.low')}</span>
        <span>{t('map:legend.high')}</span>
      </div>
      <div className="map-legend-note">{t('map:legend.weights')}</div>
      <div className="map-legend-title">{t('map:legend.events')}</div>
      <div className="map-legend-row">
        {(['routine', 'general', 'serious'] as const).map((grade) => (
          <span key={grade} className="map-legend-item">
            <i className="map-legend-dot" style={{ background: rgba(GRADE_COLOURS[grade]!) }} />
            {gradeLabel(grade, language)}
          </span>
        ))}
      </div>
      <div className="map-legend-row">
        <span className="map-legend-item">
          <i className="map-legend-dot map-legend-camera" style={{ background: 'rgb(73, 214, 140)' }} />
          {t('map:legend.online')}
        </span>
        <span className="map-legend-item">
          <i className="map-legend-dot map-legend-camera" style={{ background: 'rgb(140, 150, 165)' }} />
          {t('map:legend.offline')}
        </span>
      </div>
      <div className="map-legend-note">{t('map:legend.boundaries')}</div>
      <Checkbox checked={showCameras} onChange={(e) => setShowCameras(e.target.checked)} data-testid="map-show-cameras">
        {t('map:legend.showCameras')}
      </Checkbox>
    </div>
  );
}
