// upkeep (src/editions, src/editor): bilingual edition summaries and translations that may be out of date.

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("en-CA");
const number = (n: number) => numberFormat.format(n);

export const upkeep = {
  upkeepSummaryEn: "What changed, in English",
  upkeepSummaryFr: "What changed, in French",
  upkeepSummaryHint:
    "Required in both languages: readers see the one in theirs. One or two sentences, for example “Revised the Budget and Finance area.”",
  upkeepStarterLoaded: "Starter content loaded.",
  upkeepStarterReloaded: "Starter content reloaded.",
  upkeepTranslationsTitle: "Translations to do and to check",
  upkeepTranslationsLink: "Translations",
  upkeepMissingHeading: "Missing",
  upkeepOutdatedHeading: (n: number) =>
    n === 0
      ? "Nothing may be out of date"
      : n === 1
        ? "1 text may be out of date"
        : `${number(n)} texts may be out of date`,
  upkeepOutdatedIntro:
    "One language of these texts changed and the other did not. Update the other language, or confirm it is still correct.",
  upkeepNothingOutdated: "No text has changed in one language only since it was last checked.",
  upkeepToCheck: "to check",
  upkeepEnglishText: "English",
  upkeepFrenchText: "French",
  upkeepLangEnglish: "English",
  upkeepLangFrench: "French",
  upkeepChangedBy: (lang: string, date: string, who: string) => `The ${lang} text changed on ${date}, by ${who}.`,
  upkeepChangedOn: (lang: string, date: string) => `The ${lang} text changed on ${date}.`,
  upkeepConfirm: "Still correct",
  upkeepFlag: (changed: string, date: string) =>
    `May be out of date: the ${changed} text changed on ${date} and this one did not.`,
  upkeepConfirmOnSave: "It is still correct",
  upkeepFramework: "The framework itself",
  upkeepDoneConfirmed: "Marked as still correct.",
  upkeepKindConfirm: "Translation confirmed",
  upkeepPublishCount: (missing: number, outdated: number) =>
    missing === 0 && outdated === 0
      ? "Translations: nothing is missing, nothing is waiting to be checked."
      : `Translations: ${
          missing === 0 ? "no item" : missing === 1 ? "1 item" : `${number(missing)} items`
        } in one language only; ${outdated === 0 ? "no text" : outdated === 1 ? "1 text" : `${number(outdated)} texts`} to check.`,
  upkeepSeeTranslations: "Review the translations",
} as const;
