/**
 * Video wall placeholder: the wall itself comes with its issue. It already shows how many cameras the user's scope
 * holds (from `cameras.list`, scope-filtered by the hub), narrowed to the unit picked in the org tree.
 */
import { VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Card, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../common/schemas.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useSelectedUnit } from '../org-tree/org-store.js';
import { endSessionIfUnauthenticated } from '../session/session-store.js';
import { ComingSoon } from '../shell/ComingSoon.js';

export function WallView() {
  const { t } = useTranslation();
  const selected = useSelectedUnit();
  const [cameras, setCameras] = useState<Camera[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    call('cameras.list', {}).then(
      (list) => {
        if (live) setCameras(list);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(failure);
        endSessionIfUnauthenticated(failure);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // A unit's cameras are those of its subtree: org codes are prefixes of the codes below them.
  const shown =
    selected && cameras ? cameras.filter((camera) => camera.orgUnitCode.startsWith(selected.code)) : cameras;
  const loading = shown === null && !error;
  return (
    <ComingSoon icon={<VideoCameraOutlined />} title={t('views.wall.title')} description={t('views.wall.description')}>
      {error ? (
        <Alert type="error" showIcon title={t('views.wall.loadFailed', { message: errorMessage(error, t) })} />
      ) : null}
      {selected ? <div className="view-scope">{t('views.selectedUnit', { name: selected.name })}</div> : null}
      <div className="view-stats">
        <Card size="small">
          <Statistic title={t('views.wall.cameras')} value={shown?.length ?? 0} loading={loading} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('views.wall.online')}
            value={shown?.filter((camera) => camera.online).length ?? 0}
            loading={loading}
            styles={{ content: { color: '#49aa19' } }}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t('views.wall.sensitive')}
            value={shown?.filter((camera) => camera.sensitive).length ?? 0}
            loading={loading}
          />
        </Card>
      </div>
    </ComingSoon>
  );
}
