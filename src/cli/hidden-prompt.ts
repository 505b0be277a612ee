/**
 * Asks for a secret at a terminal without echoing it: the terminal is put in raw mode and each
 * key is handled here (Enter ends, Backspace erases, Ctrl-C or Ctrl-D abandons). Used only when
 * standard input is a terminal; a pipe is read whole instead (see create-admin).
 */
import type { Readable, Writable } from "node:stream";

/** A terminal as far as this prompt needs one (process.stdin, or a fake in tests). */
export interface TerminalInput extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export class PromptAbandonedError extends Error {
  constructor() {
    super("abandoned at the prompt");
  }
}

const ENTER = new Set(["\r", "\n"]);
const BACKSPACE = new Set(["\x7f", "\b"]);
const ABANDON = new Set(["\x03", "\x04"]); // Ctrl-C, Ctrl-D

export function askHidden(question: string, input: TerminalInput, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    const wasRaw = (input as { isRaw?: boolean }).isRaw ?? false;
    input.setRawMode?.(true);
    input.setEncoding("utf8");
    output.write(question);
    const finish = (error?: Error) => {
      input.off("data", onData);
      input.off("end", onEnd);
      input.setRawMode?.(wasRaw);
      input.pause();
      output.write("\n");
      if (error) reject(error);
      else resolve(answer);
    };
    const onEnd = () => finish(new PromptAbandonedError());
    const onData = (chunk: string) => {
      // A paste arrives as one chunk: take it character by character.
      for (const char of chunk) {
        if (ENTER.has(char)) return finish();
        if (ABANDON.has(char)) return finish(new PromptAbandonedError());
        if (BACKSPACE.has(char)) answer = [...answer].slice(0, -1).join("");
        else if (char >= " ") answer += char;
      }
    };
    input.on("data", onData);
    input.on("end", onEnd);
    input.resume();
  });
}

/** Asks for a new password twice; the two answers must match. */
export async function askNewPasswordTwice(input: TerminalInput, output: Writable): Promise<string> {
  const password = await askHidden("Password for the administrator: ", input, output);
  if (password.length === 0) throw new Error("no password given");
  const again = await askHidden("The same password again: ", input, output);
  if (again !== password) throw new Error("the two passwords differ; nothing was created");
  return password;
}
