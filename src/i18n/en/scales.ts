// proficiency scales (src/profiles/scales): the organisation's scale, its levels and the
// per-competency level descriptors.

const number = (n: number) => new Intl.NumberFormat("en-CA").format(n);

export const scales = {
  scaleTitle: "Proficiency scale",
  scaleIntroDefault: "This organisation uses the site’s default scale.",
  scaleIntroOwn: "This organisation uses a scale of its own.",
  scaleLevelsCaption: (name: string) => `Levels — ${name}`,
  scaleColumnNumber: "Level",
  scaleColumnLabel: "Name",
  scaleColumnDescriptor: "What it looks like",
  scaleChooseHeading: "Choose the scale",
  scaleChooseLabel: "Which scale does this organisation use?",
  scaleChooseDefault: "The site’s default scale",
  scaleChooseOwn: "A scale of our own (starts as a copy of the default)",
  scaleChooseButton: "Use this scale",
  scaleChosenDefault: "The organisation now uses the default scale.",
  scaleChosenOwn: "The organisation now uses its own scale. Adjust its levels below.",
  scaleEditHeading: "Define the levels",
  scaleEditIntro:
    "Between two and ten levels, lowest first. Moving or removing a level takes effect when you save; job profiles that target a level follow it.",
  scaleNameEn: "Name of the scale in English",
  scaleNameFr: "Name of the scale in French",
  scaleDescriptionEn: "Description in English",
  scaleDescriptionFr: "Description in French",
  scaleLevelLegend: (n: number) => `Level ${number(n)}`,
  scaleLevelLabelEn: "Name in English",
  scaleLevelLabelFr: "Name in French",
  scaleLevelDescriptorEn: "General descriptor in English",
  scaleLevelDescriptorFr: "General descriptor in French",
  scaleMoveUp: "Move up",
  scaleMoveDown: "Move down",
  scaleRemove: "Remove",
  scaleMoveUpLabel: (n: number) => `Move level ${number(n)} up`,
  scaleMoveDownLabel: (n: number) => `Move level ${number(n)} down`,
  scaleRemoveLabel: (n: number) => `Remove level ${number(n)}`,
  scaleAddLevel: "Add a level",
  scaleSave: "Save the scale",
  scaleUnsaved: "Not saved yet: check the levels, then save the scale.",
  scaleSaved: "The scale was saved.",
  scaleOutdated:
    "Someone saved this scale while you were editing it. Here it is as it is now; make your changes again.",
  scaleLevelCount: (min: number, max: number) => `A scale has between ${number(min)} and ${number(max)} levels.`,
  scaleLevelNumbers: "Levels are numbered from 1, with no gap and no repeat.",
  scaleLabelRepeated: (n: number) => `Level ${number(n)} already has this name.`,
  scaleLevelsInUse: (levels: string) =>
    `Job profiles target level ${levels}: keep it, or change those profiles before you remove it.`,
  scaleDescriptorsHeading: "Levels for a competency",
  scaleDescriptorsIntro:
    "Describe what each level looks like for one competency. Where you write nothing, the level’s general descriptor applies.",
  scaleDescriptorsDefaultNote:
    "The default scale’s descriptors are the site’s. Choose a scale of your own to write your organisation’s.",
  scaleSearchLabel: "Find a competency",
  scaleSearchHint: "Words of its statement or its code.",
  scaleSearchButton: "Find",
  scaleSearchResults: (n: number) => (n === 1 ? "1 competency found" : `${number(n)} competencies found`),
  scaleSearchNone: "No competency matches these words.",
  scaleCompetencyTitle: (statement: string) => `Levels for: ${statement}`,
  scaleCompetencyFramework: "Framework",
  scaleBackToScale: "Back to the scale",
  scaleCompetencyLevelLegend: (n: number, label: string) => `Level ${number(n)}: ${label}`,
  scaleCompetencyGeneral: (text: string) => `General descriptor: ${text}`,
  scaleCompetencyDescriptorEn: "For this competency, in English",
  scaleCompetencyDescriptorFr: "For this competency, in French",
  scaleCompetencyNone: "No descriptor of its own: the general descriptor applies.",
  scaleCompetencySave: "Save the descriptors",
  scaleDefaultCompetencyTitle: (statement: string) => `Default scale, levels for: ${statement}`,
  scaleDefaultCompetencyIntro:
    "These descriptors belong to the site’s default scale: every organisation that uses it sees them, and the public CASE export publishes them. Leave a level empty and its general descriptor applies.",
  scaleDefaultCompetencyEdit: "Edit this competency’s descriptors on the default scale",
  scaleRubricHeading: "Import levels from CASE",
  scaleRubricLabel: "A CASE CFRubric, or a CASE package with one (JSON)",
  scaleRubricHint:
    "Its first rubric’s levels replace your own scale’s levels, in order; French missing from the package repeats the English until you correct it.",
  scaleRubricImport: "Import the levels",
  scaleRubricNotJson: "This is not JSON: paste the CFRubric or the CASE package as exported.",
  scaleRubricMissing: "No CFRubric with levels was found in this JSON.",
  scaleRubricInvalid: (n: number) =>
    n <= 1
      ? "The rubric’s levels do not make a valid scale (1 problem)."
      : `The rubric’s levels do not make a valid scale (${number(n)} problems).`,
  scaleCompetencySaved: "The descriptors were saved.",
};
