/**
 * The shared chart helper (src/insights/charts.ts): one SVG with role="img", an accessible name and
 * description, the same bytes for the same spec (ids included, even with Plot's counter-numbered
 * clip paths), nothing the Content-Security-Policy refuses, colours with AA contrast.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as Plot from "@observablehq/plot";
import fc from "fast-check";
import { CHART_COLOURS, type ChartOptions, chartSvg, contrastRatio } from "../../src/insights/charts.ts";
import { runs } from "../support/fast-check-seed.ts";

const rows = [
  { code: "A1", agreed: 2, target: 3 },
  { code: "A2", agreed: 3, target: 3 },
];

const gapsChart = (id = "gaps"): ChartOptions => ({
  id,
  title: "Agreed level <against> target & more",
  description: "Bars: agreed level. Ticks: target. The table below gives the same numbers.",
  plot: {
    x: { domain: [0, 4] },
    marks: [
      Plot.barX(rows, { y: "code", x: "agreed", fill: CHART_COLOURS.primary }),
      Plot.tickX(rows, { y: "code", x: "target", stroke: CHART_COLOURS.ink }),
    ],
  },
});

describe("chartSvg", () => {
  it("draws one SVG named and described for assistive technologies", () => {
    const svg = chartSvg(gapsChart());
    assert.match(svg, /^<svg[\s>]/);
    assert.match(svg, /\srole="img"/);
    assert.match(svg, /\sid="gaps"/);
    assert.match(svg, /aria-labelledby="gaps-title"/);
    assert.match(svg, /aria-describedby="gaps-desc"/);
    assert.match(svg, /<title id="gaps-title">Agreed level &lt;against&gt; target &amp; more<\/title>/);
    assert.match(svg, /<desc id="gaps-desc">Bars: agreed level\. Ticks: target\./);
    assert.equal((svg.match(/<rect\b/g) ?? []).length, 2, "one bar per row");
    assert.doesNotMatch(
      svg,
      /aria-label=|aria-description=/,
      "no other name inside the image (axe: aria-prohibited-attr)",
    );
  });

  it("leaves out what the Content-Security-Policy refuses (style elements and attributes)", () => {
    const svg = chartSvg({ ...gapsChart(), plot: { ...gapsChart().plot } });
    assert.doesNotMatch(svg, /<style/);
    assert.doesNotMatch(svg, /\sstyle="/);
    assert.match(svg, /class="chart-plot"/);
  });

  it("gives the same bytes for the same spec, clip paths and all, whatever was drawn before", () => {
    const clipped = (): ChartOptions => ({
      ...gapsChart("clipped"),
      plot: { ...gapsChart().plot, marks: [Plot.barX(rows, { y: "code", x: "agreed", clip: true })] },
    });
    const first = chartSvg(clipped());
    chartSvg(gapsChart());
    const second = chartSvg(clipped());
    assert.equal(first, second);
    assert.match(first, /id="clipped-clip-1"/);
    assert.match(first, /url\(#clipped-clip-1\)/);
    assert.doesNotMatch(first, /plot-clip-/);
  });

  const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "");
  it("escapes any name and description (property)", () => {
    fc.assert(
      fc.property(text, text, (title, description) => {
        const svg = chartSvg({ ...gapsChart(), title, description });
        const named = /<title id="gaps-title">([^<]*)<\/title><desc id="gaps-desc">([^<]*)<\/desc>/.exec(svg);
        assert.ok(named, "title and description are plain text");
        const decoded = (s: string) =>
          s
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
            .replace(/&amp;/g, "&");
        assert.equal(decoded(named[1] as string), title);
        assert.equal(decoded(named[2] as string), description);
      }),
      { numRuns: runs(40) },
    );
  });

  it("refuses an id that could not be a plain id, and legends Plot would wrap in a figure", () => {
    assert.throws(() => chartSvg({ ...gapsChart(), id: 'x" onload="y' }), /simple name/);
    assert.throws(() => chartSvg({ ...gapsChart(), title: " " }), /title and a description/);
    assert.throws(
      () =>
        chartSvg({
          ...gapsChart(),
          plot: {
            ...gapsChart().plot,
            color: { legend: true },
            marks: [Plot.dot(rows, { x: "agreed", fill: "code" })],
          },
        }),
      /one SVG/,
    );
  });
});

describe("chart colours", () => {
  it("each reaches 4.5:1 against white (WCAG AA for text)", () => {
    for (const [name, colour] of Object.entries(CHART_COLOURS))
      assert.ok(contrastRatio(colour, "#ffffff") >= 4.5, `${name} ${colour}: ${contrastRatio(colour, "#ffffff")}`);
  });

  it("computes the known ratios of black and white", () => {
    assert.equal(contrastRatio("#000000", "#ffffff"), 21);
    assert.equal(contrastRatio("#777777", "#777777"), 1);
  });
});
