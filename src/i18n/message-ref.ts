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

/**
 * A function message with its arguments. The arguments are checked against the message where the
 * reference is made through `messageCall()`; the reference type itself stays one object type, because
 * a union of one object type per function message grew past what TypeScript can compare.
 */
export interface MessageCall {
  key: MessageFunctionKey;
  args: readonly unknown[];
}

export type MessageRef = MessageKey | MessageCall;

/** A function message's reference, its arguments checked against the message. */
export function messageCall<K extends MessageFunctionKey>(key: K, ...args: Parameters<Messages[K]>): MessageCall {
  return { key, args };
}

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
