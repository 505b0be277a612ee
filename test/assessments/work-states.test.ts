/** The assessment workflow table (src/assessments/work/states.ts): examples, then every sequence of actions. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  type Action,
  type AssessmentState,
  decide,
  mayWrite,
  NEXT_STATES,
  type Party,
  type Standing,
} from "../../src/assessments/work/states.ts";
import { ASSESSMENT_STATES } from "../../src/db/migrations/017_assessments.ts";
import { runs } from "../support/fast-check-seed.ts";

const at = (state: AssessmentState, extra: Partial<Standing> = {}): Standing => ({
  state,
  personSigned: false,
  reviewerSigned: false,
  cycleOpen: true,
  ...extra,
});

const stateAfter = (standing: Standing, action: Action, party: Party) => {
  const decision = decide(standing, action, party);
  return decision.ok ? decision.next.state : decision.refusal;
};

describe("assessment workflow", () => {
  it("the person's first save starts the assessment; submitting hands it to the reviewer", () => {
    assert.equal(stateAfter(at("not_started"), { kind: "save", group: "self" }, "person"), "in_progress");
    assert.equal(stateAfter(at("in_progress"), { kind: "submit" }, "person"), "submitted");
    assert.equal(stateAfter(at("not_started"), { kind: "submit" }, "person"), "not-allowed");
    assert.equal(stateAfter(at("submitted"), { kind: "save", group: "manager" }, "reviewer"), "in_review");
  });

  it("each party writes only its own fields, and only in its phase", () => {
    assert.equal(mayWrite(at("in_progress"), "person", "self"), true);
    assert.equal(mayWrite(at("in_progress"), "reviewer", "self"), false);
    assert.equal(mayWrite(at("in_progress"), "reviewer", "manager"), false);
    assert.equal(mayWrite(at("submitted"), "person", "self"), false);
    assert.equal(mayWrite(at("submitted"), "reviewer", "manager"), true);
    assert.equal(mayWrite(at("submitted"), "reviewer", "agreed"), false);
    assert.equal(mayWrite(at("in_review"), "reviewer", "agreed"), true);
    assert.equal(mayWrite(at("in_review"), "person", "agreed"), false);
    assert.equal(mayWrite(at("in_review"), "administrator", "manager"), false);
    assert.equal(mayWrite(at("agreed"), "reviewer", "agreed"), false);
  });

  it("agreeing needs every agreed level; signed off needs both signatures", () => {
    assert.equal(stateAfter(at("in_review"), { kind: "agree", complete: false }, "reviewer"), "incomplete");
    assert.equal(stateAfter(at("in_review"), { kind: "agree", complete: true }, "reviewer"), "agreed");
    assert.equal(stateAfter(at("agreed"), { kind: "sign" }, "person"), "agreed");
    assert.equal(stateAfter(at("agreed", { personSigned: true }), { kind: "sign" }, "person"), "not-allowed");
    assert.equal(stateAfter(at("agreed", { personSigned: true }), { kind: "sign" }, "reviewer"), "signed_off");
    assert.equal(stateAfter(at("agreed"), { kind: "sign" }, "administrator"), "not-allowed");
  });

  it("reopening takes a reason, by the reviewer or HR, and clears the signatures", () => {
    const signed = at("signed_off", { personSigned: true, reviewerSigned: true });
    assert.equal(stateAfter(signed, { kind: "reopen", reason: "  " }, "reviewer"), "reason-required");
    assert.equal(stateAfter(signed, { kind: "reopen", reason: "Wrong level" }, "person"), "not-allowed");
    const reopened = decide(signed, { kind: "reopen", reason: "Wrong level" }, "administrator");
    assert.deepEqual(reopened.ok && reopened.next, at("reopened"));
    assert.equal(stateAfter(at("reopened"), { kind: "save", group: "self" }, "person"), "reopened");
    assert.equal(stateAfter(at("reopened"), { kind: "submit" }, "person"), "submitted");
  });

  it("a closed cycle or a withdrawn assessment takes nothing", () => {
    assert.equal(
      stateAfter(at("in_progress", { cycleOpen: false }), { kind: "save", group: "self" }, "person"),
      "closed",
    );
    assert.equal(stateAfter(at("withdrawn"), { kind: "reopen", reason: "x" }, "administrator"), "closed");
  });

  it("competencies: the person adds in the self phase, the manager in review; the profile's stay", () => {
    assert.equal(stateAfter(at("not_started"), { kind: "add-item" }, "person"), "in_progress");
    assert.equal(stateAfter(at("submitted"), { kind: "add-item" }, "person"), "not-allowed");
    assert.equal(stateAfter(at("submitted"), { kind: "add-item" }, "reviewer"), "in_review");
    assert.equal(stateAfter(at("in_progress"), { kind: "remove-item", origin: "profile" }, "person"), "not-allowed");
    assert.equal(stateAfter(at("in_progress"), { kind: "remove-item", origin: "person" }, "person"), "in_progress");
    assert.equal(stateAfter(at("in_review"), { kind: "remove-item", origin: "person" }, "reviewer"), "not-allowed");
    assert.equal(stateAfter(at("in_review"), { kind: "remove-item", origin: "manager" }, "reviewer"), "in_review");
  });

  const action: fc.Arbitrary<Action> = fc.oneof(
    fc
      .constantFrom<"self" | "manager" | "agreed">("self", "manager", "agreed")
      .map((group) => ({ kind: "save", group }) as Action),
    fc.constant<Action>({ kind: "submit" }),
    fc.boolean().map((complete) => ({ kind: "agree", complete }) as Action),
    fc.constant<Action>({ kind: "sign" }),
    fc.constantFrom("", " ", "Needs another look").map((reason) => ({ kind: "reopen", reason }) as Action),
    fc.constantFrom("", "Left for another library").map((reason) => ({ kind: "withdraw", reason }) as Action),
    fc.constant<Action>({ kind: "add-item" }),
    fc.constantFrom("profile", "person", "manager").map((origin) => ({ kind: "remove-item", origin }) as Action),
  );
  const party = fc.constantFrom<Party>("person", "reviewer", "administrator");
  const steps = fc.array(fc.tuple(action, party), { maxLength: 40 });

  it("no sequence of actions leaves the table, and signed off always has both signatures", () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        let standing = at("not_started");
        for (const [act, who] of sequence) {
          const decision = decide(standing, act, who);
          if (!decision.ok) continue;
          const next = decision.next;
          assert.ok(ASSESSMENT_STATES.includes(next.state));
          if (next.state !== standing.state || act.kind === "save")
            assert.ok(
              NEXT_STATES[standing.state].includes(next.state) || next.state === standing.state,
              `${standing.state} → ${next.state} by ${act.kind}`,
            );
          if (next.state === "signed_off") assert.ok(next.personSigned && next.reviewerSigned);
          // Only the person submits; only the reviewer agrees; signatures appear only through signing.
          if (next.state === "submitted" && standing.state !== "submitted") assert.equal(who, "person");
          if (next.state === "agreed" && standing.state === "in_review") assert.equal(who, "reviewer");
          if (next.personSigned && !standing.personSigned) assert.equal(act.kind === "sign" && who, "person");
          if (next.reviewerSigned && !standing.reviewerSigned) assert.equal(act.kind === "sign" && who, "reviewer");
          standing = next;
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("once withdrawn or closed, nothing changes, whatever is tried", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ASSESSMENT_STATES),
        fc.boolean(),
        fc.tuple(action, party),
        (state, open, [act, who]) => {
          if (open && state !== "withdrawn") return;
          assert.deepEqual(decide(at(state, { cycleOpen: open }), act, who), { ok: false, refusal: "closed" });
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("the self fields are written by the person alone, the manager's and agreed ones by the reviewer alone", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ASSESSMENT_STATES), party, (state, who) => {
        for (const group of ["self", "manager", "agreed"] as const)
          if (mayWrite(at(state), who, group)) assert.equal(who, group === "self" ? "person" : "reviewer");
      }),
      { numRuns: runs(100) },
    );
  });
});
