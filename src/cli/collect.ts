/**
 * Garbage collection on request, for one-shot commands that read and write a large framework in
 * phases (`skillshelf import --publish`). V8 lets its heap grow to about twice what is live before
 * a full collection; between phases almost nothing is live (the package is written, its plan let
 * go), so collecting there keeps the process's peak near the largest phase instead of the sum of
 * them (issue 12: 50,000 items peaked at ~740 MB without, ~450 MB with). The server never calls it.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null = null;

/** Runs a full collection now. */
export function collectGarbage(): void {
  if (!collect) {
    // The documented way to reach V8's gc() without starting node with --expose-gc: the flag
    // applies to contexts created after it is set.
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
