/**
 * The map's deck.gl layers, bottom to top: optional basemap, hover/click surfaces of the finest level shown, the
 * heat of events, outlines by level (detail by zoom), events as points at close zoom, the selected unit and case,
 * cameras, names. Layers keep their ids and are only made visible or not, so zooming never re-uploads anything;
 * the event layers share one binary `data` object that changes only with a new period.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, IconLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { OrgLevel } from '../../../common/org.js';
import type { Camera } from '../../../common/schemas.js';
import type { BoundaryData, UnitFeature, UnitLabel } from './boundary-data.js';
import { CAMERA_ICON_MAPPING, cameraIconAtlas } from './camera-icon.js';
import type { EventData } from './event-attributes.js';
import { FilteredHeatmapLayer, type EventFilterUniforms } from './FilteredHeatmapLayer.js';
import { EVENT_FILTER } from './gpu-filter.js';
import { heatSettings } from './render-tier.js';
import { pickLevel, ZOOM } from './view-fit.js';

/** Dark-ground palette: low density transparent-blue through cyan and amber to red. */
export const HEAT_COLOURS: [number, number, number, number][] = [
  [18, 52, 120, 0],
  [31, 120, 200, 120],
  [39, 196, 216, 170],
  [120, 230, 120, 200],
  [255, 214, 64, 230],
  [255, 120, 40, 245],
  [240, 40, 40, 255],
];

const LINE: Readonly<Record<OrgLevel, { colour: [number, number, number, number]; width: number }>> = {
  county: { colour: [110, 170, 255, 255], width: 2.5 },
  township: { colour: [80, 140, 235, 230], width: 1.6 },
  village: { colour: [70, 110, 180, 170], width: 1 },
  grid: { colour: [60, 90, 150, 140], width: 0.6 },
};

/** CJK-capable faces first: Windows (YaHei), macOS (PingFang), Linux (Noto, WenQuanYi). */
export const LABEL_FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

export interface LayerInput {
  readonly zoom: number;
  readonly data: EventData | null;
  readonly categories: number[][];
  readonly range: [number, number];
  readonly heatFilter: EventFilterUniforms | null;
  readonly outlines: BoundaryData | null;
  readonly cameras: readonly Camera[] | null;
  readonly showCameras: boolean;
  readonly selectedUnit: UnitFeature | null;
  readonly selectedCase: [number, number] | null;
  readonly basemap: Layer | null;
  /** WebGL drawn in software (render-tier.ts): a coarser heat texture. */
  readonly software: boolean;
}

export type PickedObject =
  { kind: 'unit'; feature: UnitFeature } | { kind: 'event'; index: number } | { kind: 'camera'; camera: Camera };

/** What the pointer is over, from a deck.gl picking result. */
export function pickedObject(info: PickingInfo): PickedObject | null {
  const id = info.layer?.id ?? '';
  if (id.startsWith('surface-') && info.object) return { kind: 'unit', feature: info.object as UnitFeature };
  if (id === 'events' && info.index >= 0) return { kind: 'event', index: info.index };
  if (id === 'cameras' && info.object) return { kind: 'camera', camera: info.object as Camera };
  return null;
}

function outline(level: OrgLevel, features: UnitFeature[], visible: boolean) {
  return new GeoJsonLayer<UnitFeature['properties']>({
    id: `outline-${level}`,
    data: features as never,
    visible,
    filled: false,
    stroked: true,
    getLineColor: LINE[level].colour,
    getLineWidth: LINE[level].width,
    lineWidthUnits: 'pixels',
  });
}

/** Nearly transparent fills: hover and click surfaces (fully transparent fragments are not picked). */
function surface(level: OrgLevel, features: UnitFeature[], active: boolean) {
  return new GeoJsonLayer<UnitFeature['properties']>({
    id: `surface-${level}`,
    data: features as never,
    visible: active,
    pickable: active,
    stroked: false,
    filled: true,
    getFillColor: [20, 40, 80, 8],
    autoHighlight: true,
    highlightColor: [120, 180, 255, 60],
  });
}

function labels(level: OrgLevel, data: UnitLabel[], visible: boolean, size: number, characterSet: string) {
  return new TextLayer<UnitLabel>({
    id: `labels-${level}`,
    data,
    visible,
    getText: (d) => d.name,
    getPosition: (d) => d.position,
    getSize: size,
    getColor: level === 'township' ? [220, 232, 255, 255] : [170, 195, 235, 230],
    characterSet,
    fontFamily: LABEL_FONT,
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 4,
    outlineColor: [8, 16, 32, 230],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
  });
}

export function mapLayers(input: LayerInput): Layer[] {
  const { zoom, data, outlines } = input;
  const level = pickLevel(zoom);
  const layers: Layer[] = [];
  if (input.basemap) layers.push(input.basemap);
  if (outlines) {
    for (const l of ['township', 'village', 'grid'] as const) {
      layers.push(surface(l, outlines.features[l], l === level));
    }
  }
  if (data) {
    layers.push(
      new FilteredHeatmapLayer({
        id: 'heat',
        data: data.binary as never,
        ...heatSettings(input.software),
        // The county seat's density dwarfs the villages': red sits at a high percentile of this period's own
        // density (heat-scale.ts), and a low threshold keeps rural clusters visible while the town saturates.
        intensity: data.heatIntensity,
        threshold: 0.01,
        colorRange: HEAT_COLOURS,
        extensions: [EVENT_FILTER],
        eventFilter: input.heatFilter,
        // The heat's colour pass is a plain quad: the event filter belongs to its weights pass only.
        _subLayerProps: { 'triangle-layer': { extensions: [] } },
      }),
    );
  }
  if (outlines) {
    layers.push(
      outline('grid', outlines.features.grid, zoom >= ZOOM.grids),
      outline('village', outlines.features.village, zoom >= ZOOM.villages),
      outline('township', outlines.features.township, true),
      outline('county', outlines.features.county, true),
    );
  }
  if (data) {
    layers.push(
      new ScatterplotLayer({
        id: 'events',
        data: data.binary as never,
        visible: zoom >= ZOOM.events,
        pickable: zoom >= ZOOM.events,
        radiusUnits: 'pixels',
        getRadius: 3.5,
        stroked: true,
        getLineColor: [10, 20, 40, 200],
        lineWidthMinPixels: 1,
        extensions: [EVENT_FILTER],
        filterCategories: input.categories,
        filterRange: input.range,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 200],
      }),
    );
  }
  if (input.selectedUnit) {
    layers.push(
      new GeoJsonLayer({
        id: 'selected-unit',
        data: [input.selectedUnit] as never,
        filled: false,
        getLineColor: [255, 200, 60, 255],
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  if (input.cameras && input.showCameras) {
    layers.push(
      new IconLayer<Camera>({
        id: 'cameras',
        data: input.cameras as Camera[],
        visible: zoom >= ZOOM.cameras,
        pickable: zoom >= ZOOM.cameras,
        iconAtlas: cameraIconAtlas() as never,
        iconMapping: CAMERA_ICON_MAPPING,
        getIcon: () => 'camera',
        getPosition: (c) => c.position,
        getSize: 16,
        sizeUnits: 'pixels',
        getColor: (c) => (c.online ? [73, 214, 140, 255] : [140, 150, 165, 220]),
        updateTriggers: { getColor: input.cameras },
      }),
    );
  }
  if (input.selectedCase) {
    layers.push(
      new ScatterplotLayer<[number, number]>({
        id: 'selected-case',
        data: [input.selectedCase],
        getPosition: (p) => p,
        radiusUnits: 'pixels',
        getRadius: 11,
        filled: false,
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthMinPixels: 3,
      }),
    );
  }
  if (outlines) {
    const set = outlines.characterSet;
    layers.push(
      labels('township', outlines.labels.township, zoom < ZOOM.events + 0.5, 15, set),
      labels('village', outlines.labels.village, zoom >= ZOOM.villages + 0.5 && zoom < ZOOM.gridLabels, 12, set),
      labels('grid', outlines.labels.grid, zoom >= ZOOM.gridLabels, 11, set),
    );
  }
  return layers;
}
