/** `skillshelf purge`: applies each organisation's retention now (src/people/privacy/retention.ts). */
import { readConfig } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { type PurgeReport, purge, UnknownOrganisationError } from "../people/privacy/retention.ts";
import { type Command, ENV_NOTE, terminal } from "./command.ts";

/** The report as a person reads it: per organisation, who goes and what goes with them. */
export function describePurge(report: PurgeReport): string {
  const lines: string[] = [];
  const verb = report.dryRun ? "would remove" : "removed";
  for (const organisation of report.organisations) {
    if (organisation.retentionLeftMonths === null) {
      lines.push(`${organisation.slug}: no retention set (people who left are kept)`);
      continue;
    }
    const head = `${organisation.slug}: keeps people ${organisation.retentionLeftMonths} month(s) after they leave; ${verb} ${organisation.people.length} who left on or before ${organisation.cutoff}`;
    lines.push(
      organisation.people.length === 0
        ? `${organisation.slug}: nothing to remove (nobody left on or before ${organisation.cutoff})`
        : head,
    );
    for (const person of organisation.people)
      lines.push(
        `  ${person.employeeNumber}  ${person.name}  left ${person.leftOn}  (${person.accessLogEntries} access log, ${person.changeRecords} change record(s))`,
      );
    if (organisation.retentionAssessmentYears !== null)
      lines.push(
        `  keeps assessments ${organisation.retentionAssessmentYears} year(s) after their cycle closed; ${verb} ${organisation.assessments} from cycles closed on or before ${organisation.assessmentCutoff}`,
      );
  }
  const t = report.totals;
  lines.push(
    `${report.dryRun ? "Dry run: nothing was removed. Would remove" : "Removed"} ${t.people} person(s), ${t.accessLogEntries} access log entr${t.accessLogEntries === 1 ? "y" : "ies"}, ${t.changeRecords} change record(s), ${t.assessments} assessment(s).`,
  );
  return lines.join("\n");
}

export const purgeCommand: Command = {
  help: `Usage: skillshelf purge [--dry-run] [--org SLUG] [--json]

Applies each organisation's retention now, as the server's daily job does: removes the people who
left more than the organisation's set number of months ago, with the access log entries and change
records about them, and the assessments of review cycles closed more than its set number of years
ago; reports what went. Organisations without a retention period keep everyone and everything.

  --dry-run   report what would be removed; remove nothing
  --org SLUG  only this organisation
  --json      print the report as JSON
${ENV_NOTE}`,
  options: { "dry-run": { type: "boolean" }, org: { type: "string" }, json: { type: "boolean" } },
  async run(values) {
    const database = await openDatabase(readConfig().databaseUrl);
    try {
      await migrateToLatest(database.db);
      const report = await purge(database.db, {
        dryRun: values["dry-run"] === true,
        now: new Date(),
        organisationSlug: values.org as string | undefined,
        actor: { id: null, label: "skillshelf purge" },
      });
      terminal.console.log(values.json ? JSON.stringify(report, null, 2) : describePurge(report));
      return 0;
    } catch (error) {
      if (!(error instanceof UnknownOrganisationError)) throw error;
      terminal.console.error(`skillshelf purge: ${error.message}`);
      return 1;
    } finally {
      await database.close();
    }
  },
};
