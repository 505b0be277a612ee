// navigation: getting around — sibling and previous/next links, back to contents, several frameworks,
// search corrections and narrowing, and the editor's ways in (header link, Edit links, jump box).

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("en-CA");
const number = (n: number) => numberFormat.format(n);

export const navigation = {
  /** Before the parent's title (type label: title) in the list of an item's siblings. */
  navSiblingsHeading: (type: string) => `${type}:`,
  navPrevNext: "Previous and next",
  navPrevious: "Previous:",
  navNext: "Next:",
  navBackToContents: "Back to contents",
  homeFrameworksHeading: "Frameworks on this site",
  homeFrameworkItems: (n: number) => (n === 1 ? "1 item" : `${number(n)} items`),
  searchCorrected: (query: string) => `Showing results for “${query}”.`,
  searchFrameworkOf: (title: string) => `Framework: ${title}`,
  searchNarrowHeading: "Only in one framework",
  searchNarrowLink: (title: string, n: number) => `${title} (${number(n)})`,
  searchNarrowedTo: (title: string) => `Only in “${title}”.`,
  searchAllFrameworks: "Search every framework",
  searchUnknownFramework: "That framework is not published here, so every framework was searched.",
  editThis: "Edit",
  editThisLabel: (name: string) => `Edit “${name}” in the editor`,
  editorJumpLabel: "Go to an item",
  editorJumpHint: "Its code, or words from its statement, in English or French.",
  editorJumpButton: "Go",
  editorJumpTitle: "Find an item in the draft",
  editorJumpIntro: "Searches the draft, unpublished changes included.",
  editorJumpCount: (n: number, query: string) =>
    n === 1 ? `1 item matches “${query}”.` : `${number(n)} items match “${query}”.`,
  editorJumpNone: (query: string) => `No item of the draft matches “${query}”.`,
  editorJumpEmpty: "Type a code or a few words.",
  editorSlugFromTitleHint:
    "Optional: left empty, it is made from the title. Lower-case letters, digits and hyphens, for example my-library-competencies. It becomes part of the address and cannot be changed later.",
} as const;
