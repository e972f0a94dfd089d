/**
 * The optional offline basemap: an MBTiles file the console host serves as /tiles/… (web host) or
 * gridtiles://tiles/… (Electron). Without one the map is boundaries on a dark ground, which needs no network at all.
 * Tiles are fetched here rather than by deck.gl's loaders so that "no tile" (204) is just an empty square.
 */
import { TileLayer } from '@deck.gl/geo-layers';
import { BitmapLayer } from '@deck.gl/layers';
import { useEffect, useState } from 'react';
import { BasemapInfo } from '../../../common/map-schemas.js';

/** Electron's preload exposes `gridCommand`; the web host serves tiles from its own origin. */
export function tileBase(): string {
  return window.gridCommand ? 'gridtiles://tiles' : '/tiles';
}

let known: Promise<BasemapInfo> | null = null;

function fetchInfo(): Promise<BasemapInfo> {
  known ??= fetch(`${tileBase()}/metadata.json`)
    .then(async (res) => BasemapInfo.parse(await res.json()))
    .catch(() => ({ available: false }));
  return known;
}

export function useBasemapInfo(): BasemapInfo | null {
  const [info, setInfo] = useState<BasemapInfo | null>(null);
  useEffect(() => {
    let live = true;
    void fetchInfo().then((value) => {
      if (live) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}

async function loadTile(url: string, signal?: AbortSignal): Promise<ImageBitmap | null> {
  const res = await fetch(url, { signal });
  if (res.status !== 200) return null;
  return createImageBitmap(await res.blob());
}

export function basemapLayer(info: BasemapInfo, visible: boolean) {
  const base = tileBase();
  return new TileLayer<ImageBitmap | null>({
    id: 'basemap',
    visible,
    minZoom: info.minZoom ?? 0,
    maxZoom: info.maxZoom ?? 18,
    tileSize: 256,
    ...(info.bounds ? { extent: [...info.bounds] } : {}),
    getTileData: ({ index, signal }) => loadTile(`${base}/${index.z}/${index.x}/${index.y}`, signal),
    renderSubLayers: (props) => {
      const { west, south, east, north } = props.tile.bbox as {
        west: number;
        south: number;
        east: number;
        north: number;
      };
      return props.data
        ? new BitmapLayer({ id: props.id, image: props.data, bounds: [west, south, east, north], opacity: 0.85 })
        : null;
    },
  });
}
