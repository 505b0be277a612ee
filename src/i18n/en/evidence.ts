// evidence (src/assessments/evidence): links and files that support an assessment

const numberFormat = new Intl.NumberFormat("en-CA", { maximumFractionDigits: 1 });
const number = (n: number) => numberFormat.format(n);

export const evidence = {
  evidenceTitle: "Evidence",
  evidenceAbout: (person: string, cycle: string) => `${person}'s assessment, ${cycle}.`,
  evidenceIntro:
    "Evidence shows what the assessment rests on: a link to a page, or a file such as a report, a program, a certificate or a photo of a display. It can support one competency or the whole assessment.",
  evidenceListHeading: "Evidence so far",
  evidenceNone: "No evidence yet.",
  evidenceColumnTitle: "Evidence",
  evidenceColumnSupports: "Supports",
  evidenceColumnAdded: "Added",
  evidenceColumnActions: "Actions",
  evidenceWhole: "The whole assessment",
  evidenceLinkTo: (host: string) => `Link to ${host}`,
  evidenceFileAbout: (name: string, size: string) => `File ${name}, ${size}`,
  evidenceSize: (bytes: number) =>
    bytes < 1024 * 1024 ? `${number(Math.max(bytes / 1024, 0.1))} kB` : `${number(bytes / (1024 * 1024))} MB`,
  evidenceDownload: "Download",
  evidenceDownloadLabel: (title: string) => `Download: ${title}`,
  evidenceRemove: "Remove",
  evidenceRemoveLabel: (title: string) => `Remove: ${title}`,
  evidenceRemoveTitle: "Remove this evidence?",
  evidenceRemoveBody: (title: string) =>
    `“${title}” will no longer support the assessment. Its removal is kept in the assessment's history.`,
  evidenceRemoveConfirm: "Remove it",
  evidenceRemoveCancel: "Keep it",
  evidenceAddLinkHeading: "Add a link",
  evidenceLinkTitleLabel: "What the link shows",
  evidenceLinkUrlLabel: "Web address",
  evidenceLinkUrlHint: "Starting with https:// or http://",
  evidenceAddLink: "Add the link",
  evidenceAddFileHeading: "Add a file",
  evidenceFileLabel: "File",
  evidenceFileHint: (mb: number) =>
    `PDF, image (PNG, JPEG, GIF, WebP), plain text or CSV, Word, Excel or PowerPoint, or OpenDocument; at most ${number(mb)} MB. Web pages and SVG images are not accepted.`,
  evidenceFileTitleLabel: "Title (optional)",
  evidenceFileTitleHint: "Without one, the file's name is shown.",
  evidenceAddFile: "Add the file",
  evidenceItemLabel: "Supports",
  evidenceAdded: "Evidence added.",
  evidenceRemoved: "Evidence removed.",
  evidenceReadOnly:
    "You can see this evidence; adding or removing it is for the person during their self-assessment and for the reviewer during the review.",
  evidenceClosed: "Evidence can no longer be added or removed at this step of the assessment.",
  evidenceErrUrl: "Enter a web address starting with https:// or http://.",
  evidenceErrNoFile: "Choose a file.",
  evidenceErrEmpty: "This file is empty.",
  evidenceErrTooLarge: (mb: number) =>
    `This file is larger than ${number(mb)} MB. Send a smaller one, or a link to it.`,
  evidenceErrTotal: (totalMb: number, usedMb: number) =>
    `This assessment's files may hold ${number(totalMb)} MB in all, and ${number(usedMb)} MB are already attached. Remove a file you no longer need, or send a link instead.`,
  evidenceErrNotAllowed:
    "This kind of file is not accepted (its content was checked, not its name). Send a PDF, an image, plain text, or an office document.",
  evidenceErrMarkup:
    "Web pages, SVG images and XML files are not accepted: they can run scripts. Save it as a PDF instead.",
  evidenceErrItem: "Choose one of this assessment's competencies.",
};
