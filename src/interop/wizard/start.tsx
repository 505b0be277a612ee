/** Renders the wizard's first page with the drafts an import can go into. */
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { messages, otherLang } from "../../i18n/index.ts";
import { listImportTargets } from "../draft-store.ts";
import { renderPage, type Status, uploadLimits } from "./render.ts";
import { StartPage, type StartProps } from "./start-view.tsx";
import { wizardUrls } from "./urls.ts";

export type StartOverrides = Omit<StartProps, "lang" | "targets" | "maxUploadMb">;

export async function renderStart(c: Context<AppEnv>, props: StartOverrides, status: Status = 200) {
  const lang = c.var.lang;
  const targets = await listImportTargets(c.var.db);
  return renderPage(
    c,
    <StartPage
      lang={lang}
      targets={targets}
      maxUploadMb={uploadLimits(c.var.config.importParse.maxBytes).mb}
      {...props}
    />,
    messages(lang).importTitle,
    status,
    wizardUrls.start(otherLang(lang)),
  );
}
