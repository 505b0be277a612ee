/**
 * The text rule (src/text/rules.ts) as import problems: every importer reports a refused value the
 * same way, naming where it is (a JSON pointer, a cell, a line) and the field.
 */
import { checkText, type TextIssue, type TextKind } from "../text/rules.ts";
import type { ImportedFramework, ImportedItem, Problem } from "./model.ts";

const CHARACTER_CODES = {
  bidi: "rule.bidi_control",
  control: "rule.control_character",
  broken: "rule.broken_character",
} as const;

export function textProblem(issue: TextIssue, where: string, field: string): Problem {
  const error = (code: string, params: Problem["params"] = {}): Problem => ({
    where,
    code,
    params: { field, ...params },
    severity: "error",
  });
  switch (issue.rule) {
    case "character":
      return error(CHARACTER_CODES[issue.class], { char: issue.char, position: issue.position });
    case "lineBreak":
      return error("rule.line_break");
    case "tooLong":
      return error("rule.too_long", { length: issue.length, max: issue.max });
    case "html":
      return error("rule.html");
    case "badLink":
      return error("rule.bad_link");
  }
}

/** The problem with one value, if the rule of its kind refuses it. */
export function checkField(
  value: string | null | undefined,
  kind: TextKind,
  where: string,
  field: string,
): Problem | null {
  if (value === null || value === undefined) return null;
  const issue = checkText(value, kind);
  return issue ? textProblem(issue, where, field) : null;
}

const MAX_REPORTED = 200;

/**
 * Every text of a framework an importer produced, checked against the rule before anything is
 * written: the last line of defence for a path that forgot to check (parsers report with better
 * places). `where` names the item by identifier.
 */
export function checkImportedText(framework: ImportedFramework): Problem[] {
  const problems: Problem[] = [];
  const check = (value: string | null | undefined, kind: TextKind, where: string, field: string) => {
    const problem = problems.length < MAX_REPORTED ? checkField(value, kind, where, field) : null;
    if (problem) problems.push(problem);
  };
  const pair = (text: { en: string | null; fr: string | null }, kind: TextKind, where: string, field: string) => {
    check(text.en, kind, where, `${field}_en`);
    check(text.fr, kind, where, `${field}_fr`);
  };
  pair(framework.title, "title", "framework", "title");
  pair(framework.description, "description", "framework", "description");
  check(framework.publisher, "publisher", "framework", "publisher");
  check(framework.version, "version", "framework", "version");
  check(framework.licence, "licence", "framework", "licence");
  for (const type of framework.itemTypes) {
    check(type.code, "typeCode", `type ${type.code.slice(0, 60)}`, "code");
    pair(type.label, "label", `type ${type.code.slice(0, 60)}`, "label");
  }
  const stack: ImportedItem[] = [...framework.children];
  while (stack.length > 0 && problems.length < MAX_REPORTED) {
    const item = stack.pop() as ImportedItem;
    check(item.code, "code", item.id, "code");
    pair(item.statement, "statement", item.id, "statement");
    pair(item.description, "description", item.id, "description");
    for (const child of item.children) stack.push(child);
  }
  return problems;
}
