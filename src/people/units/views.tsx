/**
 * The units tree editor. Without JavaScript every move is a button (a form of its own): up, down,
 * indent, outdent, each named with its unit for screen readers; "move under…", the head and deletion
 * are on the unit's own page. After a move the page comes back at the unit moved (its row is the
 * fragment target and focusable), so keyboard users keep their place.
 */
import { type Lang, messages } from "../../i18n/index.ts";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  type FormValues,
  Notice,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import { NAME_MAX } from "../organisations/schemas.ts";
import { orgUrls } from "../organisations/urls.ts";
import { type OrganisationFrame, OrganisationNav } from "../organisations/views.tsx";
import type { DeletionEffects, UnitView } from "./store.ts";
import { buildTree, flatten, type TreeNode } from "./tree.ts";

type Node = TreeNode<UnitView & { parentId: string | null }>;

export const unitName = (unit: Pick<UnitView, "name_en" | "name_fr">, lang: Lang) =>
  lang === "fr" ? unit.name_fr : unit.name_en;

const placed = (units: readonly UnitView[]) => units.map((u) => ({ ...u, parentId: u.parent_id }));

/** Every unit as a choice, indented by depth (the parent lists). */
function unitChoices(units: readonly UnitView[], lang: Lang, except: ReadonlySet<string> = new Set()) {
  return flatten(buildTree(placed(units)))
    .filter(({ unit }) => !except.has(unit.id))
    .map(({ unit, depth }) => ({ value: unit.id, label: `${"— ".repeat(depth)}${unitName(unit, lang)}` }));
}

function NameFields(props: { lang: Lang }) {
  const t = messages(props.lang);
  return (
    <>
      <TextField name="name_en" label={t.orgNameEnLabel} inputLang="en" required maxlength={NAME_MAX} />
      <TextField name="name_fr" label={t.orgNameFrLabel} inputLang="fr" required maxlength={NAME_MAX} />
    </>
  );
}

function UnitRow(props: { node: Node; frame: OrganisationFrame; edit: boolean; first: boolean; last: boolean }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const unit = props.node.unit;
  const name = unitName(unit, lang);
  const move = (direction: string, label: string, text: string) => (
    <ButtonForm
      lang={lang}
      action={orgUrls.unitAction(lang, slug, unit.id, "move")}
      hidden={{ direction }}
      class="button--quiet"
      label={label}
    >
      {text}
    </ButtonForm>
  );
  return (
    <li class="outline-row unit-row" id={`unit-${unit.id}`} tabindex={-1}>
      <p class="unit-row__name">
        <strong>{name}</strong>
        {unit.head_name && (
          <span class="meta">
            {" "}
            · {t.unitHeadLabel}: {unit.head_name}
          </span>
        )}
      </p>
      {props.edit && (
        // biome-ignore lint/a11y/useSemanticElements: a row of buttons and a link, not form fields: a fieldset would misdescribe it
        <div class="outline-row__actions" role="group" aria-label={t.unitEditLabel(name)}>
          {!props.first && move("up", t.unitMoveUpLabel(name), t.unitMoveUp)}
          {!props.last && move("down", t.unitMoveDownLabel(name), t.unitMoveDown)}
          {!props.first && move("indent", t.unitIndentLabel(name), t.unitIndent)}
          {unit.parent_id !== null && move("outdent", t.unitOutdentLabel(name), t.unitOutdent)}
          <a href={orgUrls.unit(lang, slug, unit.id)} aria-label={t.unitEditLabel(name)}>
            {t.unitEdit}
          </a>
        </div>
      )}
      {props.node.children.length > 0 && <UnitList nodes={props.node.children} frame={props.frame} edit={props.edit} />}
    </li>
  );
}

function UnitList(props: { nodes: Node[]; frame: OrganisationFrame; edit: boolean; label?: string }) {
  return (
    <ul class="outline-list unit-tree" aria-label={props.label}>
      {props.nodes.map((node, index) => (
        <UnitRow
          node={node}
          frame={props.frame}
          edit={props.edit}
          first={index === 0}
          last={index === props.nodes.length - 1}
        />
      ))}
    </ul>
  );
}

export interface UnitsPageProps extends OrganisationFrame {
  units: UnitView[];
  /** The actor may change the units (the policy's organisation.administer). */
  edit: boolean;
  notice?: string;
  message?: string;
  values?: FormValues;
  errors?: FieldErrors;
}

export function UnitsPage(props: UnitsPageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const tree = buildTree(placed(props.units));
  return (
    <>
      <h1>{t.unitsTitle}</h1>
      <OrganisationNav {...props} current="units" />
      {props.notice && <Notice>{props.notice}</Notice>}
      {props.edit && <p>{t.unitsIntro}</p>}
      {tree.length === 0 ? (
        <p>{t.unitsNone}</p>
      ) : (
        <UnitList nodes={tree} frame={props} edit={props.edit} label={t.unitsTreeLabel} />
      )}
      {props.edit && (
        <>
          <h2 id="add">{t.unitsAddHeading}</h2>
          <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
          <Form
            lang={lang}
            action={orgUrls.units(lang, props.slug)}
            class="stacked-form"
            novalidate
            errors={props.errors}
            values={props.values}
          >
            <NameFields lang={lang} />
            <SelectField
              name="parent"
              label={t.unitParentLabel}
              options={[{ value: "", label: t.unitParentTop }, ...unitChoices(props.units, lang)]}
            />
            <Submit>{t.unitsAddButton}</Submit>
          </Form>
        </>
      )}
    </>
  );
}

export interface UnitPageProps extends OrganisationFrame {
  unit: UnitView;
  units: UnitView[];
  /** The unit's sub-units at every depth (it cannot go under them). */
  descendants: ReadonlySet<string>;
  effects: DeletionEffects;
  notice?: string;
  /** Which form was refused, with what it held and its problems. */
  refused?: { form: "rename" | "parent" | "head"; values: FormValues; errors: FieldErrors };
}

export function UnitPage(props: UnitPageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const unit = props.unit;
  const refused = (form: "rename" | "parent" | "head") =>
    props.refused?.form === form ? props.refused : { values: undefined, errors: undefined };
  const rename = refused("rename");
  const parent = refused("parent");
  const head = refused("head");
  return (
    <>
      <h1>{unitName(unit, lang)}</h1>
      <OrganisationNav {...props} current="units" />
      <p>
        <a href={orgUrls.units(lang, props.slug)}>{t.unitBackToUnits}</a>
      </p>
      {props.notice && <Notice>{props.notice}</Notice>}

      <h2 id="rename">{t.unitRenameHeading}</h2>
      <ErrorSummary lang={lang} errors={rename.errors} scope="rename" />
      <Form
        lang={lang}
        action={orgUrls.unitAction(lang, props.slug, unit.id, "rename")}
        class="stacked-form"
        novalidate
        scope="rename"
        errors={rename.errors}
        values={rename.values ?? { name_en: unit.name_en, name_fr: unit.name_fr }}
      >
        <NameFields lang={lang} />
        <Submit>{t.unitRenameButton}</Submit>
      </Form>

      <h2 id="parent">{t.unitMoveUnderHeading}</h2>
      <ErrorSummary lang={lang} errors={parent.errors} scope="parent" />
      <Form
        lang={lang}
        action={orgUrls.unitAction(lang, props.slug, unit.id, "parent")}
        class="stacked-form"
        novalidate
        scope="parent"
        errors={parent.errors}
        values={parent.values ?? { parent: unit.parent_id ?? "" }}
      >
        <SelectField
          name="parent"
          label={t.unitParentLabel}
          options={[
            { value: "", label: t.unitParentTop },
            ...unitChoices(props.units, lang, new Set([unit.id, ...props.descendants])),
          ]}
        />
        <Submit>{t.unitMoveUnderButton}</Submit>
      </Form>

      <h2 id="head">{t.unitHeadHeading}</h2>
      <p>{unit.head_name ? `${unit.head_name} (${unit.head_employee_number})` : t.unitHeadNone}</p>
      <ErrorSummary lang={lang} errors={head.errors} scope="head" />
      <Form
        lang={lang}
        action={orgUrls.unitAction(lang, props.slug, unit.id, "head")}
        class="stacked-form"
        novalidate
        scope="head"
        errors={head.errors}
        values={head.values ?? { employee_number: unit.head_employee_number ?? "" }}
      >
        <TextField
          name="employee_number"
          label={t.unitHeadNumberLabel}
          hint={t.unitHeadNumberHint}
          maxlength={60}
          autocomplete="off"
          spellcheck={false}
        />
        <Submit>{t.unitHeadButton}</Submit>
      </Form>

      <h2 id="delete">{t.unitDeleteHeading}</h2>
      <p>{t.unitDeleteEffects(props.effects.subUnits, props.effects.people)}</p>
      {props.effects.people > 0 && <p>{t.unitDeleteCycles}</p>}
      <ButtonForm
        lang={lang}
        action={orgUrls.unitAction(lang, props.slug, unit.id, "delete")}
        class="button--danger"
        formClass="stacked-form"
      >
        {t.unitDeleteButton}
      </ButtonForm>
    </>
  );
}
