import { type Lang, messages } from "../i18n/index.ts";
import { urls } from "./urls.ts";

/** 404 and 500 pages say everything in the visitor's language and link back home. */
export function ErrorPage(props: { lang: Lang; kind: "notFound" | "error" }) {
  const t = messages(props.lang);
  const [title, body] = props.kind === "notFound" ? [t.notFoundTitle, t.notFoundBody] : [t.errorTitle, t.errorBody];
  return (
    <>
      <h1>{title}</h1>
      <p class="lead">{body}</p>
      <p>
        <a href={urls.home(props.lang)}>{t.goHome}</a>
      </p>
    </>
  );
}
