/**
 * One schema per form of the accounts capability. Errors come back as message keys per field, so
 * views can mark each field (aria-invalid) and list them in a summary, in the reader's language.
 */
import { z } from "zod";
import type { MessageKey } from "../i18n/index.ts";
import { ROLES } from "../policy/index.ts";
import { checkNewPassword, type PasswordProblem } from "./password-rules.ts";

export type { MessageKey };
export type FieldErrors = Partial<Record<string, MessageKey>>;

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(max));
const email = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""), z.email().max(254));

export const signInForm = z.object({
  email: email,
  // Long enough never to cut a real password; the rules' 128 applies when one is chosen.
  password: text(1024).pipe(z.string().min(1)),
  next: text(2000).optional(),
});

export const newPasswordForm = z.object({ password: text(4096), confirm: text(4096) });
export const changePasswordForm = newPasswordForm.extend({ current: text(1024) });

export const createUserForm = z.object({
  email: email,
  name: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(200)),
  role: z.enum(ROLES),
  method: z.enum(["invitation", "temporary"]),
});
export type CreateUserInput = z.infer<typeof createUserForm>;

const fieldMessages: Record<string, MessageKey> = {
  email: "authEmailInvalid",
  password: "authPasswordRequired",
  name: "authNameTooLong",
  role: "authRoleInvalid",
  method: "authMethodInvalid",
  current: "authPasswordRequired",
};

/** Parses a form body; on failure gives one message key per offending field. */
export function parseForm<T extends z.ZodType>(
  schema: T,
  body: Record<string, unknown>,
): { ok: true; data: z.infer<T> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= fieldMessages[field] ?? "authEmailInvalid";
  }
  return { ok: false, errors };
}

const passwordMessages: Record<PasswordProblem, MessageKey> = {
  tooShort: "authPasswordTooShort",
  tooLong: "authPasswordTooLong",
  tooCommon: "authPasswordTooCommon",
  personal: "authPasswordPersonal",
};

/** The new-password pair: the rules first, then that both copies match. */
export function newPasswordErrors(password: string, confirm: string, related: string[]): FieldErrors {
  const problem = checkNewPassword(password, related);
  if (problem) return { password: passwordMessages[problem] };
  if (password !== confirm) return { confirm: "authPasswordMismatch" };
  return {};
}
