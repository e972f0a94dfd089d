/**
 * Charts for the monthly report, drawn with pdfmake's vector canvas (no headless browser, no raster): labels and
 * figures stay real text beside the shapes, so they can be selected and read back.
 */
export interface BarItem {
  readonly label: string;
  readonly value: number;
  /** Printed after the bar ("42 · 31.0%"). */
  readonly caption: string;
}

/** Horizontal bars, one row each: label | bar | caption. */
export function barChart(items: readonly BarItem[], color: string, barWidth = 260): Record<string, unknown> {
  const max = Math.max(1, ...items.map((i) => i.value));
  return {
    table: {
      widths: [120, barWidth, '*'],
      body: items.map((item) => [
        { text: item.label, fontSize: 9 },
        {
          canvas: [
            { type: 'rect', x: 0, y: 2, w: barWidth, h: 9, color: '#eef1f5' },
            { type: 'rect', x: 0, y: 2, w: Math.max(0.5, (item.value / max) * barWidth), h: 9, color },
          ],
        },
        { text: item.caption, fontSize: 9 },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 4, 0, 10],
  };
}

export interface LineSeries {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

/** Lines over months: a framed plot, the series as polylines with dots, month labels under, a legend above. */
export function lineChart(
  labels: readonly string[],
  series: readonly LineSeries[],
  width = 495,
  height = 130,
): Record<string, unknown> {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const n = Math.max(1, labels.length);
  const step = width / n;
  const x = (i: number) => step * i + step / 2;
  const y = (v: number) => height - (v / max) * (height - 10);
  const grid = [0.25, 0.5, 0.75, 1].map((f) => ({
    type: 'line',
    x1: 0,
    y1: y(max * f),
    x2: width,
    y2: y(max * f),
    lineWidth: 0.5,
    lineColor: '#dde2e8',
  }));
  const shapes = series.flatMap((s) => [
    ...(s.values.length > 1
      ? [
          {
            type: 'polyline',
            lineWidth: 1.5,
            lineColor: s.color,
            points: s.values.map((v, i) => ({ x: x(i), y: y(v) })),
          },
        ]
      : []),
    ...s.values.map((v, i) => ({ type: 'ellipse', x: x(i), y: y(v), r1: 2, r2: 2, color: s.color })),
  ]);
  return {
    stack: [
      {
        columns: [
          ...series.map((s) => ({ text: [{ text: '■ ', color: s.color }, s.name], width: 'auto', fontSize: 9 })),
          { text: `max ${max}`, alignment: 'right', fontSize: 8, color: '#666666' },
        ],
        columnGap: 14,
        margin: [0, 0, 0, 4],
      },
      {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: width, h: height, lineWidth: 0.5, lineColor: '#aab2bd' },
          ...grid,
          ...shapes,
        ],
      },
      { columns: labels.map((l) => ({ text: l, alignment: 'center', fontSize: 8 })), margin: [0, 2, 0, 0] },
    ],
    margin: [0, 4, 0, 10],
  };
}
