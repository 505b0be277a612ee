/**
 * A reference to one message of the typed dictionaries, to be translated later in whichever language
 * the reader has: a plain text's key ("formRequired"), or a function's key with its arguments
 * ({ key: "formTooLong", args: [300] }). Code that checks input without knowing the reader's
 * language (schemas, pure checks) says what is wrong this way; views translate it.
 */
import { en, type Messages } from "./en.ts";
import { fr } from "./fr.ts";

type Lang = "en" | "fr";

/** A key whose message is plain text. */
export type MessageKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
/** A key whose message is a function of some arguments. */
export type MessageFunctionKey = Exclude<keyof Messages, MessageKey>;

export type MessageRef =
  | MessageKey
  | { [K in MessageFunctionKey]: { key: K; args: Parameters<Messages[K]> } }[MessageFunctionKey];

const dictionaries: Record<Lang, Messages> = { en, fr };

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(en, value) && typeof en[value as keyof Messages] === "string";
}

export function isMessageRef(value: unknown): value is MessageRef {
  if (isMessageKey(value)) return true;
  if (!value || typeof value !== "object") return false;
  const { key, args } = value as { key?: unknown; args?: unknown };
  return (
    typeof key === "string" &&
    Object.hasOwn(en, key) &&
    typeof en[key as keyof Messages] === "function" &&
    Array.isArray(args)
  );
}

/** The message in the reader's language. */
export function translate(lang: Lang, ref: MessageRef): string {
  const t = dictionaries[lang];
  if (typeof ref === "string") return t[ref];
  return (t[ref.key] as (...args: unknown[]) => string)(...ref.args);
}
