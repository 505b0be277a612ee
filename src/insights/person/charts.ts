/**
 * The person's two charts, drawn from the page's model (the same numbers as its tables):
 * - agreed level against target: a bar per competency (agreed), a thick tick (target), the level
 *   written past the bar and the tick, or a dash when not assessed yet — shape and text, never colour alone;
 * - change across cycles: a grid, a row per competency and a column per cycle, the agreed level
 *   written in each cell ("–" not assessed in that cycle, "?" not agreed), shaded lighter to darker.
 */
import * as Plot from "@observablehq/plot";
import { CHART_COLOURS, chartSvg } from "../charts.ts";
import type { CompetencyLine, HistoryCell, HistoryLine } from "./model.ts";

const ROW_HEIGHT = 26;
/** Light shades only, so the ink written on them keeps well above 4.5:1. */
const GRID_SHADES = ["#f3f5f7", "#a9cde0"];

/** How a competency is named on an axis: its code, else the start of its name. */
export function axisLabel(line: { code: string | null; name: string | null; key: string }): string {
  if (line.code) return line.code;
  const name = line.name ?? line.key;
  return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

/** Distinct axis labels (two competencies may share a code across frameworks). */
function labels(lines: readonly { code: string | null; name: string | null; key: string }[]): Map<string, string> {
  const seen = new Map<string, number>();
  const result = new Map<string, string>();
  for (const line of lines) {
    const base = axisLabel(line);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    result.set(line.key, n === 1 ? base : `${base} (${n})`);
  }
  return result;
}

const integers = (max: number) => Array.from({ length: max + 1 }, (_, i) => i);

/** The level axis goes to the scale's top level, or further when a level beyond it was kept. */
export const topLevel = (lines: readonly CompetencyLine[], levelCount = 0) =>
  Math.max(1, levelCount, ...lines.flatMap((l) => [l.target ?? 0, l.agreed ?? 0]));

export function gapsChart(
  lines: readonly CompetencyLine[],
  text: { title: string; description: string },
  levelCount = 0,
): string {
  const label = labels(lines);
  const top = topLevel(lines, levelCount);
  const data = lines.map((line) => ({
    y: label.get(line.key) as string,
    agreed: line.agreed,
    target: line.target,
    shown: line.agreed === null ? "–" : String(line.agreed),
  }));
  return chartSvg({
    id: "ip-gaps",
    title: text.title,
    description: text.description,
    plot: {
      width: 640,
      height: 40 + ROW_HEIGHT * Math.max(1, data.length),
      marginLeft: 90,
      x: { domain: [0, top + 0.5], ticks: integers(top), tickFormat: (d: number) => String(d), label: null },
      y: { domain: data.map((d) => d.y), label: null },
      marks: [
        Plot.barX(
          data.filter((d) => d.agreed !== null),
          { y: "y", x: "agreed", fill: CHART_COLOURS.primary, insetTop: 4, insetBottom: 4 },
        ),
        Plot.tickX(
          data.filter((d) => d.target !== null),
          { y: "y", x: "target", stroke: CHART_COLOURS.ink, strokeWidth: 4 },
        ),
        // The level written past both the bar and the target's mark, so neither hides it.
        Plot.text(data, {
          y: "y",
          x: (d) => Math.max(d.agreed ?? 0, d.target ?? 0),
          text: "shown",
          dx: 10,
          fill: CHART_COLOURS.ink,
        }),
        Plot.ruleX([0], { stroke: CHART_COLOURS.ink }),
      ],
    },
  });
}

const cellText = (cell: HistoryCell) =>
  cell.kind === "agreed" ? String(cell.level) : cell.kind === "absent" ? "–" : "?";

export function historyChart(
  cycles: readonly { id: string; name: string }[],
  lines: readonly HistoryLine[],
  text: { title: string; description: string },
): string {
  const label = labels(lines);
  const cycleNames = distinctNames(cycles);
  const data = lines.flatMap((line) =>
    line.cells.map((cell, i) => ({
      y: label.get(line.key) as string,
      x: cycleNames[i] as string,
      level: cell.kind === "agreed" ? cell.level : null,
      shown: cellText(cell),
    })),
  );
  const top = Math.max(1, ...data.map((d) => d.level ?? 0));
  return chartSvg({
    id: "ip-history",
    title: text.title,
    description: text.description,
    plot: {
      width: Math.min(640, 140 + 130 * cycles.length),
      height: 50 + ROW_HEIGHT * Math.max(1, lines.length),
      marginLeft: 90,
      x: { domain: cycleNames, label: null, axis: "top" },
      y: { domain: lines.map((l) => label.get(l.key) as string), label: null },
      color: { type: "linear", domain: [1, top], range: GRID_SHADES },
      marks: [
        // Every cell framed (a blank one is "not assessed in that cycle" or "not agreed"), then shaded by level.
        Plot.cell(data, { x: "x", y: "y", fill: "none", stroke: CHART_COLOURS.muted, inset: 1 }),
        Plot.cell(
          data.filter((d) => d.level !== null),
          { x: "x", y: "y", fill: "level", inset: 2 },
        ),
        Plot.text(data, { x: "x", y: "y", text: "shown", fill: CHART_COLOURS.ink, fontWeight: "bold" }),
      ],
    },
  });
}

/** Cycle names as distinct axis values (two cycles may be named alike). */
function distinctNames(cycles: readonly { name: string }[]): string[] {
  const seen = new Map<string, number>();
  return cycles.map((cycle) => {
    const n = (seen.get(cycle.name) ?? 0) + 1;
    seen.set(cycle.name, n);
    return n === 1 ? cycle.name : `${cycle.name} (${n})`;
  });
}
