/** The settings fields an organisation is created and edited with (the form kit's fields). */
import { type Lang, messages } from "../../i18n/index.ts";
import { timeZoneChoices } from "../../i18n/zones.ts";
import { RadioGroup, SelectField, TextField } from "../../ui/forms/index.ts";
import { NAME_MAX, SLUG_MAX } from "./schemas.ts";

export function langLabel(lang: Lang, value: string): string {
  const t = messages(lang);
  return value === "fr" ? t.orgLangFr : t.orgLangEn;
}

/**
 * The organisation's time zone (decision 054): blank for the site's, then the Canadian zones, then
 * every zone the server knows (IANA names, untranslated: they are what people search the list for).
 */
export function TimeZoneField(props: { lang: Lang; instanceZone: string }) {
  const t = messages(props.lang);
  const { canadian, all } = timeZoneChoices();
  const choice = (zone: string) => ({ value: zone, label: zone.replaceAll("_", " ") });
  return (
    <SelectField
      name="time_zone"
      label={t.orgTimeZoneLabel}
      hint={t.orgTimeZoneHint}
      options={[
        { value: "", label: t.orgTimeZoneDefault(props.instanceZone) },
        { label: t.orgTimeZoneCanada, choices: canadian.map(choice) },
        { label: t.orgTimeZoneAll, choices: all.map(choice) },
      ]}
    />
  );
}

export function OrganisationFields(props: { lang: Lang; slugNote?: string; instanceZone?: string }) {
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
      {/* Only where an organisation is edited: a new one starts with the site's zone. */}
      {props.instanceZone !== undefined && <TimeZoneField lang={props.lang} instanceZone={props.instanceZone} />}
    </>
  );
}
