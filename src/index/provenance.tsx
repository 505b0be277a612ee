import type { FrameworkView } from "../editions/catalog.ts";
import { type Lang, messages } from "../i18n/index.ts";
import { Text } from "../ui/text.tsx";
import { urls } from "../ui/urls.ts";

/** "Adopted from edition N of …" for an adopted framework, linking to that edition of its source. */
export function AdoptedFromNote(props: { lang: Lang; view: FrameworkView }) {
  const from = props.view.adoptedFrom;
  if (!from) return null;
  const t = messages(props.lang);
  return (
    <p class="meta adopted-from">
      {t.readerAdoptedFrom(from.edition)}{" "}
      <a href={`${urls.editions(props.lang, from.slug)}/${from.edition}`}>
        <Text text={from.title} lang={props.lang} />
      </a>
      .
    </p>
  );
}
