/**
 * An assessment's evidence (decision 043), under /{lang}/orgs/:org/assessments/:assessment/evidence:
 *   GET  /                  the list and the forms (until the assessment's own page includes them)
 *   POST /links             add a link
 *   POST /files             add a file (multipart; the body is limited before it is read: see
 *                           evidenceBodyRules, listed in src/app.tsx)
 *   GET  /:evidence         download a file: as an attachment, with the type its bytes showed,
 *                           never sniffed by the browser, sandboxed, never cached
 *   POST /:evidence/remove  asks first (without confirm=yes), then removes
 * Who: whoever may read the assessment lists and downloads (each view by anyone but the person is
 * in the access log); the person adds and removes while assessing themself, the reviewer during the
 * review (rights.ts). An assessment one may not read, or another organisation's, is unknown (404).
 */
import { type Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import { type Lang, type Messages, messages, otherLang } from "../../i18n/index.ts";
import { recordAccess } from "../../people/access-log.ts";
import { type OrganisationEnv, organisationTimeZone, refuse } from "../../people/context.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { bodyOf, frameOf } from "../../people/organisations/routes.tsx";
import type { OrganisationActor } from "../../policy/index.ts";
import { refusalResponse } from "../../policy/refusal.tsx";
import type { BodyRule } from "../../security/body-limit.ts";
import { type FieldErrors, type FormValues, parseForm } from "../../ui/forms/index.ts";
import { switchLangPath } from "../../ui/urls.ts";
import { type AssessmentAccess, assessedCompetencies, loadAssessmentAccess } from "./access.ts";
import { attachmentDisposition } from "./file-name.ts";
import { megabytesOf } from "./file-types.ts";
import { addRight, mayRead, mayRemove } from "./rights.ts";
import { fileForm, linkForm } from "./schemas.ts";
import { checkEvidenceFile, type FileRefusal } from "./sniff.ts";
import {
  addFile,
  addLink,
  EvidenceTotalExceeded,
  findEvidence,
  listEvidence,
  readEvidenceFile,
  removeEvidence,
  UnknownCompetencyError,
} from "./store.ts";
import { evidenceUrls } from "./urls.ts";
import { type EvidenceFormName, EvidencePage, RemoveEvidencePage } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;
type Status = 200 | 400 | 403 | 413 | 415 | 422;

const FILES_ROUTE = /^POST \/(?:en|fr)\/orgs\/[^/]+\/assessments\/[^/]+\/evidence\/files$/;
/** Room for the form's other fields and the multipart framing around the file. */
const FORM_OVERHEAD = 64 * 1024;

/** The file upload may carry up to the configured limit (the app's body limits list this before their default). */
export const evidenceBodyRules = (maxBytes: number): readonly BodyRule[] => [
  {
    route: FILES_ROUTE,
    maxBytes: maxBytes + FORM_OVERHEAD,
    tooLarge: (t: Messages) => t.evidenceErrTooLarge(megabytesOf(maxBytes)),
  },
];

const REFUSALS: Record<FileRefusal, { key: keyof Messages; status: Status }> = {
  empty: { key: "evidenceErrEmpty", status: 422 },
  too_large: { key: "evidenceErrTooLarge", status: 413 },
  not_allowed: { key: "evidenceErrNotAllowed", status: 415 },
  markup: { key: "evidenceErrMarkup", status: 415 },
};

const actorOf = (c: Ctx) => c.var.orgActor as OrganisationActor;
const urlsOf = (c: Ctx, access: AssessmentAccess) => evidenceUrls(c.var.lang, c.var.organisation.slug, access.id);

/** The assessment, when the reader may read it; otherwise the refusal to answer with. */
async function readable(c: Ctx): Promise<AssessmentAccess | Response> {
  const organisationId = c.var.organisation.id;
  const access = await loadAssessmentAccess(c.var.db, organisationId, c.req.param("assessment") ?? "");
  const unknown = { kind: "assessment", organisationId, personId: "", managerChain: [], reviewerId: null } as const;
  if (!access) return refuse(c, unknown);
  if (!mayRead(c.var.orgActor, access)) return refuse(c, access.resource);
  return access;
}

/** A view of someone else's assessment goes to the access log (src/people/access-log.ts). */
async function logView(c: Ctx, access: AssessmentAccess) {
  const { organisationId, personId, managerChain } = access.resource;
  await recordAccess(c.var.db, {
    actor: actorOf(c),
    resource: { kind: "person", organisationId, personId, managerChain },
    what: "assessment",
    path: c.req.path,
    requestId: c.var.requestId,
  });
}

function render(c: Ctx, view: Child, title: string, status: Status = 200) {
  const lang: Lang = c.var.lang;
  c.status(status);
  c.header("cache-control", "private, no-store");
  const alternate = c.req.method === "GET" ? switchLangPath(c.req.path, otherLang(lang)) : undefined;
  return c.render(view, { lang, title, alternate, hideHeaderSearch: true });
}

async function evidencePage(
  c: Ctx,
  access: AssessmentAccess,
  options: {
    status?: Status;
    notice?: string;
    form?: { name: EvidenceFormName; errors?: FieldErrors; values?: FormValues };
    back?: string;
  } = {},
) {
  const t = messages(c.var.lang);
  const actor = actorOf(c);
  const entries = await listEvidence(c.var.db, access.id);
  const right = addRight(actor, access);
  const removable = new Set(entries.filter((e) => mayRemove(actor, access, e)).map((e) => e.id));
  return render(
    c,
    <EvidencePage
      frame={frameOf(c)}
      lang={c.var.lang}
      urls={urlsOf(c, access)}
      entries={entries}
      competencies={await assessedCompetencies(c.var.db, access.id)}
      right={right === "add" ? "add" : right === "closed" ? "closed" : "read"}
      removable={removable}
      maxMb={megabytesOf(c.var.config.evidence.maxBytes)}
      timeZone={organisationTimeZone(c)}
      personName={access.personName}
      cycleName={access.cycleName[c.var.lang]}
      notice={options.notice}
      form={options.form}
      back={options.back}
    />,
    t.evidenceTitle,
    options.status,
  );
}

/** The reader may add now; otherwise the refusal (closed: theirs to add, not at this step). */
function addRefusal(c: Ctx, access: AssessmentAccess): Response | Promise<Response> | undefined {
  const right = addRight(c.var.orgActor, access);
  if (right === "add") return undefined;
  const t = messages(c.var.lang);
  return refusalResponse(c, 403, "forbidden", right === "closed" ? t.evidenceClosed : undefined);
}

const DONE = { added: "evidenceAdded", removed: "evidenceRemoved" } as const;

/** A `back` the form carried, if it is an address of this assessment's own pages (never elsewhere). */
function backOf(c: Ctx, access: AssessmentAccess, body: Record<string, unknown>): string | undefined {
  const back = body.back;
  const own = `/${c.var.lang}/orgs/${encodeURIComponent(c.var.organisation.slug)}/assessments/${encodeURIComponent(access.id)}`;
  if (typeof back !== "string" || back.length > 500 || !/^[A-Za-z0-9\-._~/?=&#%]*$/.test(back)) return undefined;
  return back === own || back.startsWith(`${own}/`) || back.startsWith(`${own}?`) || back.startsWith(`${own}#`)
    ? back
    : undefined;
}

const backToPage = (c: Ctx, access: AssessmentAccess, done: keyof typeof DONE, body: Record<string, unknown>) =>
  c.redirect(backOf(c, access, body) ?? `${urlsOf(c, access).page}?done=${done}`, 303);

const textValues = (body: Record<string, unknown>): FormValues =>
  Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"));

export function evidenceRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();

  app.get("/:assessment/evidence", async (c) => {
    const access = await readable(c);
    if (access instanceof Response) return access;
    await logView(c, access);
    const done = c.req.query("done");
    const notice = done && done in DONE ? messages(c.var.lang)[DONE[done as keyof typeof DONE]] : undefined;
    return evidencePage(c, access, { notice });
  });

  app.post("/:assessment/evidence/links", async (c) => {
    const access = await readable(c);
    if (access instanceof Response) return access;
    const refused = addRefusal(c, access);
    if (refused) return refused;
    const body = await bodyOf(c);
    const parsed = parseForm(linkForm, body);
    const form = (errors: FieldErrors) => ({ name: "link" as const, errors, values: textValues(body) });
    const back = backOf(c, access, body);
    if (!parsed.ok) return evidencePage(c, access, { status: 400, form: form(parsed.errors), back });
    try {
      await addLink(
        c.var.db,
        { assessmentId: access.id, itemId: parsed.data.item, title: parsed.data.title, url: parsed.data.url },
        authorOf(actorOf(c)),
      );
    } catch (error) {
      if (error instanceof UnknownCompetencyError)
        return evidencePage(c, access, { status: 400, form: form({ item: "evidenceErrItem" }), back });
      throw error;
    }
    return backToPage(c, access, "added", body);
  });

  app.post("/:assessment/evidence/files", async (c) => {
    const access = await readable(c);
    if (access instanceof Response) return access;
    const refused = addRefusal(c, access);
    if (refused) return refused;
    const body = await bodyOf(c);
    const values = textValues(body);
    const maxBytes = c.var.config.evidence.maxBytes;
    const fail = (status: Status, errors: FieldErrors) =>
      evidencePage(c, access, { status, form: { name: "file", errors, values }, back: backOf(c, access, body) });
    const parsed = parseForm(fileForm, values);
    if (!parsed.ok) return fail(400, parsed.errors);
    const file = body.file;
    if (!(file instanceof File) || (file.size === 0 && file.name === ""))
      return fail(422, { file: "evidenceErrNoFile" });
    // A file over the limit is refused on its declared size, before its bytes are copied.
    const verdict =
      file.size > maxBytes
        ? ({ ok: false, reason: "too_large" } as const)
        : checkEvidenceFile(new Uint8Array(await file.arrayBuffer()), maxBytes);
    if (!verdict.ok) {
      const refusal = REFUSALS[verdict.reason];
      const message =
        refusal.key === "evidenceErrTooLarge" ? { key: refusal.key, args: [megabytesOf(maxBytes)] } : refusal.key;
      return fail(refusal.status, { file: message as FieldErrors[string] });
    }
    try {
      await addFile(
        c.var.db,
        {
          assessmentId: access.id,
          itemId: parsed.data.item,
          title: parsed.data.title,
          sentName: file.name,
          kind: verdict.kind,
          mediaType: verdict.mediaType,
          bytes: new Uint8Array(await file.arrayBuffer()),
        },
        authorOf(actorOf(c)),
        new Date(),
        c.var.config.evidence.totalMaxBytes,
      );
    } catch (error) {
      if (error instanceof UnknownCompetencyError) return fail(400, { item: "evidenceErrItem" });
      if (error instanceof EvidenceTotalExceeded) {
        const total = megabytesOf(c.var.config.evidence.totalMaxBytes);
        const used = megabytesOf(error.usedBytes);
        return fail(413, { file: { key: "evidenceErrTotal", args: [total, used] } as FieldErrors[string] });
      }
      throw error;
    }
    return backToPage(c, access, "added", body);
  });

  app.get("/:assessment/evidence/:evidence", async (c) => {
    const access = await readable(c);
    if (access instanceof Response) return access;
    const file = await readEvidenceFile(c.var.db, access.id, c.req.param("evidence"));
    if (!file) return c.notFound();
    await logView(c, access);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": file.mediaType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": attachmentDisposition(file.fileName),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "private, no-store",
    });
  });

  app.post("/:assessment/evidence/:evidence/remove", async (c) => {
    const access = await readable(c);
    if (access instanceof Response) return access;
    const entry = await findEvidence(c.var.db, access.id, c.req.param("evidence"));
    if (!entry) return c.notFound();
    if (!mayRemove(c.var.orgActor, access, entry)) {
      const closed = addRight(c.var.orgActor, access) === "closed";
      return refusalResponse(c, 403, "forbidden", closed ? messages(c.var.lang).evidenceClosed : undefined);
    }
    const body = await bodyOf(c);
    if (body.confirm !== "yes") {
      const t = messages(c.var.lang);
      return render(
        c,
        <RemoveEvidencePage lang={c.var.lang} urls={urlsOf(c, access)} entry={entry} back={backOf(c, access, body)} />,
        t.evidenceRemoveTitle,
      );
    }
    await removeEvidence(c.var.db, access.id, entry.id, authorOf(actorOf(c)));
    return backToPage(c, access, "removed", body);
  });

  return app;
}
