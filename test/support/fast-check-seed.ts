/**
 * Property tests run with a fixed seed, so a run of `npm test` (and CI) is repeatable: the same
 * inputs every time. To explore new inputs, run with FC_SEED=random (or a number); a failure prints
 * its seed and counterexample, which then belongs in a regular test.
 */
import fc from "fast-check";

const setting = process.env.FC_SEED ?? "20261128";
if (setting !== "random") fc.configureGlobal({ seed: Number(setting) });
