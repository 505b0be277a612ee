/**
 * What a form says when the one text rule (rules.ts) refuses what was typed, for every form that
 * takes text (the editor's, the import wizard's, and any later one). Import files report the same
 * refusals as import problems instead (src/interop/text-problems.ts).
 */
import type { MessageRef } from "../i18n/index.ts";
import type { TextIssue } from "./rules.ts";

export function textIssueMessage(
  issue: TextIssue,
  /** A form may say "too long" or "HTML" in words of its own. */
  own: { tooLong?: MessageRef; html?: MessageRef } = {},
): MessageRef {
  switch (issue.rule) {
    case "character":
      return issue.class === "bidi" ? "editorErrBidi" : "editorErrControl";
    case "lineBreak":
      return "editorErrControl";
    case "tooLong":
      return own.tooLong ?? { key: "formTooLong", args: [issue.max] };
    case "html":
      return own.html ?? "editorErrHtml";
    case "badLink":
      return "editorErrBadLink";
  }
}
