/**
 * Put-many (全部上墙: the camera tree's ticked cameras, a case's nearest cameras, a serious case's proposal) never
 * overwrites the operator's work silently (issue 17 §5): cameras go to free tiles at once; when the rest would
 * replace tiles showing something, or stop a whole-wall tour, this dialog says which tiles and asks. A touring
 * tile is never replaced. Every put-many can be undone in one step (toast button and the wall toolbar).
 */
import { App, Button, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { planPlacement, placementNeedsAsking, useWallStore, type PlacementPlan } from './wall-store.js';

interface PutManyRequest {
  readonly plan: PlacementPlan;
  readonly asked: readonly string[];
  readonly onPlaced?: (count: number) => void;
}

interface PutManyStore {
  pending: PutManyRequest | null;
  /** A toast to show with its undo button: bumped per put, read by the dialog host (which owns `App.useApp`). */
  placed: { count: number; serial: number } | null;
}

const usePutManyStore = create<PutManyStore>()(() => ({ pending: null, placed: null }));

function finish(asked: readonly string[], mode: 'free' | 'replace', onPlaced?: (count: number) => void): number {
  const count = useWallStore.getState().place(asked, mode);
  if (count > 0) usePutManyStore.setState({ placed: { count, serial: Date.now() } });
  onPlaced?.(count);
  return count;
}

/**
 * Puts `cameraIds` on the wall: at once when only free tiles are needed, else after the operator chose in the
 * dialog. `onPlaced` runs with how many went up (0 when cancelled).
 */
export function requestPutMany(cameraIds: readonly string[], onPlaced?: (count: number) => void): void {
  const plan = planPlacement(useWallStore.getState(), cameraIds);
  if (!placementNeedsAsking(plan)) {
    finish(cameraIds, 'free', onPlaced);
    return;
  }
  usePutManyStore.setState({ pending: { plan, asked: cameraIds, ...(onPlaced ? { onPlaced } : {}) } });
}

const tileList = (indexes: readonly number[]) => indexes.map((i) => i + 1).join('、');

/** Mounted once in the shell: the question, and the "placed — undo" toast. */
export function PutManyDialog() {
  const { t } = useTranslation(['wall']);
  const { message } = App.useApp();
  const pending = usePutManyStore((s) => s.pending);
  const placed = usePutManyStore((s) => s.placed);

  useEffect(() => {
    if (!placed) return;
    const key = 'wall-put-many';
    void message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <span data-testid="put-many-placed">
          {t('wall:putMany.placed', { count: placed.count })}{' '}
          <Button
            size="small"
            type="link"
            data-testid="put-many-undo"
            onClick={() => {
              message.destroy(key);
              if (useWallStore.getState().undoPlace()) void message.info(t('wall:putMany.undone'));
            }}
          >
            {t('wall:toolbar.undo')}
          </Button>
        </span>
      ),
    });
  }, [placed, message, t]);

  if (!pending) return null;
  const { plan, asked, onPlaced } = pending;
  const wanted = plan.cameraIds.length;
  const toFree = Math.min(wanted, plan.free.length);
  const replaced = plan.occupied.slice(0, Math.max(0, wanted - toFree));
  const left = Math.max(0, wanted - toFree - replaced.length);
  const close = () => usePutManyStore.setState({ pending: null });
  const choose = (mode: 'free' | 'replace' | null) => {
    close();
    if (mode) finish(asked, mode, onPlaced);
    else onPlaced?.(0);
  };

  return (
    <Modal
      open
      title={t('wall:putMany.title', { count: wanted })}
      onCancel={() => choose(null)}
      data-testid="put-many-dialog"
      footer={[
        <Button key="cancel" onClick={() => choose(null)} data-testid="put-many-cancel">
          {t('wall:putMany.cancel')}
        </Button>,
        <Button key="free" disabled={toFree === 0} onClick={() => choose('free')} data-testid="put-many-free">
          {t('wall:putMany.freeOnly')}
        </Button>,
        <Button key="replace" type="primary" danger onClick={() => choose('replace')} data-testid="put-many-replace">
          {t('wall:putMany.replace')}
        </Button>,
      ]}
    >
      <div className="wall-put-many" data-testid="put-many-body">
        <Typography.Paragraph>
          {toFree > 0 ? t('wall:putMany.free', { count: toFree, tiles: tileList(plan.free.slice(0, toFree)) }) : null}
          {toFree === 0 ? t('wall:putMany.noFree') : null}
        </Typography.Paragraph>
        {replaced.length > 0 ? (
          <Typography.Paragraph type="warning" data-testid="put-many-replaced" data-tiles={replaced.join(',')}>
            {t('wall:putMany.occupied', { count: replaced.length, tiles: tileList(replaced) })}
          </Typography.Paragraph>
        ) : null}
        {plan.tours.length > 0 ? (
          <Typography.Paragraph type="secondary" data-testid="put-many-kept-tours">
            {t('wall:putMany.keptTours', { tiles: tileList(plan.tours) })}
          </Typography.Paragraph>
        ) : null}
        {plan.pageTour ? (
          <Typography.Paragraph type="warning">{t('wall:putMany.pageTour')}</Typography.Paragraph>
        ) : null}
        {left > 0 ? (
          <Typography.Paragraph type="secondary">{t('wall:putMany.left', { count: left })}</Typography.Paragraph>
        ) : null}
      </div>
    </Modal>
  );
}
