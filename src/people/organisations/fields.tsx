/** The settings fields an organisation is created and edited with (the form kit's fields). */
import { type Lang, messages } from "../../i18n/index.ts";
import { RadioGroup, TextField } from "../../ui/forms/index.ts";
import { NAME_MAX, SLUG_MAX } from "./schemas.ts";

export function langLabel(lang: Lang, value: string): string {
  const t = messages(lang);
  return value === "fr" ? t.orgLangFr : t.orgLangEn;
}

export function OrganisationFields(props: { lang: Lang; slugNote?: string }) {
  const t = messages(props.lang);
  return (
    <>
      <TextField name="name_en" label={t.orgNameEnLabel} inputLang="en" required maxlength={NAME_MAX} />
      <TextField name="name_fr" label={t.orgNameFrLabel} inputLang="fr" required maxlength={NAME_MAX} />
      <TextField
        name="slug"
        label={t.orgSlugLabel}
        hint={t.orgSlugHint}
        note={props.slugNote}
        required
        maxlength={SLUG_MAX}
        spellcheck={false}
        autocomplete="off"
      />
      <RadioGroup
        name="default_lang"
        label={t.orgDefaultLangLabel}
        options={(["en", "fr"] as const).map((value) => ({ value, label: langLabel(props.lang, value) }))}
      />
    </>
  );
}
