/**
 * An adopted framework's upstream changes: the list, take/leave, and the field-by-field merge form.
 * Decisions answer with a redirect whatever happens (post/redirect/get), so refreshing the page
 * never submits a decision again; a refusal comes back as a known word (`?problem=stale`), never text.
 */
import { Hono } from "hono";
import { upstreamReport } from "../../adoption/report.ts";
import { applyResolution, type Choice, type Decision, type MergeField, resolve } from "../../adoption/three-way.ts";
import type { AppEnv } from "../../app-env.ts";
import type { Framework } from "../../db/schema.ts";
import { type EditorError, isEditorError } from "../../frameworks/errors.ts";
import { type Messages, messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { ErrorSummary, type FieldErrors, parseForm } from "../../ui/forms/index.ts";
import { decideUpstreamChange } from "../commands/adopt.ts";
import { decisionSchema, parseMerge } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { entryName, initialMergeValues, MergePage, type MergeValues, UpstreamPage } from "../views/upstream.tsx";
import {
  commandMessage,
  type EditorContext,
  formFields,
  loadFramework,
  noticeOf,
  redirectDone,
  statusOf,
} from "./context.ts";

/** Why a decision was refused, as the word the redirect carries. */
const PROBLEMS = {
  stale: (t: Messages) => t.editorErrStaleUpstream,
  parent: (t: Messages) => t.adoptErrParentMissing,
  type: (t: Messages) => t.editorErrUnknownType,
  invalid: (t: Messages) => t.formOutdated,
  missing: (t: Messages) => t.editorErrNotFound,
  gone: (t: Messages) => t.editorErrUpstreamGone,
} as const;
type Problem = keyof typeof PROBLEMS;

function problemOf(error: EditorError): Problem {
  switch (error.code) {
    case "stale":
      return "stale";
    case "restore_parent_missing":
      return "parent";
    case "unknown_type":
      return "type";
    case "not_found":
      return "missing";
    case "upstream_gone":
      return "gone";
    default:
      return "invalid";
  }
}

export function upstreamRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const redirectProblem = (c: EditorContext, framework: Framework, problem: Problem, upstreamId?: string) => {
    // The anchor comes from the address: only an id-like value goes back into a header.
    const anchor = upstreamId && /^[0-9a-z-]{1,64}$/i.test(upstreamId) ? `#entry-${upstreamId}` : "";
    return c.redirect(`${editorUrls.upstream(c.var.lang, framework.slug)}?problem=${problem}${anchor}`, 303);
  };

  const problemMessage = (c: EditorContext) => {
    const problem = c.req.query("problem");
    return problem && Object.hasOwn(PROBLEMS, problem) ? PROBLEMS[problem as Problem](messages(c.var.lang)) : undefined;
  };

  /** Answers a refusal of the whole page (not adopted: 404; upstream gone: its message). */
  const refusal = (c: EditorContext, error: unknown) => {
    if (!isEditorError(error)) throw error;
    if (error.code === "not_adopted") return c.notFound();
    c.status(statusOf(error));
    const t = messages(c.var.lang);
    return c.render(
      <>
        <h1>{t.editorUpstream}</h1>
        <ErrorSummary lang={c.var.lang} message={commandMessage(t, error)} />
      </>,
      { lang: c.var.lang, title: t.editorUpstream },
    );
  };

  app.get("/frameworks/:slug/upstream", async (c) => {
    const framework = await loadFramework(c);
    if (!framework) return c.notFound();
    const lang = c.var.lang;
    try {
      const report = await upstreamReport(c.var.db, framework.id, { caughtUp: true });
      return c.render(
        <UpstreamPage
          lang={lang}
          framework={framework}
          report={report}
          notice={noticeOf(c)}
          message={problemMessage(c)}
        />,
        { lang, title: messages(lang).editorUpstream },
      );
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/frameworks/:slug/upstream/:upstreamId", requirePermission("framework.adopt"), async (c) => {
    const framework = await loadFramework(c);
    if (!framework) return c.notFound();
    const upstreamId = c.req.param("upstreamId");
    // Every field is hidden: a form that does not read is out of date, and the list says so.
    const parsed = parseForm(decisionSchema, await formFields(c));
    if (!parsed.ok) return redirectProblem(c, framework, "invalid", upstreamId);
    try {
      const { outcome } = await decideUpstreamChange(
        c.var.db,
        c.var.user,
        framework.id,
        upstreamId,
        parsed.data.fingerprint,
        { kind: parsed.data.decision },
      );
      const done = outcome === "unchanged" ? "unchanged" : parsed.data.decision === "take" ? "taken" : "left";
      return redirectDone(c, editorUrls.upstream(c.var.lang, framework.slug), done);
    } catch (error) {
      if (!isEditorError(error)) throw error;
      if (error.code === "not_adopted") return c.notFound();
      return redirectProblem(c, framework, problemOf(error), upstreamId);
    }
  });

  // ── merge field by field ─────────────────────────────────────────────────────────────────────
  const renderMerge = async (
    c: EditorContext,
    framework: Framework,
    values: (entry: Parameters<typeof initialMergeValues>[0]) => MergeValues,
    errors?: FieldErrors,
  ) => {
    const lang = c.var.lang;
    const report = await upstreamReport(c.var.db, framework.id);
    const entry = report.entries.find((e) => e.id === c.req.param("upstreamId"));
    // Decided meanwhile (or never waiting): the list says what is left.
    if (!entry) return redirectDone(c, editorUrls.upstream(lang, framework.slug), "unchanged");
    if (entry.three.ours === null || entry.three.theirs === null) return c.notFound();
    return c.render(
      <MergePage
        lang={lang}
        framework={framework}
        report={report}
        entry={entry}
        values={values(entry)}
        errors={errors}
      />,
      { lang, title: messages(lang).adoptMergeTitle(entryName(lang, entry)) },
    );
  };

  app.get("/frameworks/:slug/upstream/:upstreamId/merge", requirePermission("framework.adopt"), async (c) => {
    const framework = await loadFramework(c);
    if (!framework) return c.notFound();
    try {
      return await renderMerge(c, framework, initialMergeValues);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/frameworks/:slug/upstream/:upstreamId/merge", requirePermission("framework.adopt"), async (c) => {
    const framework = await loadFramework(c);
    if (!framework) return c.notFound();
    const upstreamId = c.req.param("upstreamId");
    const form = await formFields(c);
    try {
      const report = await upstreamReport(c.var.db, framework.id);
      const entry = report.entries.find((e) => e.id === upstreamId);
      if (!entry) return redirectDone(c, editorUrls.upstream(c.var.lang, framework.slug), "unchanged");
      const parsed = parseMerge(entry.takes, form);
      if ("errors" in parsed) {
        // A form out of date (no fingerprint) cannot be corrected by the person: start again from the list.
        if (parsed.errors.fingerprint) return redirectProblem(c, framework, "invalid", upstreamId);
        c.status(422);
        return await renderMerge(c, framework, () => form, parsed.errors);
      }
      const decision: Decision = {
        kind: "merge",
        choices: parsed.choices as Partial<Record<MergeField, Choice>>,
      };
      // Said on the form, like the edit form does: the merged item needs a statement in some language.
      const merged = resolve(entry.three, entry, decision);
      const after = typeof merged === "string" ? null : applyResolution(entry.three.ours, merged);
      if (after && !after.statement_en && !after.statement_fr) {
        c.status(422);
        return await renderMerge(c, framework, () => form, {
          [entry.takes.includes("statement_en") ? "choice_statement_en" : "choice_statement_fr"]:
            "editorErrStatementNeeded",
        });
      }
      const { outcome } = await decideUpstreamChange(
        c.var.db,
        c.var.user,
        framework.id,
        upstreamId,
        parsed.fingerprint,
        decision,
      );
      return redirectDone(
        c,
        editorUrls.upstream(c.var.lang, framework.slug),
        outcome === "unchanged" ? "unchanged" : "merged",
      );
    } catch (error) {
      if (!isEditorError(error)) throw error;
      if (error.code === "not_adopted") return c.notFound();
      return redirectProblem(c, framework, problemOf(error), upstreamId);
    }
  });

  return app;
}
