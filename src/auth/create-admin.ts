/**
 * `skillshelf create-admin --email ADDRESS`: the first administrator, created from the command line
 * with the same password rules as the web pages. At a terminal the password is asked twice, not
 * echoed; otherwise (`--password-stdin`) it is read from a pipe. Either way it never appears in the
 * process list or the shell history.
 */
import type { Readable } from "node:stream";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../db/schema.ts";
import { recordSecurityEvent } from "../security/events.ts";
import { createAccount, EmailTakenError } from "./accounts.ts";
import { checkNewPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from "./password-rules.ts";

/** Bad arguments (exit 2), as opposed to a refused password or a taken address (exit 1). */
export class CreateAdminUsageError extends Error {}

const PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  tooShort: `the password is too short: it needs at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `the password is too long: at most ${PASSWORD_MAX_LENGTH} characters`,
  tooCommon: "the password is too common or too easy to guess; try a few unrelated words",
  personal: "the password contains the name or email address; choose words that say nothing about the person",
};

/** Reads all of standard input, dropping one trailing newline (as `echo` or a file adds). */
export async function readPassword(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export interface CreateAdminOptions {
  email?: string;
  name?: string;
  passwordStdin?: boolean;
}

export interface AdministratorRequest {
  email: string;
  name?: string;
  password: string;
}

/**
 * Checks the arguments, then reads and checks the password, before any database is opened. At a
 * terminal (`input.isTTY`) the password is asked for with `ask` (the CLI's hidden prompt);
 * otherwise it must be piped in with --password-stdin, so a script never waits on a prompt nobody
 * sees.
 */
export async function prepareAdministrator(
  options: CreateAdminOptions,
  input: Readable & { isTTY?: boolean },
  ask?: () => Promise<string>,
): Promise<AdministratorRequest> {
  if (!options.email) throw new CreateAdminUsageError("--email is required");
  const atTerminal = input.isTTY === true && ask !== undefined;
  if (!atTerminal && !options.passwordStdin)
    throw new CreateAdminUsageError(
      "standard input is not a terminal: pipe the password into the command with --password-stdin",
    );
  const email = options.email.trim().toLowerCase();
  if (!z.email().max(254).safeParse(email).success)
    throw new CreateAdminUsageError(`"${options.email}" is not an email address`);
  const password = atTerminal ? await ask() : await readPassword(input);
  if (password.length === 0) throw new Error("no password on standard input");
  const problem = checkNewPassword(password, [email, options.name ?? ""]);
  if (problem) throw new Error(PASSWORD_PROBLEMS[problem]);
  return { email, name: options.name, password };
}

/** Creates the administrator. Returns a line to print; throws with a clear message. */
export async function createAdministrator(db: Kysely<DB>, request: AdministratorRequest): Promise<string> {
  try {
    const user = await createAccount(db, { ...request, role: "administrator" });
    await recordSecurityEvent(db, undefined, {
      kind: "user.created",
      subject: { id: user.id, label: user.email },
      detail: { role: "administrator", via: "create-admin command" },
    });
    return `created administrator ${user.email}; sign in at /en/sign-in or /fr/sign-in`;
  } catch (error) {
    if (error instanceof EmailTakenError) throw new Error(`an account with the email ${request.email} already exists`);
    throw error;
  }
}
