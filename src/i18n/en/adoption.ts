// adoption (src/adoption, the editor's upstream pages): an adopted copy against its source, and what readers see of it.

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("en-CA");
const number = (n: number) => numberFormat.format(n);

export const adoption = {
  adoptWaitingLink: (waiting: number, conflicts: number) =>
    waiting === 0
      ? "Changes upstream (none waiting)"
      : `Changes upstream (${number(waiting)} waiting${conflicts === 0 ? "" : conflicts === 1 ? ", 1 conflict" : `, ${number(conflicts)} conflicts`})`,
  adoptFromLine: (source: string, edition: number) => `Adopted from “${source}”, edition ${number(edition)}.`,
  adoptCaughtUp: (caughtUp: number, latest: number) =>
    caughtUp >= latest
      ? `Your copy has caught up with edition ${number(latest)}, the latest.`
      : `Your copy has caught up with edition ${number(caughtUp)}; the latest is edition ${number(latest)}.`,
  adoptWaiting: (waiting: number, conflicts: number) =>
    `${waiting === 1 ? "1 change waits" : `${number(waiting)} changes wait`} for a decision${
      conflicts === 0 ? "" : conflicts === 1 ? ", 1 of them a conflict" : `, ${number(conflicts)} of them conflicts`
    }.`,
  adoptConflict: "Conflict",
  adoptConflictBothChanged:
    "Changed upstream and in your copy. The rows marked “conflict” differ on both sides; other local edits stay whatever you choose.",
  adoptConflictRemovedLocally: "Changed upstream, but deleted from your copy.",
  adoptConflictEditedLocally:
    "Removed upstream, but edited in your copy, or something under it was added or edited there.",
  adoptConflictAddedBoth: "Added upstream, and your copy already holds it with other values.",
  adoptColumnBase: (edition: number) => `Upstream before (edition ${number(edition)})`,
  adoptColumnTheirs: (edition: number) => `Upstream now (edition ${number(edition)})`,
  adoptFieldConflict: "conflict",
  adoptNotUpstream: "Not upstream",
  adoptParentMissing: (name: string) =>
    `Its place upstream, under “${name}”, is not in your copy: take that change first.`,
  adoptRemovesBelow: (n: number) =>
    n === 0
      ? "Taking it deletes it from your copy."
      : n === 1
        ? "Taking it deletes it from your copy, with the 1 item under it."
        : `Taking it deletes it from your copy, with the ${number(n)} items under it.`,
  adoptKeepYours: "Keep yours",
  adoptTakeUpstream: "Take upstream's",
  adoptMergeLink: "Merge field by field",
  adoptChooseFields: "Choose field by field",
  adoptDecisionsFor: (name: string) => `Decision on “${name}”`,
  adoptMergeTitle: (name: string) => `Merge “${name}”`,
  adoptMergeIntro:
    "For each field upstream changed, keep your copy's value, take upstream's, or write another. The fields upstream did not change keep your value.",
  adoptChoiceOurs: "Keep yours",
  adoptChoiceTheirs: "Take upstream's",
  adoptChoiceValue: "Write another value",
  adoptValueLabel: (field: string) => `Your value for “${field}”`,
  adoptMergeButton: "Save the merge",
  adoptBackToUpstream: "Back to the changes upstream",
  adoptErrParentMissing: "Upstream's place for this item is not in your copy. Take the change that adds it first.",
  adoptErrSameTitle: "This is the source's title. Choose one readers can tell apart from it.",
  adoptDoneMerged: "Merged into your draft.",
  editorKindLeave: "Upstream change left",
  readerAdoptedFrom: (edition: number) => `Adopted from edition ${number(edition)} of`,
} as const;
