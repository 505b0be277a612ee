/**
 * The ranked gaps as a bar chart, drawn on the server with Observable Plot into SVG (no client
 * JavaScript), named and described for assistive technology; the page always puts the same numbers
 * in a table beside it. (Kept in this folder until the shared src/insights/charts.ts lands.)
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

export interface Bar {
  label: string;
  value: number;
}

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A horizontal bar chart of the bars in their order, as an SVG string with role="img". */
export function barChartSvg(
  bars: readonly Bar[],
  a11y: { title: string; description: string; xLabel: string },
): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const data = bars.map((bar, index) => ({ ...bar, y: `${index + 1}. ${bar.label}`.slice(0, 36) }));
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: 40 + 24 * Math.max(1, data.length),
    marginLeft: 180,
    x: { label: a11y.xLabel, grid: true },
    y: { label: null, domain: data.map((d) => d.y) },
    marks: [
      Plot.barX(data, { x: "value", y: "y", fill: "#0b5a7a" }),
      Plot.text(data, { x: "value", y: "y", text: (d: { value: number }) => String(d.value), dx: 12, fill: "#1b1f24" }),
      Plot.ruleX([0]),
    ],
  }) as unknown as { outerHTML: string; setAttribute(name: string, value: string): void };
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", "it-chart-title it-chart-desc");
  // Plot names its marks' groups (aria-label on <g>), which ARIA does not allow on an element without
  // a role; inside role="img" they would not be read anyway: the title and description are the text.
  const html = svg.outerHTML.replace(/ aria-(label|description)="[^"]*"/g, "");
  // Title and description first inside the svg, so the image has a name and a text alternative.
  return html.replace(
    /^<svg([^>]*)>/,
    `<svg$1><title id="it-chart-title">${escapeText(a11y.title)}</title><desc id="it-chart-desc">${escapeText(a11y.description)}</desc>`,
  );
}
