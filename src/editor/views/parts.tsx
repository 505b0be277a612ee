/**
 * Building blocks of the editor's pages: the editor breadcrumb, statements in the page's language,
 * dates. Forms are built with the form kit (src/ui/forms).
 */
import type { Child } from "hono/jsx";
import { formatDate, formatTime, type Lang, messages } from "../../i18n/index.ts";
import { Text } from "../../ui/text.tsx";

export interface Crumb {
  href?: string;
  label: Child;
  lang?: Lang;
}

/** Where this page sits in the editor; the last crumb is the page itself. */
export function EditorCrumbs(props: { lang: Lang; crumbs: Crumb[] }) {
  const t = messages(props.lang);
  return (
    <nav class="breadcrumb" aria-label={t.editorNav}>
      <ol>
        {props.crumbs.map((crumb, index) =>
          index === props.crumbs.length - 1 ? (
            <li aria-current="page">{crumb.label}</li>
          ) : (
            <li>
              <a href={crumb.href}>{crumb.label}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** A statement in the page's language (falling back to the other one), or a placeholder. */
export function Statement(props: { lang: Lang; en: string | null; fr: string | null }) {
  if (!props.en && !props.fr) return <>{messages(props.lang).editorUntitled}</>;
  return <Text text={{ en: props.en, fr: props.fr }} lang={props.lang} />;
}

export function plainStatement(lang: Lang, text: { en: string | null; fr: string | null }): string {
  return (lang === "fr" ? (text.fr ?? text.en) : (text.en ?? text.fr)) ?? messages(lang).editorUntitled;
}

export function When(props: { lang: Lang; at: string }) {
  const time = Number.isNaN(new Date(props.at).getTime()) ? "" : formatTime(props.at, props.lang);
  return (
    <time datetime={props.at}>
      {formatDate(props.at, props.lang)} {time}
    </time>
  );
}
