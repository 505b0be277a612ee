/**
 * Who takes part in a review cycle, and what each person is assessed on (pure; decision 038).
 * The selection names units (with all their sub-units), job profiles and people; a person matching
 * any of them takes part, unless they have left. An empty selection means everyone.
 */
import { z } from "zod";

export const participantSelection = z.object({
  units: z.array(z.string()).max(10_000).default([]),
  profiles: z.array(z.string()).max(10_000).default([]),
  people: z.array(z.string()).max(100_000).default([]),
});
export type ParticipantSelection = z.infer<typeof participantSelection>;

/** The stored JSON; undefined when it is damaged (never read as "everyone"). */
export function readSelection(json: string): ParticipantSelection | undefined {
  try {
    const parsed = participantSelection.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const selectsEveryone = (s: ParticipantSelection): boolean =>
  s.units.length === 0 && s.profiles.length === 0 && s.people.length === 0;

export interface Candidate {
  id: string;
  status: string;
  unitId: string | null;
  profileId: string | null;
}

/**
 * The people who take part: those who have not left and match the selection. `unitsWithin` maps a
 * selected unit to itself and all units under it (src/people/units/tree.ts `descendantsOf`).
 */
export function participants(
  candidates: readonly Candidate[],
  selection: ParticipantSelection,
  unitsWithin: (unitId: string) => readonly string[],
): Candidate[] {
  const active = candidates.filter((c) => c.status !== "left");
  if (selectsEveryone(selection)) return active;
  const units = new Set(selection.units.flatMap((u) => [u, ...unitsWithin(u)]));
  const profiles = new Set(selection.profiles);
  const people = new Set(selection.people);
  return active.filter(
    (c) =>
      people.has(c.id) ||
      (c.unitId !== null && units.has(c.unitId)) ||
      (c.profileId !== null && profiles.has(c.profileId)),
  );
}

/**
 * A target level from a scale of `from` levels onto one of `to` levels, keeping its relative place
 * (the lowest stays the lowest, the highest the highest; between them, the nearest level).
 */
export function mapLevel(level: number, from: number, to: number): number {
  if (from === to) return level;
  if (from <= 1) return 1;
  const clamped = Math.min(Math.max(level, 1), from);
  return Math.round(((clamped - 1) * (to - 1)) / (from - 1)) + 1;
}
