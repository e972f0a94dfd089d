/**
 * Camera arithmetic for the map: fitting a unit's bounds into the canvas, which boundary level a zoom shows, and a
 * scale bar of round length. deck.gl's web-mercator zoom counts 512-pixel tiles.
 */
import { WebMercatorViewport } from '@deck.gl/core';
import type { OrgLevel } from '../../../common/org.js';
import type { Bounds } from './boundary-data.js';

export interface MapViewState {
  longitude: number;
  latitude: number;
  zoom: number;
  pitch: number;
  bearing: number;
  transitionDuration?: number;
}

/** The demo county's centre, for the instant before boundaries arrive. */
export const INITIAL_VIEW: MapViewState = { longitude: 112.2, latitude: 25.9, zoom: 9, pitch: 0, bearing: 0 };

export const ZOOM = {
  /** Village outlines and names from here in. */
  villages: 11,
  /** Grid outlines (and hover by grid) from here in. */
  grids: 12.5,
  /** Individual events (clickable) from here in: a township's 15,000 points would hide its heat further out. */
  events: 14,
  /** Camera icons from here in: a township holds hundreds, which would bury its heat at the township's zoom. */
  cameras: 14,
  gridLabels: 14.5,
  min: 7,
  max: 18,
} as const;

export function fitView(bounds: Bounds, width: number, height: number, padding = 40): MapViewState {
  if (width < 2 * padding + 10 || height < 2 * padding + 10 || !bounds.every(Number.isFinite)) return INITIAL_VIEW;
  const viewport = new WebMercatorViewport({ width, height });
  const { longitude, latitude, zoom } = viewport.fitBounds(
    [
      [bounds[0], bounds[1]],
      [bounds[2], bounds[3]],
    ],
    { padding },
  );
  return { longitude, latitude, zoom: Math.min(zoom, ZOOM.max), pitch: 0, bearing: 0 };
}

/** A unit's bounds on screen under a view, as "x0,y0,x1,y1" in CSS pixels of the canvas (rounded). */
export function screenBox(bounds: Bounds, view: MapViewState, size: { width: number; height: number }): string {
  const viewport = new WebMercatorViewport({ ...view, width: size.width, height: size.height });
  const [x0, y0] = viewport.project([bounds[0], bounds[3]]);
  const [x1, y1] = viewport.project([bounds[2], bounds[1]]);
  return [x0, y0, x1, y1].map((v) => Math.round(v ?? 0)).join(',');
}

/** The finest level drawn (and hovered) at a zoom. */
export function pickLevel(zoom: number): OrgLevel {
  if (zoom >= ZOOM.grids) return 'grid';
  if (zoom >= ZOOM.villages) return 'village';
  return 'township';
}

/** Metres one CSS pixel covers at a latitude and zoom (web mercator, 512-px world). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The longest round length (1, 2 or 5 × 10^k m) that fits `maxPixels`, with its width in pixels. */
export function scaleBar(latitude: number, zoom: number, maxPixels = 120): { metres: number; pixels: number } {
  const perPixel = metresPerPixel(latitude, zoom);
  const limit = perPixel * maxPixels;
  const magnitude = 10 ** Math.floor(Math.log10(limit));
  const metres = [5, 2, 1].map((m) => m * magnitude).find((m) => m <= limit) ?? magnitude;
  return { metres, pixels: metres / perPixel };
}
