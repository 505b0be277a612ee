/** The editor's home, creating and adopting frameworks, and their details. */
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import type { Framework } from "../../db/schema.ts";
import { listFrameworkSummaries } from "../../frameworks/draft-store.ts";
import { type EditorError, isEditorError } from "../../frameworks/errors.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { type FieldErrors, parseForm } from "../../ui/forms/index.ts";
import { adoptFramework } from "../commands/adopt.ts";
import { createFramework, editFrameworkDetails } from "../commands/frameworks.ts";
import { outdatedOf } from "../flags-store.ts";
import { adoptSchema, createFrameworkSchema, frameworkDetailsSchema } from "../schemas.ts";
import { confirmationsOf, FRAMEWORK_TEXTS } from "../translations.ts";
import { editorUrls } from "../urls.ts";
import {
  AdoptPage,
  DetailsPage,
  EditorHome,
  type FrameworkFormValues,
  NewFrameworkPage,
} from "../views/frameworks.tsx";
import { flagNotes } from "../views/translations.tsx";
import {
  commandMessage,
  type EditorContext,
  formFields,
  loadFramework,
  noticeOf,
  redirectDone,
  statusOf,
} from "./context.ts";

const uuidOr = (value: string | undefined) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value ?? "")
    ? (value as string)
    : randomUUID();

/** The title field an adopted copy may not share with its source, when that is what was refused. */
const sameTitleField = (error: EditorError) =>
  error.code === "title_same_as_source"
    ? ((error.details as { field?: string } | undefined)?.field ?? "title_en")
    : null;

export function frameworkRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const lang = c.var.lang;
    return c.render(
      <EditorHome lang={lang} frameworks={await listFrameworkSummaries(c.var.db)} notice={noticeOf(c)} />,
      { lang, title: messages(lang).editorTitle },
    );
  });

  // ── create ───────────────────────────────────────────────────────────────────────────────────
  const renderNew = (
    c: EditorContext,
    id: string,
    values: FrameworkFormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    c.render(<NewFrameworkPage lang={c.var.lang} id={id} values={values} errors={errors} message={message} />, {
      lang: c.var.lang,
      title: messages(c.var.lang).editorCreateFramework,
    });

  app.get("/new", requirePermission("framework.create"), (c) => renderNew(c, randomUUID(), {}));

  app.post("/frameworks", requirePermission("framework.create"), async (c) => {
    const fields = await formFields(c);
    const id = uuidOr(fields.id);
    // The page's script proposes the address as the title is typed; left as proposed, the server
    // makes it again from the title and, unlike the script, knows which addresses are taken.
    const proposed = fields.slug_proposed;
    const parsed = parseForm(
      createFrameworkSchema,
      proposed && fields.slug?.trim() === proposed ? { ...fields, slug: "" } : fields,
    );
    if (!parsed.ok) {
      c.status(422);
      return renderNew(c, id, fields, parsed.errors);
    }
    try {
      const result = await createFramework(c.var.db, c.var.user, parsed.data);
      return redirectDone(c, editorUrls.framework(c.var.lang, result.slug), "created");
    } catch (error) {
      if (!isEditorError(error)) throw error;
      c.status(statusOf(error));
      if (error.code === "slug_taken") return renderNew(c, id, fields, { slug: "editorErrSlugTaken" });
      return renderNew(c, id, fields, undefined, commandMessage(messages(c.var.lang), error));
    }
  });

  // ── adopt ────────────────────────────────────────────────────────────────────────────────────
  const renderAdopt = async (
    c: EditorContext,
    id: string,
    values: Record<string, string>,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const sources = await c.var.catalog.list();
    return c.render(
      <AdoptPage lang={c.var.lang} id={id} sources={sources} values={values} errors={errors} message={message} />,
      {
        lang: c.var.lang,
        title: messages(c.var.lang).editorAdoptFramework,
      },
    );
  };

  app.get("/adopt", requirePermission("framework.adopt"), (c) =>
    renderAdopt(c, randomUUID(), { source: c.req.query("source") ?? "" }),
  );

  app.post("/adopt", requirePermission("framework.adopt"), async (c) => {
    const fields = await formFields(c);
    const id = uuidOr(fields.id);
    const parsed = parseForm(adoptSchema, fields);
    if (!parsed.ok) {
      c.status(422);
      return renderAdopt(c, id, fields, parsed.errors);
    }
    try {
      const result = await adoptFramework(c.var.db, c.var.user, parsed.data);
      return redirectDone(c, editorUrls.framework(c.var.lang, result.slug), "adopted");
    } catch (error) {
      if (!isEditorError(error)) throw error;
      c.status(statusOf(error));
      const field = sameTitleField(error);
      if (field) return renderAdopt(c, id, fields, { [field]: "adoptErrSameTitle" });
      return renderAdopt(c, id, fields, undefined, commandMessage(messages(c.var.lang), error));
    }
  });

  // ── details ──────────────────────────────────────────────────────────────────────────────────
  const renderDetails = async (
    c: EditorContext,
    framework: Framework,
    seen: string,
    values: FrameworkFormValues & Record<string, string | null | undefined>,
    extra: { errors?: FieldErrors; message?: string } = {},
  ) =>
    c.render(
      <DetailsPage
        lang={c.var.lang}
        framework={framework}
        seen={seen}
        values={values}
        notice={noticeOf(c)}
        notes={flagNotes(c.var.lang, await outdatedOf(c.var.db, framework.id, null), values)}
        {...extra}
      />,
      {
        lang: c.var.lang,
        title: messages(c.var.lang).editorDetails,
      },
    );

  app.get("/frameworks/:slug/details", requirePermission("framework.edit"), async (c) => {
    const framework = await loadFramework(c);
    return framework ? renderDetails(c, framework, framework.updated_at, framework) : c.notFound();
  });

  app.post("/frameworks/:slug/details", requirePermission("framework.edit"), async (c) => {
    const framework = await loadFramework(c);
    if (!framework) return c.notFound();
    const fields = await formFields(c);
    const parsed = parseForm(frameworkDetailsSchema, fields);
    const seen = fields.seen ?? "";
    if (!parsed.ok) {
      c.status(422);
      return renderDetails(c, framework, seen, fields, { errors: parsed.errors });
    }
    try {
      const result = await editFrameworkDetails(
        c.var.db,
        c.var.user,
        framework.id,
        parsed.data,
        seen,
        confirmationsOf(parsed.data, FRAMEWORK_TEXTS),
      );
      return redirectDone(
        c,
        editorUrls.details(c.var.lang, framework.slug),
        result.outcome === "done" ? "saved" : "unchanged",
      );
    } catch (error) {
      if (!isEditorError(error)) throw error;
      c.status(statusOf(error));
      const current = (await loadFramework(c)) ?? framework;
      const field = sameTitleField(error);
      return renderDetails(
        c,
        framework,
        current.updated_at,
        fields,
        field ? { errors: { [field]: "adoptErrSameTitle" } } : { message: commandMessage(messages(c.var.lang), error) },
      );
    }
  });

  return app;
}
