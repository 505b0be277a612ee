/**
 * The password rules, shared by every place a password is chosen (invitation, change, CLI):
 * at least 12 characters, at most 128, and not common or easy to guess. "Common" is checked
 * against zxcvbn-ts's maintained list of leaked passwords; "easy to guess" is zxcvbn's score
 * (below 3 means keyboard walks, repeats, sequences, or a common word with digits appended).
 * A password containing the person's own name or email address (or a word of either) is refused
 * outright, whatever its score: it is the first thing someone who knows them would try.
 */
import { createRequire } from "node:module";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

// The dictionaries are half a megabyte of code: loaded on the first password check, not at start-up
// (decision 019). require() keeps checkNewPassword synchronous; both packages ship CommonJS.
const require = createRequire(import.meta.url);

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "tooShort" | "tooLong" | "tooCommon" | "personal";

let estimator: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

function load(): { estimator: ZxcvbnFactory; commonPasswords: Set<string> } {
  if (!estimator || !commonPasswords) {
    const { ZxcvbnFactory } = require("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
    const common = require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
    estimator = new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
    commonPasswords = new Set((common.dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  }
  return { estimator, commonPasswords };
}

/** Length counts characters as people see them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** Lower case, accents dropped, only letters and digits: "Émilie O'Brien" → "emilieobrien". */
function folded(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * The pieces of the person's details a password may not contain: each whole detail (email, its
 * local part, the name) from 3 characters, and each word of them from 4 (shorter words turn up
 * inside unrelated words too often to refuse).
 */
function personalPieces(related: string[]): string[] {
  const pieces = new Set<string>();
  for (const detail of related) {
    const local = detail.includes("@") ? detail.slice(0, detail.lastIndexOf("@")) : detail;
    for (const whole of [detail, local].map(folded)) if (whole.length >= 3) pieces.add(whole);
    for (const word of local.split(/[\s@._+'’-]+/).map(folded)) if (word.length >= 4) pieces.add(word);
  }
  return [...pieces];
}

/** True when the password contains the person's name, email address, or a word of either. */
export function containsPersonalDetails(password: string, related: string[]): boolean {
  const text = folded(password);
  return personalPieces(related).some((piece) => text.includes(piece));
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
  if (containsPersonalDetails(password, related)) return "personal";
  const inputs = related.flatMap((word) => word.toLowerCase().split(/[@._+\s-]+/)).filter((w) => w.length >= 3);
  if (estimator.check(password, inputs).score < 3) return "tooCommon";
  return null;
}
