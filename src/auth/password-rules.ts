/**
 * The password rules, shared by every place a password is chosen (invitation, change, CLI):
 * at least 12 characters, at most 128, and not common or easy to guess. "Common" is checked
 * against zxcvbn-ts's maintained list of leaked passwords; "easy to guess" is zxcvbn's score
 * (below 3 means keyboard walks, repeats, sequences, or a common word with digits appended).
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "tooShort" | "tooLong" | "tooCommon";

let estimator: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

function load(): { estimator: ZxcvbnFactory; commonPasswords: Set<string> } {
  if (!estimator || !commonPasswords) {
    estimator = new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
    commonPasswords = new Set((common.dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  }
  return { estimator, commonPasswords };
}

/** Length counts characters as people see them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * Returns what is wrong with a new password, or null when it is acceptable.
 * `related` holds words the person's own details give away (their email, their name).
 */
export function checkNewPassword(password: string, related: string[] = []): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const { estimator, commonPasswords } = load();
  if (commonPasswords.has(password.toLowerCase())) return "tooCommon";
  const inputs = related.flatMap((word) => word.toLowerCase().split(/[@._+\s-]+/)).filter((w) => w.length >= 3);
  if (estimator.check(password, inputs).score < 3) return "tooCommon";
  return null;
}
