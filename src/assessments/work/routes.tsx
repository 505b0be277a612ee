/**
 * An assessment's pages (/{lang}/orgs/:org/assessments…, decision 032): the list of one's own and
 * one's reports' assessments; the assessment itself (self-assessment for the person, review and
 * agreement for the reviewer, read-only for managers up the chain and HR); saves, submit, agree,
 * sign off, reopen, add and remove competencies. Every view by someone other than the person goes
 * to the access log. Refusals say nothing about what exists: an assessment the actor may not read
 * answers 404, as an unknown one.
 */
import { type Context, Hono } from "hono";
import { formatTime } from "../../i18n/format.ts";
import { messages } from "../../i18n/index.ts";
import { recordAccess } from "../../people/access-log.ts";
import type { OrganisationEnv } from "../../people/context.ts";
import { organisationTimeZone, requireInOrganisation } from "../../people/context.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { bodyOf, frameOf } from "../../people/organisations/routes.tsx";
import { staffUrls } from "../../people/staff/urls.ts";
import { can } from "../../policy/index.ts";
import { refusalResponse } from "../../policy/refusal.tsx";
import { searchCompetencies } from "../../profiles/scales/competencies.ts";
import type { FieldErrors } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { assessmentDocumentUrls } from "../documents/routes.tsx";
import { dayOf } from "../due.ts";
import { evidenceSectionFor } from "../evidence/section.tsx";
import { readChanges, sentValues } from "./form.ts";
import { showAssessmentList } from "./list-routes.tsx";
import { fullOf, type Loaded, loadForSave, loadReadable, partyOf, type Target } from "./loaders.ts";
import { type AssessmentPageProps, standingOf } from "./page-model.ts";
import { parseItemKey, readAssessment, readHistory } from "./read.ts";
import { checkReopen } from "./reopen-form.ts";
import { saveRatings } from "./save-ratings.ts";
import { readSaveTarget, type SaveTarget, targetStanding, withChanges, withStored } from "./save-target.ts";
import type { FieldGroup, Party } from "./states.ts";
import { decide, mayWrite } from "./states.ts";
import {
  AssessmentConflict,
  AssessmentRefused,
  addCompetency,
  changeState,
  type FieldConflict,
  removeCompetency,
  saveConversation,
} from "./store.ts";
import { assessmentUrls } from "./urls.ts";
import { AssessmentPage, LoadedValues, VersionField } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;

const DONE = {
  saved: "awSaved",
  submitted: "awSubmitted",
  review: "awReviewSaved",
  agreed: "awAgreed",
  signed: "awSigned",
  reopened: "awReopened",
  withdrawn: "awWithdrawnNotice",
  added: "awAdded",
  removed: "awRemoved",
} as const;

const isHtmx = (c: Ctx) => c.req.header("hx-request") === "true";

export function assessmentRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const t = (c: Ctx) => messages(c.var.lang);
  const member = requireInOrganisation("organisation.read");

  app.get("/", member, showAssessmentList);

  const page = async (c: Ctx, loaded: Loaded, props: Partial<AssessmentPageProps> = {}, status: Status = 200) => {
    const query = (c.req.query("q") ?? "").slice(0, 200);
    const results = query.trim() ? await searchCompetencies(c.var.db, query) : undefined;
    const party = partyOf(loaded.actor, loaded.resource);
    return renderPrivatePage(
      c,
      <AssessmentPage
        {...frameOf(c)}
        view={loaded.view}
        history={await readHistory(c.var.db, loaded.view.id)}
        party={party}
        administrator={
          party === "administrator" ||
          can(loaded.actor, "cycles.manage", { kind: "organisation", organisationId: loaded.view.organisationId })
        }
        query={query}
        results={results}
        evidence={
          await evidenceSectionFor(
            c,
            loaded.view.id,
            assessmentUrls.page(c.var.lang, c.var.organisation.slug, loaded.view.id),
          )
        }
        documents={{
          print: assessmentDocumentUrls.print(c.var.lang, c.var.organisation.slug, loaded.view.id),
          pdf: assessmentDocumentUrls.pdf(c.var.lang, c.var.organisation.slug, loaded.view.id),
        }}
        insights={
          can(loaded.actor, "insights.person", { ...loaded.resource, kind: "person" })
            ? staffUrls.personInsights(c.var.lang, c.var.organisation.slug, loaded.resource.personId)
            : undefined
        }
        {...props}
      />,
      t(c).awTitle(loaded.view.personName, loaded.view.cycle.name[c.var.lang] || loaded.view.cycle.name.en),
      status,
    );
  };

  app.get("/:assessment", async (c) => {
    const loaded = await loadReadable(c);
    if (!loaded.ok) return loaded.response;
    await recordAccess(c.var.db, {
      actor: loaded.actor,
      resource: { ...loaded.resource, kind: "person" },
      what: "assessment",
      path: c.req.path,
      requestId: c.var.requestId,
    });
    const done = c.req.query("done");
    const notice = done && done in DONE ? t(c)[DONE[done as keyof typeof DONE]] : undefined;
    return page(c, loaded, { notice });
  });

  const backTo = (c: Ctx, id: string, done: keyof typeof DONE, anchor = "aw-competencies") =>
    c.redirect(`${assessmentUrls.page(c.var.lang, c.var.organisation.slug, id)}?done=${done}#${anchor}`, 303);

  /** A refusal or conflict of the store, as the page (no JavaScript) or as a fragment (htmx). */
  const failed = async (c: Ctx, loaded: Loaded | Target, error: unknown, values: Record<string, string>) => {
    const ref = "view" in loaded ? loaded.view : loaded.target;
    if (error instanceof AssessmentConflict) {
      if (isHtmx(c)) return c.html(<ConflictFragment c={c} conflicts={error.conflicts} />);
      return again(c, loaded, ref, { conflicts: error.conflicts, values }, 409);
    }
    if (error instanceof AssessmentRefused) {
      if (error.refusal === "not-found") return c.notFound();
      const message =
        error.refusal === "incomplete"
          ? t(c).awIncomplete
          : error.refusal === "reason-required"
            ? t(c).awReasonRequired
            : error.refusal === "level"
              ? t(c).awLevelInvalid
              : t(c).awRefused;
      if (isHtmx(c)) return c.html(message);
      return again(c, loaded, ref, { message, values }, error.refusal === "level" ? 400 : 409);
    }
    throw error;
  };

  /** The page drawn afresh after a refusal, with what the user sent. */
  const again = async (
    c: Ctx,
    loaded: Loaded | Target,
    ref: { organisationId: string; id: string },
    props: Partial<AssessmentPageProps>,
    status: Status,
  ) => {
    const fresh = await readAssessment(c.var.db, ref.organisationId, ref.id);
    const view = fresh ?? ("view" in loaded ? loaded.view : undefined);
    if (!view) return c.notFound();
    return page(c, { view, resource: loaded.resource, actor: loaded.actor }, props, status);
  };

  function ConflictFragment(props: { c: Ctx; conflicts: FieldConflict[] }) {
    const m = t(props.c);
    const show = (v: string | number | null) => (v === null || v === "" ? m.awEmpty : String(v));
    return <>{props.conflicts.map((x) => m.awConflictShort(show(x.theirs), show(x.yours))).join(" ")}</>;
  }

  /**
   * Saves one group (and, with htmx, one competency) of the party's fields, from the light read of
   * the assessment (save-target.ts); the answer is built from what was read and saved.
   */
  const saveGroups = async (
    c: Ctx,
    loaded: Target,
    party: Party,
    groups: FieldGroup[],
    body: Record<string, string | File>,
    only: string | undefined,
  ): Promise<{ errors: FieldErrors } | { at: string; target: SaveTarget }> => {
    const errors: FieldErrors = {};
    const target = loaded.target;
    const reads = groups.map((group) => ({ group, read: readChanges(body, group, target.items, target.levels, only) }));
    for (const { read } of reads) if (!read.ok) Object.assign(errors, read.errors);
    if (Object.keys(errors).length > 0) return { errors };
    const actor = authorOf(loaded.actor);
    const ref = { organisationId: target.organisationId, assessmentId: target.id };
    let at = "";
    let now = target;
    for (const { group, read } of reads) {
      if (!read.ok || read.changes.length === 0) continue;
      // The agreed levels open once the manager's first save has moved the assessment to review.
      if (group === "agreed" && !mayWrite(targetStanding(now), party, "agreed")) continue;
      const changes = withStored(now.items, group, read.changes);
      const seen = { standing: targetStanding(now), levels: now.levels };
      const saved = await saveRatings(c.var.db, ref, { group, changes, party, actor, read: seen });
      at = saved.at;
      now = {
        ...now,
        items: withChanges(now.items, group, read.changes),
        version: saved.version,
        state: saved.state as SaveTarget["state"],
      };
    }
    return { at, target: now };
  };

  /** The htmx answer, from what was just saved (no second read of the assessment, no page drawn). */
  const fragment = (c: Ctx, target: SaveTarget, key: string, groups: FieldGroup[], at: string) => {
    const message = t(c).awSavedAt(formatTime(at || new Date().toISOString(), c.var.lang, organisationTimeZone(c)));
    const item = target.items.find((i) => i.key === key);
    c.header("cache-control", "no-store");
    return c.html(
      <>
        {message}
        {item && <LoadedValues index={item.index} item={item} groups={groups} oob />}
        <VersionField version={target.version} oob />
      </>,
    );
  };

  /** The page after a form the light path will not save (a field refused): the whole assessment is read. */
  const refusedForm = async (c: Ctx, loaded: Target, errors: FieldErrors, values: Record<string, string>) => {
    const full = await fullOf(c, loaded);
    if (!full) return c.notFound();
    return page(c, full, { errors, values }, 400);
  };

  /** The competency an autosave names (htmx sends it with the form); undefined for a whole form. */
  const autosaved = (c: Ctx, body: Record<string, string | File>) =>
    isHtmx(c) && typeof body.item === "string" ? body.item : undefined;

  app.post("/:assessment/self", async (c) => {
    const body = await bodyOf(c);
    const only = autosaved(c, body);
    const loaded = await loadForSave(c, only);
    if (!loaded.ok) return loaded.response;
    if (!can(loaded.actor, "assessment.self", loaded.resource)) return refuseWrite(c);
    const values = sentValues(body);
    const id = loaded.target.id;
    try {
      const saved = await saveGroups(c, loaded, "person", ["self"], body, only);
      if ("errors" in saved) return refusedForm(c, loaded, saved.errors, values);
      if (only !== undefined) return fragment(c, saved.target, only, ["self"], saved.at);
      if (body.action === "submit") {
        await changeState(
          c.var.db,
          { organisationId: loaded.target.organisationId, assessmentId: id },
          {
            action: "submit",
            party: "person",
            actor: authorOf(loaded.actor),
          },
        );
        return backTo(c, id, "submitted");
      }
      return backTo(c, id, "saved");
    } catch (error) {
      return failed(c, loaded, error, values);
    }
  });

  app.post("/:assessment/review", async (c) => {
    const body = await bodyOf(c);
    const only = autosaved(c, body);
    const loaded = await loadForSave(c, only);
    if (!loaded.ok) return loaded.response;
    if (!can(loaded.actor, "assessment.review", loaded.resource)) return refuseWrite(c);
    const values = sentValues(body);
    const id = loaded.target.id;
    const ref = { organisationId: loaded.target.organisationId, assessmentId: id };
    const actor = authorOf(loaded.actor);
    try {
      const saved = await saveGroups(c, loaded, "reviewer", ["manager", "agreed"], body, only);
      if ("errors" in saved) return refusedForm(c, loaded, saved.errors, values);
      if (only !== undefined) return fragment(c, saved.target, only, ["manager", "agreed"], saved.at);
      if (typeof body.notes === "string" || typeof body.date === "string") {
        const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : null);
        const date = text("date");
        if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return refusedForm(c, loaded, { date: "formDate" }, values);
        // The state after the ratings just saved (the first manager save moves it to review).
        const current = await readSaveTarget(c.var.db, ref.organisationId, ref.assessmentId, "");
        if (current && mayWrite(targetStanding(current), "reviewer", "agreed"))
          await saveConversation(c.var.db, ref, {
            values: { notes: text("notes")?.slice(0, 10000) ?? null, date },
            previous: { notes: text("was_notes"), date: text("was_date") },
            party: "reviewer",
            actor,
          });
      }
      if (body.action === "agree") {
        await changeState(c.var.db, ref, { action: "agree", party: "reviewer", actor });
        return backTo(c, id, "agreed", "aw-sign");
      }
      return backTo(c, id, "review");
    } catch (error) {
      return failed(c, loaded, error, values);
    }
  });

  app.post("/:assessment/sign", async (c) => {
    const loaded = await loadReadable(c);
    if (!loaded.ok) return loaded.response;
    const party = partyOf(loaded.actor, loaded.resource);
    if (party !== "person" && party !== "reviewer") return refuseWrite(c);
    const body = await bodyOf(c);
    if (body.confirm !== "yes") return page(c, loaded, { errors: { confirm: "awSignRequired" } }, 400);
    try {
      await changeState(
        c.var.db,
        { organisationId: loaded.view.organisationId, assessmentId: loaded.view.id },
        {
          action: "sign",
          party,
          actor: authorOf(loaded.actor),
        },
      );
      return backTo(c, loaded.view.id, "signed", "aw-sign");
    } catch (error) {
      return failed(c, loaded, error, {});
    }
  });

  /** Reopen (the reviewer or HR) and withdraw (HR): a change of state that needs a reason. */
  const withReason = (action: "reopen" | "withdraw") => async (c: Ctx) => {
    const loaded = await loadReadable(c);
    if (!loaded.ok) return loaded.response;
    const party = partyOf(loaded.actor, loaded.resource);
    const allowed = action === "reopen" ? party === "reviewer" || party === "administrator" : party === "administrator";
    if (!party || !allowed) return refuseWrite(c);
    const body = await bodyOf(c);
    // The two forms share the page: each names its reason field apart, so an error shows on its own.
    const field = action === "reopen" ? "reason" : "withdrawReason";
    const sent = body[field];
    let reason = typeof sent === "string" ? sent.slice(0, 2000) : "";
    let dueOn: string | undefined;
    const values: Record<string, string> = { [field]: reason };
    if (action === "reopen") {
      // The reason and the day by which to finish again (decision 053), checked on today's date.
      if (typeof body.due_on === "string") values.due_on = body.due_on.slice(0, 40);
      const checked = checkReopen(body, dayOf(new Date(), organisationTimeZone(c)));
      if (!checked.ok) return page(c, loaded, { errors: checked.errors, values }, 400);
      ({ reason, dueOn } = checked.data);
    } else if (reason.trim() === "") return page(c, loaded, { errors: { [field]: "awReasonRequired" } }, 400);
    try {
      await changeState(
        c.var.db,
        { organisationId: loaded.view.organisationId, assessmentId: loaded.view.id },
        { action, reason, dueOn, party, actor: authorOf(loaded.actor) },
      );
      return backTo(c, loaded.view.id, action === "reopen" ? "reopened" : "withdrawn");
    } catch (error) {
      return failed(c, loaded, error, values);
    }
  };
  app.post("/:assessment/reopen", withReason("reopen"));
  app.post("/:assessment/withdraw", withReason("withdraw"));

  const competencyChange = (kind: "add" | "remove") => async (c: Ctx) => {
    const loaded = await loadReadable(c);
    if (!loaded.ok) return loaded.response;
    const party = partyOf(loaded.actor, loaded.resource);
    if (party !== "person" && party !== "reviewer") return refuseWrite(c);
    const body = await bodyOf(c);
    const key = kind === "add" ? (typeof body.pick === "string" ? body.pick : "") : (c.req.param("competency") ?? "");
    const ref = parseItemKey(key);
    if (!ref) return page(c, loaded, { message: t(c).awRefused }, 400);
    // A party whose phase this is not (the manager before submission, the person after) is refused
    // as a reader is: the page never offers it the button.
    const origin = loaded.view.items.find((i) => i.frameworkId === ref.frameworkId && i.itemId === ref.itemId)?.origin;
    const action =
      kind === "add"
        ? ({ kind: "add-item" } as const)
        : ({ kind: "remove-item", origin: origin ?? "profile" } as const);
    const decision = decide(standingOf(loaded.view), action, party);
    if (!decision.ok && decision.refusal === "not-allowed" && (kind === "add" || origin !== undefined))
      return refuseWrite(c);
    const input = { ...ref, party, actor: authorOf(loaded.actor) };
    const target = { organisationId: loaded.view.organisationId, assessmentId: loaded.view.id };
    try {
      if (kind === "add") await addCompetency(c.var.db, target, input);
      else await removeCompetency(c.var.db, target, input);
      return backTo(c, loaded.view.id, kind === "add" ? "added" : "removed");
    } catch (error) {
      return failed(c, loaded, error, {});
    }
  };
  app.post("/:assessment/competencies", competencyChange("add"));
  app.post("/:assessment/competencies/:competency/remove", competencyChange("remove"));

  return app;
}

/** A reader who may not act here (a manager up the chain, HR): the page exists for them, the action does not. */
const refuseWrite = (c: Ctx) => refusalResponse(c, 403, "forbidden");
