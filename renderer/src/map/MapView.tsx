/**
 * The map view, loaded on first visit: deck.gl and its shaders are a large part of the renderer and the console
 * opens on the wall, so they are fetched only when someone opens the map.
 */
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session/session-store.js';

const EventMap = lazy(() => import('./EventMap.js'));

export function MapView() {
  const { t } = useTranslation(['map']);
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  return (
    <Suspense fallback={<Spin description={t('map:loading')} />}>
      <EventMap user={user} />
    </Suspense>
  );
}
