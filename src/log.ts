import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";

/** What every log line written while handling a request carries (set by app.tsx per request). */
export interface RequestLogContext {
  requestId: string;
}

/**
 * The request being handled, if any. Held in AsyncLocalStorage rather than passed around, so every
 * line logged during a request carries its id, whichever module logs it and through whatever logger.
 */
export const requestLogContext = new AsyncLocalStorage<RequestLogContext>();

/** A JSON logger on stdout (or `destination`); lines written during a request carry its `requestId`. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const context = requestLogContext.getStore();
      return context ? { requestId: context.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
