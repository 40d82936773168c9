import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';

/**
 * ECharts, read on the first chart drawn rather than at start: loaded, it holds about 12 MB of
 * heap and 40 MB of RSS, which a collector whose dashboard nobody opens need not carry.
 */
let loaded: typeof ECharts | undefined;
const echarts = (): typeof ECharts =>
  (loaded ??= createRequire(import.meta.url)('echarts') as typeof ECharts);

/** A chart drawn on the server: SVG markup, no script in the page (the CSP allows none inline). */
export interface ChartSpec {
  /** Category labels along the x axis (periods). */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  kind: 'stacked-bar' | 'line';
  /** Axis bounds for the line chart (e.g. −100…100 for NPS). */
  min?: number;
  max?: number;
  width?: number;
  height?: number;
  /** How a value is written on axes and labels (the page's number format: «66,7»). */
  format?: (n: number) => string;
}

/** Dark enough on white for 3:1 against the background (WCAG 1.4.11), told apart by pattern too. */
const PALETTE = [
  '#0b3a8f',
  '#b3261e',
  '#1b6e3a',
  '#7a4a00',
  '#5b2c86',
  '#00606b',
  '#444',
  '#8a1f5c',
];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'circle'];

/**
 * Renders a chart with ECharts' server-side SVG renderer (no animation), on a white background so
 * it stays readable when the page is shown in forced colours. Series differ by pattern (bars) or
 * marker shape (lines) and carry value labels, so no meaning rests on colour alone.
 *
 * @example
 * const svg = renderChart({ kind: 'line', categories: ['2026-Q1'], series: [{ name: 'NPS', values: [12] }] });
 */
export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  const bar = spec.kind === 'stacked-bar';
  const format = spec.format;
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, Arial, sans-serif', fontSize: 13, color: '#1a1a1a' },
    // Patterns on bars: the series are told apart without colour.
    aria: { enabled: bar, decal: { show: bar } },
    legend: { top: 0, textStyle: { color: '#1a1a1a' } },
    grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { color: '#1a1a1a' } },
    yAxis: {
      type: 'value',
      axisLabel: { color: '#1a1a1a', ...(format ? { formatter: format } : {}) },
      // Counts are whole numbers: no «2,5 responses» tick.
      ...(bar ? { minInterval: 1 } : {}),
      ...(spec.min === undefined ? {} : { min: spec.min }),
      ...(spec.max === undefined ? {} : { max: spec.max }),
    },
    series: spec.series.map((s, i) => ({
      name: s.name,
      type: bar ? 'bar' : 'line',
      data: s.values,
      ...(bar
        ? { stack: 'total', barMaxWidth: 48 }
        : {
            symbol: SYMBOLS[i % SYMBOLS.length],
            symbolSize: 9,
            connectNulls: false,
            label: {
              show: true,
              position: 'top',
              color: '#1a1a1a',
              ...(format ? { formatter: (p: { value: unknown }) => format(Number(p.value)) } : {}),
            },
            lineStyle: {
              width: 2,
              type: i % 3 === 0 ? 'solid' : i % 3 === 1 ? 'dashed' : 'dotted',
            },
          }),
    })),
  });
  try {
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The SVG as a `data:` URL for an <img> (allowed by `img-src 'self' data:`). */
export const svgDataUrl = (svg: string): string =>
  `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
