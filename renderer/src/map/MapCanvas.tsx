/**
 * The deck.gl canvas: the view (fitted to the user's scope on open, to a unit when one is picked in the org tree or
 * on the map), the layers, hover and clicks. Clicking a township, village or grid selects it in the org store — the
 * board and the KPIs follow that selection; clicking an event opens its case in the dispatch drawer; clicking a
 * camera opens a floating player.
 */
import DeckGL from '@deck.gl/react';
import type { PickingInfo } from '@deck.gl/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { caseIdOfNo, caseNoOf } from '../../../common/map-events-format.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { useOrgStore } from '../base/org-store.js';
import { basemapLayer, useBasemapInfo } from './basemap.js';
import { boundaryData, featureBounds } from './boundary-data.js';
import { categoryBitMask, filterCategories, filterRange } from './event-filter.js';
import { HoverCard, type Hovered } from './HoverCard.js';
import { mapLayers, pickedObject } from './map-layers.js';
import { useMapStore } from './map-store.js';
import { ScaleBar } from './ScaleBar.js';
import { softwareRendering } from './software-renderer.js';
import { useElementSize } from './use-element-size.js';
import { fitView, INITIAL_VIEW, screenBox, ZOOM, type MapViewState } from './view-fit.js';
import { heatAttributeUploads } from './FilteredHeatmapLayer.js';

export function MapCanvas({ scopeCode }: { scopeCode: string }) {
  const container = useRef<HTMLDivElement>(null);
  const size = useElementSize(container);
  const data = useMapStore((s) => s.data);
  const filter = useMapStore((s) => s.filter);
  const boundaries = useMapStore((s) => s.boundaries);
  const cameras = useMapStore((s) => s.cameras);
  const showCameras = useMapStore((s) => s.showCameras);
  const fetches = useMapStore((s) => s.fetches);
  const units = useOrgStore((s) => s.units);
  const selectedCode = useOrgStore((s) => s.selectedCode);
  const openCaseId = useBoardStore((s) => s.openCaseId);
  const basemapInfo = useBasemapInfo();
  const [viewState, setViewState] = useState<MapViewState>(INITIAL_VIEW);
  const [hovered, setHovered] = useState<Hovered | null>(null);

  const outlines = useMemo(() => (boundaries ? boundaryData(boundaries, units) : null), [boundaries, units]);

  // Fit to the picked unit, else to the user's scope: when each becomes known, when the canvas changes size, and
  // when the period changes — the view frames the scope's boundaries, never the period's events (issue 17 §3).
  const focusCode = selectedCode ?? scopeCode;
  const period = useMapStore((s) => s.period);
  const fitKey = `${focusCode}|${period.from}|${period.to}|${size.width}x${size.height}`;
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    const feature = outlines?.byCode.get(focusCode);
    if (!feature || size.width === 0 || fitted.current === fitKey) return;
    const first = fitted.current === null;
    const sameUnit = fitted.current?.startsWith(`${focusCode}|`) ?? false;
    fitted.current = fitKey;
    const view = fitView(featureBounds(feature), size.width, size.height);
    setViewState(first || sameUnit ? view : { ...view, transitionDuration: 500 });
  }, [outlines, focusCode, fitKey, size.width, size.height]);
  // A camera located by name flies the view to it (the fit above runs only when the focus or the period changes).
  useEffect(() => {
    const fly = ({ flyTo }: { flyTo: { longitude: number; latitude: number; zoom: number } | null }) => {
      if (!flyTo) return;
      useMapStore.getState().takeFlyTo();
      setViewState((view) => ({ ...view, ...flyTo, transitionDuration: 600 }));
    };
    fly(useMapStore.getState()); // asked for before the canvas mounted (the map opened by the locate itself)
    return useMapStore.subscribe(fly);
  }, []);
  // The focused unit's outline on screen, for the tests and the screenshot script: it must not move with the period.
  const focusBox = useMemo(() => {
    const feature = outlines?.byCode.get(focusCode);
    return feature && size.width > 0 ? screenBox(featureBounds(feature), viewState, size) : '';
  }, [outlines, focusCode, viewState, size]);

  const dictionary = data?.events.dictionary;
  const categories = useMemo(
    () => (dictionary ? filterCategories(filter, dictionary) : [[], [], [], []]),
    [filter, dictionary],
  );
  const range = useMemo(() => filterRange(filter, data?.periodDays ?? 0), [filter, data]);
  const heatFilter = useMemo(() => ({ range, categoryBitMask: categoryBitMask(categories) }), [range, categories]);

  // The case whose drawer is open, located among the loaded events by the row id in its number.
  const selectedCase = useMemo((): [number, number] | null => {
    const id = openCaseId ? caseIdOfNo(openCaseId) : null;
    if (!data || id === null) return null;
    const index = data.events.caseId.indexOf(id);
    return index < 0 ? null : [data.events.position[2 * index]!, data.events.position[2 * index + 1]!];
  }, [openCaseId, data]);

  // Layers change with the zoom in quarter steps only: visibility switches, nothing re-uploads.
  const zoomStep = Math.round(viewState.zoom * 4) / 4;
  const basemap = useMemo(() => (basemapInfo?.available ? basemapLayer(basemapInfo, true) : null), [basemapInfo]);
  const layers = useMemo(
    () =>
      mapLayers({
        zoom: zoomStep,
        data,
        categories,
        range,
        heatFilter,
        outlines,
        cameras,
        showCameras,
        selectedUnit: selectedCode ? (outlines?.byCode.get(selectedCode) ?? null) : null,
        selectedCase,
        basemap,
        software: softwareRendering(),
      }),
    [
      zoomStep,
      data,
      categories,
      range,
      heatFilter,
      outlines,
      cameras,
      showCameras,
      selectedCode,
      selectedCase,
      basemap,
    ],
  );

  const onClick = (info: PickingInfo) => {
    const picked = pickedObject(info);
    if (!picked) return;
    if (picked.kind === 'unit') useOrgStore.getState().select(picked.feature.properties.code);
    else if (picked.kind === 'camera') useMapStore.getState().openCamera(picked.camera);
    else if (data) {
      const caseNo = caseNoOf(data.events.caseId[picked.index]!, data.events.time[picked.index]!);
      useBoardStore.getState().openCase(caseNo);
    }
  };

  return (
    <div
      ref={container}
      className="map-canvas"
      data-testid="map-canvas"
      data-fetches={fetches}
      data-zoom={viewState.zoom.toFixed(2)}
      data-center={`${viewState.longitude.toFixed(5)},${viewState.latitude.toFixed(5)}`}
      data-events={data?.events.count ?? 0}
      data-scope-box={focusBox}
    >
      <DeckGL
        viewState={{ ...viewState, minZoom: ZOOM.min, maxZoom: ZOOM.max }}
        onViewStateChange={({ viewState: next }) => setViewState(next as MapViewState)}
        controller={{ dragRotate: false, touchRotate: false }}
        layers={layers}
        onHover={(info) => {
          const picked = pickedObject(info);
          setHovered(picked ? { picked, x: info.x, y: info.y } : null);
        }}
        onClick={onClick}
        getCursor={({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab')}
        // Written on the element, not in React state: frames and uploads are counted for the tests, cheaply.
        onAfterRender={() => {
          const el = container.current;
          if (!el) return;
          el.dataset.heatUploads = String(heatAttributeUploads());
          el.dataset.frames = String(Number(el.dataset.frames ?? 0) + 1);
        }}
      />
      {hovered ? <HoverCard hovered={hovered} data={data} categories={categories} range={range} /> : null}
      <ScaleBar latitude={viewState.latitude} zoom={viewState.zoom} />
    </div>
  );
}
