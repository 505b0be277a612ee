// upkeep (src/editions, src/editor): bilingual edition summaries and translations that may be out of date.

const number = (n: number) => new Intl.NumberFormat("en-CA").format(n);

export const upkeep = {
  upkeepSummaryEn: "What changed, in English",
  upkeepSummaryFr: "What changed, in French",
  upkeepSummaryHint:
    "Required in both languages. One or two sentences readers will see, for example “Revised the Budget and Finance area.”",
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
  upkeepNothingOutdated: "No text changed in one language only since it was last checked.",
  upkeepText: "Text",
  upkeepToCheck: "To check",
  upkeepChanged: "What changed",
  upkeepChangedBy: (lang: string, date: string, who: string) => `${lang} changed ${date} by ${who}`,
  upkeepChangedOn: (lang: string, date: string) => `${lang} changed ${date}`,
  upkeepConfirm: "Still correct",
  upkeepConfirmWhat: (text: string) => `Still correct: ${text}`,
  upkeepFlag: (changed: string) => `May be out of date: the ${changed} was changed since this was last checked.`,
  upkeepConfirmOnSave: "It is still correct (clear the flag when saving)",
  upkeepLangEnglish: "English",
  upkeepLangFrench: "French",
  upkeepEnglishText: "English text",
  upkeepFrenchText: "French text",
  upkeepFramework: "The framework itself",
  upkeepDoneConfirmed: "Marked as still correct.",
  upkeepPublishCount: (missing: number, outdated: number) =>
    missing === 0 && outdated === 0
      ? "Translations: nothing is missing and nothing is waiting to be checked."
      : `Translations: ${missing === 1 ? "1 item lacks" : `${number(missing)} items lack`} a language, ${
          outdated === 1 ? "1 text may be" : `${number(outdated)} texts may be`
        } out of date.`,
  upkeepSeeTranslations: "Review the translations",
} as const;
