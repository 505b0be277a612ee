/**
 * Charts of the insight pages (issue 16): an Observable Plot specification drawn on the server into
 * an SVG string, inlined in the page, readable without JavaScript. Shared by the person's, the
 * team's and the organisation's views.
 *
 * What every chart gets here, so no view has to remember it:
 * - `role="img"` with an accessible name and description (`<title>` and `<desc>` inside the SVG,
 *   referenced by `aria-labelledby` / `aria-describedby`), and no other ARIA name inside (Plot's
 *   labels of its groups, which axe refuses on a <g> without a role); the caller still puts **the same
 *   numbers in an HTML table** beside the chart (the description should say where it is).
 * - Deterministic markup: the same spec gives the same bytes. Plot numbers its clip paths, markers
 *   and patterns with process-wide counters; they are renamed `{id}-clip-1`, … in order of
 *   appearance, so two renders (and two charts on one page, given distinct ids) never clash.
 * - Nothing the Content-Security-Policy refuses: Plot's `<style>` element and any `style`
 *   attribute are removed; the page's stylesheet styles `.chart-plot` instead (app.css).
 * - Colours: use `CHART_COLOURS` (each at least 4.5:1 on white, so they pass as text and as
 *   graphics, tested) and never colour alone: pair a colour with a shape (a bar against a tick, a
 *   dot against a square) and say in the legend text which is which.
 *
 * Legends, titles and captions are the page's (HTML), not Plot's: Plot would wrap the SVG in a
 * `<figure>` for them, which this helper refuses.
 *
 * Usage:
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * const svg = chartSvg({ id: "gaps", title: "…", description: "…", plot: { marks: [Plot.barX(rows, { x: "agreed", y: "code" })] } });
 * // in JSX: <figure class="chart">{raw(svg)}<figcaption>…</figcaption></figure> + the table
 * ```
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** Colours for marks: each ≥ 4.5:1 against white (WCAG AA for text, beyond 3:1 for graphics). */
export const CHART_COLOURS = {
  /** The brand's blue: the main series (e.g. the agreed level). */
  primary: "#0b5a7a",
  /** A dark orange, told apart from the blue by people with red–green colour blindness too. */
  secondary: "#9a4a00",
  /** The page's text colour: reference marks (targets, rules). */
  ink: "#1b1f24",
  /** Grey for what is muted (not assessed, context). */
  muted: "#4a5560",
} as const;

/** Options Plot would use to add markup this helper owns or refuses. */
type Owned =
  | "document"
  | "className"
  | "style"
  | "title"
  | "subtitle"
  | "caption"
  | "ariaLabel"
  | "ariaDescription"
  | "figure";

export interface ChartOptions {
  /** Unique on the page and stable (e.g. "ip-gaps"): the SVG's id and the prefix of every id inside. */
  id: string;
  /** The accessible name, short: what the chart is ("Agreed level against target, by competency"). */
  title: string;
  /** What it shows and where its numbers are ("Bars: agreed level; ticks: target. The table … gives the same numbers."). */
  description: string;
  /** The Plot specification (marks, scales, size), without what this helper owns. */
  plot: Omit<Plot.PlotOptions, Owned>;
}

/** SVG elements (an HTML `title` would be written unescaped, as the HTML parser reads it raw). */
const SVG = "http://www.w3.org/2000/svg";
const ID = /^[A-Za-z][\w-]*$/;
const PLOT_IDS = /plot-(clip|marker|pattern)-(\d+)/g;

/** The chart as an SVG string, ready to inline in a page. */
export function chartSvg(options: ChartOptions): string {
  if (!ID.test(options.id)) throw new Error(`chart id must be a simple name, not "${options.id}"`);
  if (!options.title.trim() || !options.description.trim()) throw new Error("a chart needs a title and a description");
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const plotted = Plot.plot({
    ...options.plot,
    document: document as unknown as Document,
    className: "chart-plot",
  }) as unknown as Element;
  if (plotted.tagName.toLowerCase() !== "svg")
    throw new Error("chartSvg draws one SVG: put legends, titles and captions in the page");

  for (const style of [...plotted.querySelectorAll("style")]) style.remove();
  for (const styled of [plotted, ...plotted.querySelectorAll("[style]")]) styled.removeAttribute("style");
  // Plot labels its groups ("bar", "x-axis tick"): inside an image those names are not read, and
  // axe refuses aria-label on a <g> without a role. The chart's name and description say it all.
  for (const labelled of [plotted, ...plotted.querySelectorAll("[aria-label], [aria-description]")]) {
    labelled.removeAttribute("aria-label");
    labelled.removeAttribute("aria-description");
  }

  const desc = document.createElementNS(SVG, "desc");
  desc.setAttribute("id", `${options.id}-desc`);
  desc.textContent = options.description;
  plotted.insertBefore(desc, plotted.firstChild);
  const title = document.createElementNS(SVG, "title");
  title.setAttribute("id", `${options.id}-title`);
  title.textContent = options.title;
  plotted.insertBefore(title, plotted.firstChild);

  plotted.setAttribute("id", options.id);
  plotted.setAttribute("role", "img");
  plotted.setAttribute("aria-labelledby", `${options.id}-title`);
  plotted.setAttribute("aria-describedby", `${options.id}-desc`);
  return stableIds(plotted.outerHTML, options.id);
}

/** Plot's counter-numbered ids, renamed by order of appearance under the chart's own id. */
function stableIds(svg: string, id: string): string {
  const renamed = new Map<string, string>();
  return svg.replace(PLOT_IDS, (found, kind: string) => {
    let name = renamed.get(found);
    if (!name) {
      name = `${id}-${kind}-${renamed.size + 1}`;
      renamed.set(found, name);
    }
    return name;
  });
}

/** The contrast ratio of two #rrggbb colours (WCAG 2), for tests and for a view choosing its own. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (la + 0.05) / (lb + 0.05);
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
