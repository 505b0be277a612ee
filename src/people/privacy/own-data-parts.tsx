/** The small readable pieces the own-data sections are drawn with (src/people/privacy/own-data.tsx and later capabilities' sections). */
import type { Child } from "hono/jsx";

export function Details(props: { rows: [string, Child][] }) {
  return (
    <dl class="facts">
      {props.rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/**
 * A table in its scrolling wrapper. `scrollable`: its cells hold text people wrote, which may make it
 * wider than the screen; the wrapper is then a named region the keyboard can reach and scroll.
 */
export function Table(props: { caption: string; head: string[]; rows: Child[][]; scrollable?: boolean }) {
  const region = props.scrollable ? { role: "region", "aria-label": props.caption, tabindex: 0 } : {};
  return (
    <div class="table-wrap" {...region}>
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A change as "field: before → after", one line per field that changed. */
export function ChangeText(props: { before: unknown; after: unknown }) {
  const before = isRecord(props.before) ? props.before : {};
  const after = isRecord(props.after) ? props.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (fields.length === 0) return null;
  return (
    <ul>
      {fields.map((key) => (
        <li>
          <code>{key}</code>: {show(before[key])} → {show(after[key])}
        </li>
      ))}
    </ul>
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const show = (value: unknown) =>
  value === undefined || value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value);
