/**
 * The viewer's name and the time over a live picture, three times across, never catching a click: every place that
 * plays a camera (the wall's tiles, the wall display, the map's floating tile) burns in who is watching, so a photo
 * of the screen still says whose session it came from.
 */
import type { User } from '../../../common/schemas.js';
import { useTicking } from '../base/clock.js';
import { formatStamp } from '../base/format.js';
import './watermark.css';

/** "Name username" as it appears in every watermark and on snapshots. */
export function viewerLabel(user: Pick<User, 'displayName' | 'username'>): string {
  return `${user.displayName} ${user.username}`;
}

export function Watermark({ viewer }: { viewer: string }) {
  const stamp = useTicking((now) => formatStamp(now));
  const text = `${viewer}  ${stamp}`;
  return (
    <div className="wall-watermark" aria-hidden="true" data-testid="tile-watermark">
      <span>{text}</span>
      <span>{text}</span>
      <span>{text}</span>
    </div>
  );
}
