/** Types shared by the dictionaries: how one language's block constrains the other's. */

/** An English entry as the other language must provide it: any string, or a function of the same arguments. */
type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;

/** The dictionary (or block) another language must provide for the English one T: same keys, widened. */
export type Translation<T> = { [K in keyof T]: Widen<T[K]> };

type KeysOf<Parts extends readonly unknown[]> = Parts extends readonly [infer First, ...infer Rest]
  ? keyof First | KeysOf<Rest>
  : never;

/** Keys that appear in more than one of the blocks (never when each key has one home). */
export type SharedKeys<Parts extends readonly unknown[]> = Parts extends readonly [infer First, ...infer Rest]
  ? (keyof First & KeysOf<Rest>) | SharedKeys<Rest>
  : never;
