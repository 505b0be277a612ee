// search (src/search): the search page, its results, and the search API's error messages.

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("en-CA");
const number = (n: number) => numberFormat.format(n);

export const search = {
  searchTitle: "Search",
  searchTitleFor: (query: string) => `Search: ${query}`,
  searchHeading: "Search the index",
  searchIntro:
    "Find categories, areas, competencies and knowledge, skills and abilities, in English or French. Accents and capitals do not matter, and the beginning of a word is enough.",
  searchResultCount: (n: number, query: string) =>
    n === 1 ? `1 result for “${query}”` : `${number(n)} results for “${query}”`,
  searchNoResults: (query: string) => `No results for “${query}”`,
  searchShowingBest: (shown: number) => `Showing the ${number(shown)} best matches.`,
  searchShortened: (max: number) => `Your search was shortened to its first ${number(max)} characters.`,
  searchTermsIgnored: (max: number, ignored: number) =>
    ignored === 1
      ? `Only the first ${number(max)} words were searched; 1 more was left out.`
      : `Only the first ${number(max)} words were searched; ${number(ignored)} more were left out.`,
  searchSuggestionsHeading: "Suggestions",
  searchSuggestSpelling: "Check the spelling, or type only the beginning of a word.",
  searchSuggestFewerWords: "Use fewer words, or more general ones.",
  searchSuggestOtherLanguage: "Try the word in French: both languages are searched.",
  searchSuggestBrowse: "Browse the categories and areas",
  searchEmpty: "Type a word or the beginning of one. For example:",
  searchExamples: "partnership|budget|médias sociaux",
  searchOtherLanguageMatch: "In French:",
  apiSearchBadLang: "The language (lang) must be en or fr.",
  apiSearchBadLimit: (max: number) => `The limit must be a whole number from 1 to ${number(max)}.`,
} as const;
