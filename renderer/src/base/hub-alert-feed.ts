/**
 * Feeds the alert centre with the alerts the hub knows first (common/shift-schemas.ts HubAlert): the hub's list on
 * sign-in and after every reconnect (what happened while this console was closed or cut off, with this user's
 * acknowledgements), and each `alert.raised` push as it comes, with its sound.
 */
import { useEffect } from 'react';
import { call, subscribe } from '../bridge/index.js';
import { hubAlertItem, useAlertStore } from './alert-store.js';

async function refresh(userId: string): Promise<void> {
  try {
    const { items } = await call('alerts.list', {});
    const store = useAlertStore.getState();
    if (store.userId !== userId) store.load(userId);
    store.mergeHub(items);
  } catch {
    // Hub unreachable: the local list stands; the next reconnect asks again.
  }
}

export function useHubAlertFeed(userId: string): void {
  useEffect(() => {
    useAlertStore.getState().load(userId);
    void refresh(userId);
    const offPush = subscribe('alert.raised', ({ alert }) => {
      useAlertStore.getState().raise(hubAlertItem(alert));
    });
    let online = true;
    const offLink = subscribe('connection.changed', (status) => {
      const now = status.state === 'online';
      if (now && !online) void refresh(userId);
      online = now;
    });
    return () => {
      offPush();
      offLink();
    };
  }, [userId]);
}
