/**
 * 定位监控点: find one of the viewer's cameras by name or GB/T 28181 code, fly the map to it and open its player —
 * faster than zooming in and hunting for an icon among a township's hundreds. The list is the scoped one the map
 * already holds (the hub cut it to the viewer's scope), so nothing outside the scope can be found.
 */
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapStore } from './map-store.js';

export function CameraLocator() {
  const { t } = useTranslation(['map']);
  const cameras = useMapStore((s) => s.cameras);
  const options = useMemo(
    () => (cameras ?? []).map((c) => ({ value: c.id, label: c.name, search: `${c.name} ${c.code}` })),
    [cameras],
  );
  if (!cameras || cameras.length === 0) return null;
  return (
    <Select<string>
      className="map-locate"
      showSearch={{
        filterOption: (input, option) => (option?.search ?? '').toLowerCase().includes(input.trim().toLowerCase()),
      }}
      value={null}
      placeholder={t('map:camera.locate')}
      aria-label={t('map:camera.locate')}
      options={options}
      onSelect={(id: string) => {
        const camera = cameras.find((c) => c.id === id);
        if (camera) useMapStore.getState().locateCamera(camera);
      }}
      popupMatchSelectWidth={false}
      data-testid="map-locate-camera"
    />
  );
}
