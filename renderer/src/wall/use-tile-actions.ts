/** What a tile's tools do: clear, maximise, snapshot (PNG download, kept for attaching to a case), reason, alert. */
import { App } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCameraStore } from './camera-store.js';
import { useEvidenceStore } from './evidence-store.js';
import { usePlaybackStore } from './playback-store.js';
import { lastHour } from './playback-timeline.js';
import { captureSnapshot, downloadSnapshot } from './snapshot.js';
import type { TileActions } from './TileChrome.js';
import { effectiveCameraIds, useWallStore } from './wall-store.js';
import { requestPutMany } from './PutManyDialog.js';

export function useTileActions(viewer: string, askReason: (index: number) => void): TileActions {
  const { t } = useTranslation(['wall']);
  const { message } = App.useApp();
  return useMemo<TileActions>(
    () => ({
      clear(index) {
        const store = useWallStore.getState();
        if (store.pageTour) store.setPageTour(null); // the operator takes the wall back from the tour
        store.assign(index, null);
      },
      toggleMaximized(index) {
        useWallStore.getState().toggleMaximized(index);
      },
      async snapshot(index, video) {
        const cameraId = effectiveCameraIds(useWallStore.getState())[index];
        if (!video || !cameraId) return;
        const camera = useCameraStore.getState().byId.get(cameraId);
        try {
          const snapshot = await captureSnapshot(video, {
            cameraId,
            cameraName: camera?.name ?? cameraId,
            cameraCode: camera?.code ?? cameraId,
            viewer,
            at: Date.now(),
          });
          useEvidenceStore.getState().add(snapshot);
          downloadSnapshot(snapshot);
          message.success(t('wall:snapshot.taken', { file: snapshot.fileName }));
        } catch {
          message.error(t('wall:snapshot.failed'));
        }
      },
      giveReason: askReason,
      setAlert(index) {
        useWallStore.getState().setAlertCell(index);
      },
      stopTour(index) {
        useWallStore.getState().setTileTour(index, null);
      },
      playback(index) {
        const cameraId = effectiveCameraIds(useWallStore.getState())[index];
        if (!cameraId) return;
        const now = Date.now();
        // The last hour on the bar, playing from a minute ago: what an operator asks after "what just happened?".
        usePlaybackStore.getState().open(index, { cameraId, window: lastHour(now), startMs: now - 60_000 });
      },
      proposalPutAll() {
        const { proposal } = useWallStore.getState();
        if (!proposal) return;
        // Asks before replacing anything; the proposal stays on the alert tile when the operator cancels.
        requestPutMany(proposal.run.cameraIds, (count) => {
          if (count > 0) useWallStore.getState().dismissProposal();
        });
      },
      proposalNext() {
        useWallStore.getState().nextProposal();
      },
      proposalDismiss() {
        useWallStore.getState().dismissProposal();
      },
    }),
    [viewer, askReason, message, t],
  );
}
