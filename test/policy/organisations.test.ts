import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { managerChain, reportsOf } from "../../src/people/manager-lines.ts";
import { type Actor, can, type OrganisationActor, type OrganisationResource } from "../../src/policy/index.ts";
import { runs } from "../support/fast-check-seed.ts";

/** Two organisations, each with people in a forest of manager lines. */
const world = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
  .chain(([a, b]) =>
    fc.tuple(
      fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: a, maxLength: a }),
      fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: b, maxLength: b }),
    ),
  )
  .map(([a, b]) => {
    const lines = new Map<string, string | null>();
    const organisationOf = new Map<string, string>();
    for (const [org, picks] of [
      ["orgA", a],
      ["orgB", b],
    ] as const)
      picks.forEach((p, i) => {
        const id = `${org}-p${i}`;
        lines.set(id, i === 0 || p < 0.25 ? null : `${org}-p${Math.floor(p * i)}`);
        organisationOf.set(id, org);
      });
    return { lines, organisationOf };
  });

const account = (role: Actor["role"]): Actor => ({ id: "u", email: "u@example.org", name: null, role });

describe("organisation policy", () => {
  it("each role reads exactly the records it should, in its own organisation only", () => {
    fc.assert(
      fc.property(world, fc.boolean(), fc.boolean(), (w, administrator, instanceAdministrator) => {
        const people = [...w.lines.keys()];
        const list = people.map((id) => ({ id, managerId: w.lines.get(id) ?? null }));
        const resourceOf = (id: string): OrganisationResource => ({
          kind: "person",
          organisationId: w.organisationOf.get(id) as string,
          personId: id,
          managerChain: managerChain(id, (p) => w.lines.get(p)),
        });
        for (const me of people) {
          const org = w.organisationOf.get(me) as string;
          const reports = new Set(reportsOf(me, list));
          const actor: OrganisationActor = {
            ...account(instanceAdministrator ? "administrator" : "editor"),
            membership: { organisationId: org, administrator, personId: me, hasReports: reports.size > 0 },
          };
          for (const other of people) {
            const resource = resourceOf(other);
            const sameOrg = w.organisationOf.get(other) === org;
            const expected = sameOrg && (administrator || other === me || reports.has(other));
            assert.equal(can(actor, "person.read", resource), expected, `${me} reads ${other}`);
            assert.equal(can(actor, "person.edit", resource), sameOrg && administrator);
            assert.equal(can(actor, "person.export", resource), sameOrg && (administrator || other === me));
            assert.equal(can(actor, "person.accessLog", resource), sameOrg && (administrator || other === me));
            // Insights and plans (issue 16): read as the record is; only the person writes their plan,
            // only their managers approve it, both record check-ins.
            assert.equal(can(actor, "insights.person", resource), expected);
            assert.equal(can(actor, "plan.read", resource), expected);
            assert.equal(can(actor, "plan.edit", resource), sameOrg && other === me);
            assert.equal(can(actor, "plan.approve", resource), sameOrg && other !== me && reports.has(other));
            assert.equal(can(actor, "plan.checkin", resource), sameOrg && (other === me || reports.has(other)));
          }
          const home = { kind: "organisation", organisationId: org } as const;
          assert.equal(can(actor, "insights.team", home), reports.size > 0);
          assert.equal(can(actor, "insights.organisation", home), administrator || reports.size > 0);
          assert.equal(can(actor, "insights.readiness", home), administrator);
          assert.equal(can(actor, "plan.read", home), false);
          assert.equal(can(actor, "team.read", home), reports.size > 0);
          assert.equal(can(actor, "people.list", home), administrator || reports.size > 0);
          assert.equal(can(actor, "organisation.administer", home), administrator);
          // Person actions need a person: asked about the organisation, they are refused.
          assert.equal(can(actor, "person.read", home), false);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it("an instance administrator manages organisations but reads no one's record", () => {
    const actor: OrganisationActor = { ...account("administrator"), membership: null };
    assert.equal(can(actor, "organisations.manage"), true);
    const org = { kind: "organisation", organisationId: "o" } as const;
    const person = { kind: "person", organisationId: "o", personId: "p", managerChain: [] } as const;
    assert.equal(can(actor, "organisation.read", org), true);
    assert.equal(can(actor, "organisation.roles", org), true);
    for (const action of ["organisation.administer", "people.list", "team.read"] as const)
      assert.equal(can(actor, action, org), false, action);
    for (const action of ["person.read", "person.edit", "person.export", "person.accessLog"] as const)
      assert.equal(can(actor, action, person), false, action);
    const editorWithoutStanding: OrganisationActor = { ...account("editor"), membership: null };
    assert.equal(can(editorWithoutStanding, "organisations.manage"), false);
    assert.equal(can(account("editor"), "organisations.manage"), false);
  });

  it("nobody anonymous, and no account without standing in the organisation, gets anything", () => {
    const person = { kind: "person", organisationId: "o", personId: "p", managerChain: ["m"] } as const;
    const org = { kind: "organisation", organisationId: "o" } as const;
    const elsewhere: OrganisationActor = {
      ...account("editor"),
      membership: { organisationId: "other", administrator: true, personId: "m", hasReports: true },
    };
    for (const action of ["person.read", "person.edit", "person.export", "person.accessLog"] as const) {
      assert.equal(can(null, action, person), false);
      assert.equal(can(elsewhere, action, person), false);
    }
    for (const action of ["organisation.read", "organisation.administer", "people.list", "team.read"] as const) {
      assert.equal(can(null, action, org), false);
      assert.equal(can(elsewhere, action, org), false);
    }
    // A plain account (no membership loaded) asked about a resource is refused.
    assert.equal(can(account("administrator") as OrganisationActor, "organisation.read", org), false);
  });

  it("scales and job profiles: everyone there reads the scale, HR edits it; HR and managers keep profiles; a person reads their own position's", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("orgA", "orgB"),
        fc.option(fc.constantFrom("job1", "job2"), { nil: null }),
        fc.constantFrom("job1", "job2"),
        (administrator, hasReports, isPerson, org, position, asked) => {
          const actor: OrganisationActor = {
            ...account("editor"),
            membership: {
              organisationId: "orgA",
              administrator,
              personId: isPerson ? "me" : null,
              hasReports: isPerson && hasReports,
              positionProfileId: isPerson ? position : null,
            },
          };
          const same = org === "orgA";
          const manager = isPerson && hasReports;
          const home = { kind: "organisation", organisationId: org } as const;
          const profile = { kind: "profile", organisationId: org, profileId: asked } as const;
          assert.equal(can(actor, "scale.read", home), same && (administrator || isPerson));
          assert.equal(can(actor, "scale.edit", home), same && administrator);
          assert.equal(can(actor, "profiles.list", home), same && (administrator || manager));
          // The learning catalogue: everyone of the organisation reads it, HR and managers keep it.
          assert.equal(can(actor, "learning.read", home), same && (administrator || isPerson));
          assert.equal(can(actor, "learning.edit", home), same && (administrator || manager));
          assert.equal(can(actor, "profile.edit", profile), same && (administrator || manager));
          assert.equal(
            can(actor, "profile.read", profile),
            same && (administrator || manager || (isPerson && position === asked)),
          );
          // Holding a position reads that profile only, never the list.
          if (!administrator && !manager) assert.equal(can(actor, "profile.read", home), false);
          assert.equal(can(null, "profile.read", profile), false);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("assessments: the person, their managers up the chain, the reviewer and HR read; only the person rates themself; only the reviewer reviews", () => {
    fc.assert(
      fc.property(
        world,
        fc.boolean(),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (w, administrator, pickReviewer) => {
          const people = [...w.lines.keys()];
          const list = people.map((id) => ({ id, managerId: w.lines.get(id) ?? null }));
          for (const me of people) {
            const org = w.organisationOf.get(me) as string;
            const reports = new Set(reportsOf(me, list));
            const actor: OrganisationActor = {
              ...account("editor"),
              membership: { organisationId: org, administrator, personId: me, hasReports: reports.size > 0 },
            };
            for (const other of people) {
              const chain = managerChain(other, (p) => w.lines.get(p));
              // The reviewer is usually the direct manager; after a move it may be anyone.
              const reviewer =
                pickReviewer < 0.7 ? (chain[0] ?? null) : people[Math.floor(pickReviewer * people.length)];
              const resource: OrganisationResource = {
                kind: "assessment",
                organisationId: w.organisationOf.get(other) as string,
                personId: other,
                managerChain: chain,
                reviewerId: reviewer ?? null,
              };
              const sameOrg = w.organisationOf.get(other) === org;
              const isReviewer = sameOrg && reviewer === me && other !== me;
              assert.equal(
                can(actor, "assessment.read", resource),
                sameOrg && (administrator || other === me || reports.has(other) || isReviewer),
                `${me} reads ${other}'s assessment`,
              );
              assert.equal(can(actor, "assessment.self", resource), sameOrg && other === me);
              assert.equal(can(actor, "assessment.review", resource), isReviewer);
            }
            const home = { kind: "organisation", organisationId: org } as const;
            assert.equal(can(actor, "cycles.manage", home), administrator);
            assert.equal(can(actor, "assessment.read", home), false, "an assessment action needs an assessment");
          }
        },
      ),
      { numRuns: runs(120) },
    );
  });
});
