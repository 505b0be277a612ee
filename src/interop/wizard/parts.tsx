/** Pieces of the preview pages: counts, problems, the parsed tree as an outline, what would change. */
import type { Bilingual } from "../../frameworks/tree.ts";
import { formatNumber, type Lang, messages } from "../../i18n/index.ts";
import { revealRefusedCharacters } from "../../text/rules.ts";
import type { Change, ChangeCounts, ImportReport } from "../import.ts";
import { describeProblem } from "../messages.ts";
import type { ImportedItem, Problem } from "../model.ts";
import { orderProblems, type TypeCount } from "./prepare.ts";

/** Most problems a page lists; a broken 50,000-item file must not make a page of megabytes. */
export const MAX_LISTED_PROBLEMS = 200;
/** Most changes the preview lists one by one. */
export const MAX_LISTED_CHANGES = 300;
/** Most items the outline shows. */
export const MAX_OUTLINE_ITEMS = 1500;

export function textIn(text: Bilingual, lang: Lang): { value: string; lang?: Lang } | null {
  if (text[lang]) return { value: text[lang] as string };
  const other: Lang = lang === "en" ? "fr" : "en";
  return text[other] ? { value: text[other] as string, lang: other } : null;
}

/**
 * Text in the page's language, or the other one marked with its own lang attribute. A character the
 * text rule refuses is written out, not obeyed: the preview of a refused file shows what is wrong.
 */
function Bi(props: { text: Bilingual; lang: Lang; fallback: string }) {
  const found = textIn(props.text, props.lang);
  if (!found) return <>{props.fallback}</>;
  const value = revealRefusedCharacters(found.value);
  return found.lang ? <span lang={found.lang === "fr" ? "fr-CA" : "en-CA"}>{value}</span> : value;
}

export function Counts(props: {
  lang: Lang;
  total: number;
  types: TypeCount[];
  associations?: number;
  definitions?: number;
}) {
  const t = messages(props.lang);
  const n = (value: number) => formatNumber(value, props.lang);
  return (
    <div class="table-wrap">
      <table class="counts">
        <caption>{t.importCountsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.importTypeColumn}</th>
            <th scope="col" class="num">
              {t.importCountColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.types.map((type) => (
            <tr>
              <th scope="row">
                <Bi text={type.label} lang={props.lang} fallback={type.code} />
              </th>
              <td class="num">{n(type.count)}</td>
            </tr>
          ))}
          <tr class="total">
            <th scope="row">{t.importTotalItems}</th>
            <td class="num">{n(props.total)}</td>
          </tr>
          {props.associations !== undefined && (
            <tr>
              <th scope="row">{t.importAssociations}</th>
              <td class="num">{n(props.associations)}</td>
            </tr>
          )}
          {props.definitions !== undefined && (
            <tr>
              <th scope="row">{t.importDefinitions}</th>
              <td class="num">{n(props.definitions)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Problems(props: { lang: Lang; problems: readonly Problem[] }) {
  const t = messages(props.lang);
  const errors = props.problems.filter((p) => p.severity === "error").length;
  const warnings = props.problems.length - errors;
  if (props.problems.length === 0) return <p>{t.importNoProblems}</p>;
  const listed = orderProblems(props.problems).slice(0, MAX_LISTED_PROBLEMS);
  return (
    <>
      <p>{t.importProblemsSummary(errors, warnings)}</p>
      <div class="table-wrap">
        <table class="problems">
          <caption>{t.importProblemsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.importSeverityColumn}</th>
              <th scope="col">{t.importWhereColumn}</th>
              <th scope="col">{t.importProblemColumn}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((p) => (
              <tr class={p.severity === "error" ? "problem--error" : "problem--warning"}>
                <td>{p.severity === "error" ? t.importError : t.importWarning}</td>
                <td>
                  <code>{p.where || "—"}</code>
                </td>
                <td>{describeProblem(p, props.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.problems.length > listed.length && <p>{t.importMoreProblems(props.problems.length - listed.length)}</p>}
    </>
  );
}

/** The parsed tree, folded: each item with children is a details/summary, closed. */
export function Outline(props: { lang: Lang; items: readonly ImportedItem[]; total: number }) {
  const t = messages(props.lang);
  let budget = MAX_OUTLINE_ITEMS;
  const label = (item: ImportedItem) => (
    <>
      {item.code && <span class="code">{item.code}</span>}{" "}
      <Bi text={item.statement} lang={props.lang} fallback={t.importNoStatement} />
    </>
  );
  const list = (items: readonly ImportedItem[]) => {
    const shown = items.slice(0, Math.max(0, budget));
    budget -= shown.length;
    return (
      <ul>
        {shown.map((item) => (
          <li>
            {item.children.length > 0 && budget > 0 ? (
              <details>
                <summary>{label(item)}</summary>
                {list(item.children)}
              </details>
            ) : (
              label(item)
            )}
          </li>
        ))}
      </ul>
    );
  };
  const tree = list(props.items);
  const shown = MAX_OUTLINE_ITEMS - Math.max(0, budget);
  return (
    <div class="import-outline">
      {props.items.length === 0 ? <p>{t.importEmptyTree}</p> : tree}
      {shown < props.total && <p>{t.importTreeLimited(shown, props.total)}</p>}
    </div>
  );
}

export function Changes(props: { lang: Lang; report: ImportReport; caseRows: boolean }) {
  const t = messages(props.lang);
  const n = (value: number) => formatNumber(value, props.lang);
  const rows: [string, ChangeCounts][] = [
    [t.importRowItems, props.report.items],
    [t.importRowTypes, props.report.itemTypes],
  ];
  if (props.caseRows)
    rows.push([t.importRowAssociations, props.report.associations], [t.importRowDefinitions, props.report.definitions]);
  return (
    <div class="table-wrap">
      <table class="changes">
        <caption>{t.importChangesCaption}</caption>
        <thead>
          <tr>
            <td></td>
            <th scope="col" class="num">
              {t.importAddedColumn}
            </th>
            <th scope="col" class="num">
              {t.importUpdatedColumn}
            </th>
            <th scope="col" class="num">
              {t.importRemovedColumn}
            </th>
            <th scope="col" class="num">
              {t.importUnchangedColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, c]) => (
            <tr>
              <th scope="row">{name}</th>
              <td class="num">{n(c.added)}</td>
              <td class="num">{n(c.updated)}</td>
              <td class="num">{n(c.removed)}</td>
              <td class="num">{n(c.unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each change, field by field, as the import would make it; the rest counted. */
export function ChangeList(props: { lang: Lang; changes: readonly Change[] }) {
  const t = messages(props.lang);
  if (props.changes.length === 0) return <p>{t.importNothingChanges}</p>;
  const entity: Record<Change["entity"], string> = {
    framework: t.importEntityFramework,
    itemType: t.importEntityItemType,
    item: t.importEntityItem,
    association: t.importEntityAssociation,
    definition: t.importEntityDefinition,
  };
  const listed = props.changes.slice(0, MAX_LISTED_CHANGES);
  return (
    <>
      <div class="table-wrap">
        <table class="change-list">
          <caption>{t.importChangeListCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.importChangeWhat}</th>
              <th scope="col">{t.importChangeFields}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((change) => (
              <tr>
                <th scope="row">
                  {entity[change.entity]} <code>{change.label ?? change.id}</code>
                </th>
                <td>
                  {change.kind === "added"
                    ? t.importChangeAdded
                    : change.kind === "removed"
                      ? t.importChangeRemoved
                      : change.fields.map((f) => t.importFieldName(f.field)).join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.changes.length > listed.length && <p>{t.importMoreChanges(props.changes.length - listed.length)}</p>}
    </>
  );
}
