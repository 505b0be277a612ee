/**
 * The organisation pages' charts, drawn by the shared helper (src/insights/charts.ts: Plot on the
 * server, an SVG image named and described, nothing the content security policy refuses). Each
 * has the same figures as a table beside it.
 */
import * as Plot from "@observablehq/plot";
import { CHART_COLOURS, chartSvg } from "../charts.ts";

/** Horizontal bars: one per label, in the order given. */
export function barChart(
  id: string,
  bars: readonly { label: string; value: number }[],
  title: string,
  description: string,
): string {
  const longest = Math.max(8, ...bars.map((b) => b.label.length));
  return chartSvg({
    id,
    title,
    description,
    plot: {
      marginLeft: Math.min(260, 6 * longest + 16),
      height: 40 + 24 * bars.length,
      x: { grid: true, label: null },
      y: { label: null, domain: bars.map((b) => b.label) },
      marks: [
        Plot.barX(bars as { label: string; value: number }[], { x: "value", y: "label", fill: CHART_COLOURS.primary }),
        Plot.ruleX([0]),
      ],
    },
  });
}

/** Lines: one per series, x the cycles in the order given. */
export function lineChart(
  id: string,
  points: readonly { series: string; x: string; value: number }[],
  xOrder: readonly string[],
  title: string,
  description: string,
): string {
  const data = points as { series: string; x: string; value: number }[];
  return chartSvg({
    id,
    title,
    description,
    plot: {
      marginRight: 120,
      x: { type: "point", domain: [...xOrder], label: null },
      y: { grid: true, label: null, zero: true },
      marks: [
        Plot.line(data, { x: "x", y: "value", z: "series", stroke: "series" }),
        Plot.dot(data, { x: "x", y: "value", fill: "series" }),
        Plot.text(
          data,
          Plot.selectLast({ x: "x", y: "value", z: "series", text: "series", textAnchor: "start", dx: 6 }),
        ),
      ],
    },
  });
}
