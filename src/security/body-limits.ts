/**
 * How much each route may receive (src/security/body-limit.ts applies it before anything reads a
 * body). Everything not listed here gets DEFAULT_BODY_LIMIT, which fits every small form (sign-in,
 * account, invitation, administration) several times over; only the editor's forms and the import
 * wizard's paste box and upload need more. First match wins.
 */
import { MAX_FORM_BYTES } from "../editor/routes/index.tsx";
import { MAX_PASTE_BODY, MAX_UPLOAD_BODY, MAX_UPLOAD_MB } from "../interop/wizard/render.ts";
import type { BodyRule } from "./body-limit.ts";

export const DEFAULT_BODY_LIMIT = 16 * 1024;

const lang = "/(?:en|fr)";

export const BODY_RULES: readonly BodyRule[] = [
  {
    route: new RegExp(`^POST ${lang}/editor/import/upload$`),
    maxBytes: MAX_UPLOAD_BODY,
    tooLarge: (t) => t.importTooLarge(MAX_UPLOAD_MB),
  },
  { route: new RegExp(`^POST ${lang}/editor/import/upload/confirm$`), maxBytes: DEFAULT_BODY_LIMIT },
  {
    route: new RegExp(`^POST ${lang}/editor/import/paste(?:/review|/confirm)?$`),
    maxBytes: MAX_PASTE_BODY,
    tooLarge: (t) => t.importPasteTooLarge,
  },
  { route: new RegExp(`^POST ${lang}/editor(?:/|$)`), maxBytes: MAX_FORM_BYTES },
];
