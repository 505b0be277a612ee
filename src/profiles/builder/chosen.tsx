/**
 * The builder's list of chosen competencies: each one's target level (the scale's levels with their
 * descriptors, and the competency's own descriptor of a level when the scale has one), importance and
 * KSAs in one form; move up/down and remove as one-button forms named with the competency; and, when
 * a newer edition changed it, what changed (a word diff) with "take the change" and "keep the old
 * wording". Every action is a form POST that comes back here at the competency (its anchor).
 */
import type { Child } from "hono/jsx";
import { formatDate } from "../../i18n/format.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import {
  ButtonForm,
  CheckboxGroup,
  type FieldErrors,
  Form,
  type FormValues,
  Hidden,
  RadioGroup,
  Submit,
} from "../../ui/forms/index.ts";
import { Text, textOf } from "../../ui/text.tsx";
import { wordDiff } from "../requirements/logic.ts";
import type { EditionChange, PublishedNode, Requirement } from "../requirements/store.ts";
import { builderUrls, requirementAnchor } from "./urls.ts";

export interface LevelChoice {
  number: number;
  label: string;
  /** The scale's general descriptor of the level. */
  descriptor: string;
  /** This competency's own descriptor of the level, when the scale has one. */
  own?: string;
}

export interface ChosenEntry {
  requirement: Requirement;
  change: EditionChange;
  levels: LevelChoice[];
}

export interface ChosenProps {
  lang: Lang;
  org: string;
  profileId: string;
  version: number;
  entries: ChosenEntry[];
  /** The requirement whose form was refused or is shown again (its key), with what it held. */
  kept?: { key: string; values: FormValues; ksa: string[]; errors?: FieldErrors };
}

export const entryKey = (r: Pick<Requirement, "frameworkId" | "itemId">) => `${r.frameworkId}~${r.itemId}`;

/** The scope of a requirement's form: keeps its fields' ids unique on the page. */
export const entryScope = (index: number) => `req${index + 1}`;

export const competencyName = (item: PublishedNode, lang: Lang) =>
  [item.code, textOf(item.statement, lang)].filter(Boolean).join(" ");

export function ChosenList(props: ChosenProps) {
  const t = messages(props.lang);
  if (props.entries.length === 0) return <p>{t.builderChosenNone}</p>;
  return (
    <>
      <p class="meta">{t.builderChosenCount(props.entries.length)}</p>
      <ol class="builder-chosen">
        {props.entries.map((entry, index) => (
          <ChosenItem {...props} entry={entry} index={index} />
        ))}
      </ol>
    </>
  );
}

function ChosenItem(props: ChosenProps & { entry: ChosenEntry; index: number }) {
  const { lang, org, profileId } = props;
  const t = messages(lang);
  const r = props.entry.requirement;
  const name = competencyName(r.item, lang);
  const kept = props.kept?.key === entryKey(r) ? props.kept : undefined;
  const version = { version: String(props.version) };
  const action = (what: "move" | "remove" | "take" | "keep") =>
    builderUrls.action(lang, org, profileId, r.frameworkId, r.itemId, what);
  const area = r.ancestors.at(-1);
  return (
    <li id={requirementAnchor(r.itemId)} tabindex={-1} class="builder-requirement">
      <h3>
        {r.item.code && <span class="code">{r.item.code} </span>}
        <Text text={r.item.statement} lang={lang} />
      </h3>
      <p class="meta">
        {area && (
          <>
            {t.builderAreaOf(textOf(area.statement, lang))}
            {" · "}
          </>
        )}
        {t.builderFromEdition(textOf(r.frameworkTitle, lang), r.editionNumber, formatDate(r.editionPublishedAt, lang))}
      </p>
      {props.entry.change.review && <EditionNotice {...props} name={name} action={action} hidden={version} />}
      <Form
        lang={lang}
        action={builderUrls.requirement(lang, org, profileId, r.frameworkId, r.itemId)}
        scope={entryScope(props.index)}
        values={kept?.values}
        errors={kept?.errors}
        class="stacked-form"
      >
        <Hidden name="version" value={String(props.version)} />
        <RadioGroup
          name="level"
          label={t.builderLevelLegend}
          value={kept?.values.level ?? String(r.targetLevel)}
          options={props.entry.levels.map((level) => ({
            value: String(level.number),
            label: (
              <>
                <strong>{t.builderLevelOption(level.number, level.label)}</strong>
                <span class="choice-hint"> {level.own ?? level.descriptor}</span>
              </>
            ),
          }))}
        />
        <RadioGroup
          name="importance"
          label={t.builderImportanceLegend}
          value={kept?.values.importance ?? r.importance}
          options={[
            { value: "essential", label: t.builderEssential },
            { value: "asset", label: t.builderAsset },
          ]}
        />
        {r.ksas.length > 0 && (
          <CheckboxGroup
            name="ksa"
            label={t.builderKsaLegend}
            hint={t.builderKsaHint}
            values={kept ? kept.ksa : (r.ksaIds ?? [])}
            options={r.ksas.map((ksa) => ({
              value: ksa.id,
              label: (
                <>
                  {ksa.code && <span class="code">{ksa.code} </span>}
                  <Text text={ksa.statement} lang={lang} />
                </>
              ),
            }))}
          />
        )}
        <Submit label={t.builderSaveLabel(name)}>{t.builderSave}</Submit>
      </Form>
      <div class="builder-actions">
        {props.index > 0 && (
          <ButtonForm
            lang={lang}
            action={action("move")}
            hidden={{ ...version, direction: "up" }}
            class="button--quiet"
            label={t.builderMoveUpLabel(name)}
          >
            {t.builderMoveUp}
          </ButtonForm>
        )}
        {props.index < props.entries.length - 1 && (
          <ButtonForm
            lang={lang}
            action={action("move")}
            hidden={{ ...version, direction: "down" }}
            class="button--quiet"
            label={t.builderMoveDownLabel(name)}
          >
            {t.builderMoveDown}
          </ButtonForm>
        )}
        <ButtonForm
          lang={lang}
          action={action("remove")}
          hidden={version}
          class="button--quiet"
          label={t.builderRemoveLabel(name)}
        >
          {t.builderRemove}
        </ButtonForm>
      </div>
    </li>
  );
}

/** What a newer edition did to the competency, and the author's two answers. */
function EditionNotice(
  props: ChosenProps & {
    entry: ChosenEntry;
    name: string;
    action: (what: "take" | "keep") => string;
    hidden: Record<string, string>;
  },
) {
  const { lang } = props;
  const t = messages(lang);
  const { change, requirement: r } = props.entry;
  const edition = change.current?.number ?? r.editionNumber;
  const { status, fields, ksasAdded, ksasRemoved, ksasChanged } = change.comparison;
  const headline =
    status === "retired"
      ? t.builderRetiredNotice(edition)
      : status === "moved"
        ? t.builderMovedNotice(edition)
        : t.builderChangedNotice(edition);
  const now = change.now;
  return (
    <div class="notice notice--warning builder-change">
      <p>
        <strong>{headline}</strong>
      </p>
      {now && (fields.includes("statement") || fields.includes("code")) && (
        <dl>
          <dt>{t.builderOldWording}</dt>
          <dd>{competencyName(r.item, lang)}</dd>
          <dt>{t.builderNewWording(edition)}</dt>
          <dd>{competencyName(now, lang)}</dd>
          <dd>
            <Diff lang={lang} before={competencyName(r.item, lang)} after={competencyName(now, lang)} />
          </dd>
        </dl>
      )}
      {now && fields.includes("description") && (
        <p>
          <Diff lang={lang} before={textOf(r.item.description, lang)} after={textOf(now.description, lang)} />
        </p>
      )}
      {(ksasAdded.length > 0 || ksasRemoved.length > 0 || ksasChanged.length > 0) && (
        <ul>
          {ksasAdded.length > 0 && <li>{t.builderKsasAdded(ksasAdded.length)}</li>}
          {ksasRemoved.length > 0 && <li>{t.builderKsasRemoved(ksasRemoved.length)}</li>}
          {ksasChanged.length > 0 && <li>{t.builderKsasReworded(ksasChanged.length)}</li>}
        </ul>
      )}
      <div class="builder-actions">
        {status !== "retired" && (
          <ButtonForm
            lang={lang}
            action={props.action("take")}
            hidden={props.hidden}
            label={t.builderTakeLabel(props.name)}
          >
            {t.builderTake}
          </ButtonForm>
        )}
        <ButtonForm
          lang={lang}
          action={props.action("keep")}
          hidden={props.hidden}
          class="button--quiet"
          label={t.builderKeepLabel(props.name)}
        >
          {t.builderKeep}
        </ButtonForm>
      </div>
    </div>
  );
}

/** A word diff: removed words struck through, added ones underlined, each said in words too. */
function Diff(props: { lang: Lang; before: string; after: string }) {
  const t = messages(props.lang);
  const parts: Child[] = wordDiff(props.before, props.after).map((part) =>
    part.kind === "same" ? (
      part.text
    ) : part.kind === "removed" ? (
      <del>
        <span class="visually-hidden">[{t.builderDiffRemoved}: </span>
        {part.text}
        <span class="visually-hidden">]</span>
      </del>
    ) : (
      <ins>
        <span class="visually-hidden">[{t.builderDiffAdded}: </span>
        {part.text}
        <span class="visually-hidden">]</span>
      </ins>
    ),
  );
  return <span class="builder-diff">{parts}</span>;
}
