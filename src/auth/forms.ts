/**
 * One schema per form of the accounts capability. Each rule names the message its failure shows;
 * the form kit (src/ui/forms) turns the issues into field errors, shown in the reader's language.
 */
import { z } from "zod";
import { ROLES } from "../policy/index.ts";
import { type FieldErrors, type MessageKey, says } from "../ui/forms/index.ts";
import { checkNewPassword, type PasswordProblem } from "./password-rules.ts";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(max));
const email = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : ""),
  z.email(says("formEmail")).max(254, says("formEmail")),
);

export const signInForm = z.object({
  email: email,
  // Long enough never to cut a real password; the rules' 128 applies when one is chosen.
  password: text(1024).pipe(z.string().min(1, says("authPasswordRequired"))),
  next: text(2000).optional(),
});

/** The sign-in's second step: a code from the app or a recovery code. */
export const secondFactorForm = z.object({
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.slice(0, 40).trim() : ""),
    z.string().min(1, says("sfCodeRequired")),
  ),
});

/** The current password, asked again before a change to the account (under either field name). */
const currentPassword = text(1024).pipe(z.string().min(1, says("authPasswordRequired")));
export const passwordAgainForm = {
  password: z.object({ password: currentPassword }),
  current: z.object({ current: currentPassword }),
};

export const newPasswordForm = z.object({ password: text(4096), confirm: text(4096) });
export const changePasswordForm = newPasswordForm.extend({ current: text(1024) });

export const createUserForm = z.object({
  email: email,
  name: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(200, says("authNameTooLong"))),
  role: z.enum(ROLES, says("authRoleInvalid")),
  method: z.enum(["invitation", "temporary"], says("authMethodInvalid")),
});
export type CreateUserInput = z.infer<typeof createUserForm>;

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
