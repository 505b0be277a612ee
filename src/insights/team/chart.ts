/**
 * The ranked gaps as a bar chart through the shared helper (src/insights/charts.ts: server-side
 * SVG, role="img" with a name and a description, nothing the Content-Security-Policy refuses). The
 * page puts the same numbers in a table beside it.
 */
import * as Plot from "@observablehq/plot";
import { CHART_COLOURS, chartSvg } from "../charts.ts";

export interface Bar {
  label: string;
  value: number;
}

/** A horizontal bar chart of the bars in their order, each with its number at its end. */
export function barChartSvg(
  bars: readonly Bar[],
  a11y: { title: string; description: string; xLabel: string },
): string {
  const data = bars.map((bar, index) => ({ ...bar, y: `${index + 1}. ${bar.label}`.slice(0, 36) }));
  return chartSvg({
    id: "it-gaps-chart",
    title: a11y.title,
    description: a11y.description,
    plot: {
      width: 640,
      height: 40 + 24 * Math.max(1, data.length),
      marginLeft: 180,
      x: { label: a11y.xLabel, grid: true },
      y: { label: null, domain: data.map((d) => d.y) },
      marks: [
        Plot.barX(data, { x: "value", y: "y", fill: CHART_COLOURS.primary }),
        Plot.text(data, { x: "value", y: "y", text: (d: Bar) => String(d.value), dx: 12, fill: CHART_COLOURS.ink }),
        Plot.ruleX([0]),
      ],
    },
  });
}
