export {
  MAX_PASTED_BYTES,
  MAX_STATEMENT_LENGTH,
  type PastedArea,
  type PastedCompetency,
  parsePastedText,
} from "./parse.ts";
export { type PastedAreaOptions, pastedAreaToItem } from "./to-item.ts";
