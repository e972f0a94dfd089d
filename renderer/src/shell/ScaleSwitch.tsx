/**
 * The wall-distance scale (大屏): text and cards at 100 % for the desk, 125 / 150 % for a wall read from 3–5 m.
 * Remembered per user on this console (display-prefs.ts); the shell applies it.
 */
import { FontSizeOutlined } from '@ant-design/icons';
import { Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { UI_SCALES, useDisplayPrefs, type UiScale } from '../base/display-prefs.js';

export function ScaleSwitch() {
  const { t } = useTranslation(['shell']);
  const scale = useDisplayPrefs((s) => s.scale);
  return (
    <Tooltip title={t('shell:scale.hint')} placement="bottom">
      <span className="scale-switch">
        <FontSizeOutlined aria-hidden />
        <Select<UiScale>
          size="small"
          variant="borderless"
          value={scale}
          aria-label={t('shell:scale.label')}
          data-testid="scale-switch"
          popupMatchSelectWidth={false}
          onChange={(value) => useDisplayPrefs.getState().set({ scale: value })}
          options={UI_SCALES.map((value) => ({
            value,
            label: <span data-testid={`scale-${value}`}>{t(`shell:scale.option${value}`)}</span>,
          }))}
        />
      </span>
    </Tooltip>
  );
}
