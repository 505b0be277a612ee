/**
 * The organisation pages' charts: Observable Plot rendered on the server to an SVG string (no client
 * JavaScript), an image with an accessible name whose figures the page also gives as a table.
 * Plot's inline <style> and style attributes are dropped: the content security policy refuses
 * inline styles, and the page's stylesheet sizes the chart.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

function svgOf(options: Plot.PlotOptions, label: string): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as Element;
  chart.querySelectorAll("style").forEach((style) => {
    style.remove();
  });
  for (const element of [chart, ...chart.querySelectorAll("[style]")]) element.removeAttribute("style");
  // The image's name and its table speak for it: Plot's labels on inner groups are not allowed on a
  // <g> without a role, and say nothing more.
  for (const element of chart.querySelectorAll("[aria-label], [aria-description], [aria-hidden]")) {
    element.removeAttribute("aria-label");
    element.removeAttribute("aria-description");
    element.removeAttribute("aria-hidden");
  }
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", label);
  chart.setAttribute("class", "chart");
  chart.setAttribute("focusable", "false");
  return chart.outerHTML;
}

/** Horizontal bars: one per label, in the order given. */
export function barChart(bars: readonly { label: string; value: number }[], label: string): string {
  const longest = Math.max(8, ...bars.map((b) => b.label.length));
  return svgOf(
    {
      marginLeft: Math.min(260, 6 * longest + 16),
      height: 40 + 24 * bars.length,
      x: { grid: true, label: null },
      y: { label: null, domain: bars.map((b) => b.label) },
      marks: [
        Plot.barX(bars as { label: string; value: number }[], { x: "value", y: "label", fill: "#0b5a7a" }),
        Plot.ruleX([0]),
      ],
    },
    label,
  );
}

/** Lines: one per series, x the cycles in the order given. */
export function lineChart(
  points: readonly { series: string; x: string; value: number }[],
  xOrder: readonly string[],
  label: string,
): string {
  return svgOf(
    {
      marginRight: 120,
      x: { type: "point", domain: [...xOrder], label: null },
      y: { grid: true, label: null, zero: true },
      color: { legend: false },
      marks: [
        Plot.line(points as { series: string; x: string; value: number }[], {
          x: "x",
          y: "value",
          z: "series",
          stroke: "series",
        }),
        Plot.dot(points as { series: string; x: string; value: number }[], {
          x: "x",
          y: "value",
          fill: "series",
        }),
        Plot.text(
          points as { series: string; x: string; value: number }[],
          Plot.selectLast({ x: "x", y: "value", z: "series", text: "series", textAnchor: "start", dx: 6 }),
        ),
      ],
    },
    label,
  );
}
