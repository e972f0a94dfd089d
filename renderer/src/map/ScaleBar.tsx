/** A scale bar of round length (1, 2 or 5 × 10ⁿ m) for the map's centre latitude: duty officers judge distances. */
import { scaleBar } from './view-fit.js';

export function ScaleBar({ latitude, zoom }: { latitude: number; zoom: number }) {
  const { metres, pixels } = scaleBar(latitude, zoom);
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return (
    <div className="map-scale" data-testid="map-scale" aria-label={label}>
      <div className="map-scale-bar" style={{ width: `${Math.round(pixels)}px` }} />
      <span>{label}</span>
    </div>
  );
}
