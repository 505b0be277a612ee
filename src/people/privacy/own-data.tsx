/**
 * Everything held about a person, as one document (a download in JSON, a readable page in HTML):
 * a list of sections, each collecting its part and saying how to show it. Later capabilities
 * (job profiles, assessments) add their own section to the list they compose (src/people/routes.tsx
 * passes it to privacyRoutes), so the export grows with what is held and nothing is forgotten.
 */
import type { Child } from "hono/jsx";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { formatDateTime, formatDay, type Lang, messages } from "../../i18n/index.ts";
import { displayName } from "./access-log-store.ts";
import { ChangeText, Details, Table } from "./own-data-parts.tsx";

/** Whose data: a person of an organisation. */
export interface DataSubject {
  organisationId: string;
  /** The organisation's web address name, for the addresses a section points to. */
  organisationSlug: string;
  personId: string;
  /** The language of the request, for those addresses (the document itself holds both languages). */
  lang: Lang;
}

export interface OwnDataSection<T = unknown> {
  /** The section's key in the JSON document. */
  key: string;
  title: (lang: Lang) => string;
  collect: (db: Kysely<DB>, subject: DataSubject) => Promise<T>;
  /** The section on the readable page; times in the organisation's zone (decision 054). */
  render: (data: T, lang: Lang, timeZone: string) => Child;
}

/** Erases a section's own data type so sections of different types share one list. */
export const ownDataSection = <T,>(section: OwnDataSection<T>): OwnDataSection => section as unknown as OwnDataSection;

export interface OwnDataDocument {
  format: "skillshelf-own-data";
  version: 1;
  exportedAt: string;
  organisation: { slug: string; nameEn: string; nameFr: string };
  personId: string;
  sections: Record<string, unknown>;
}

export async function collectOwnData(
  db: Kysely<DB>,
  organisation: { id: string; slug: string; name_en: string; name_fr: string },
  personId: string,
  sections: readonly OwnDataSection[],
  now = new Date(),
  lang: Lang = "en",
): Promise<OwnDataDocument> {
  const subject = { organisationId: organisation.id, organisationSlug: organisation.slug, personId, lang };
  const collected: Record<string, unknown> = {};
  for (const section of sections) collected[section.key] = await section.collect(db, subject);
  return {
    format: "skillshelf-own-data",
    version: 1,
    exportedAt: now.toISOString(),
    organisation: { slug: organisation.slug, nameEn: organisation.name_en, nameFr: organisation.name_fr },
    personId,
    sections: collected,
  };
}

// The sections the people side holds today.

interface RecordData {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  email: string | null;
  employeeNumber: string;
  status: string;
  statusSince: string | null;
  preferredLang: string;
  hasAccount: boolean;
  organisationAdministrator: boolean;
  createdAt: string;
  updatedAt: string;
}

const recordSection = ownDataSection<RecordData | null>({
  key: "record",
  title: (lang) => messages(lang).privacySectionRecord,
  async collect(db, subject) {
    const person = await db
      .selectFrom("people")
      .selectAll()
      .where("organisation_id", "=", subject.organisationId)
      .where("id", "=", subject.personId)
      .executeTakeFirst();
    if (!person) return null;
    const role = person.user_id
      ? await db
          .selectFrom("organisation_roles")
          .select("role")
          .where("organisation_id", "=", subject.organisationId)
          .where("user_id", "=", person.user_id)
          .executeTakeFirst()
      : undefined;
    return {
      givenName: person.given_name,
      familyName: person.family_name,
      preferredName: person.preferred_name,
      email: person.email,
      employeeNumber: person.employee_number,
      status: person.status,
      statusSince: person.status_since,
      preferredLang: person.preferred_lang,
      hasAccount: person.user_id !== null,
      organisationAdministrator: role !== undefined,
      createdAt: person.created_at,
      updatedAt: person.updated_at,
    };
  },
  render(data, lang, timeZone) {
    const t = messages(lang);
    if (!data) return <p>{t.privacyNothingHeld}</p>;
    const rows: [string, Child][] = [
      [t.privacyFieldGivenName, data.givenName],
      [t.privacyFieldFamilyName, data.familyName],
      [t.privacyFieldPreferredName, data.preferredName ?? t.privacyNone],
      [t.privacyFieldEmail, data.email ?? t.privacyNone],
      [t.privacyFieldEmployeeNumber, data.employeeNumber],
      [t.privacyFieldStatus, t.privacyStatus(data.status)],
      [t.privacyFieldStatusSince, data.statusSince ? formatDay(data.statusSince, lang) : t.privacyNone],
      [t.privacyFieldLanguage, t.privacyLanguageName(data.preferredLang)],
      [t.privacyFieldAccount, data.hasAccount ? t.privacyYes : t.privacyNo],
      [t.privacyFieldAdministrator, data.organisationAdministrator ? t.privacyYes : t.privacyNo],
      [t.privacyFieldCreated, formatDateTime(data.createdAt, lang, timeZone)],
      [t.privacyFieldUpdated, formatDateTime(data.updatedAt, lang, timeZone)],
    ];
    return <Details rows={rows} />;
  },
});

interface PlacementData {
  unit: { id: string; nameEn: string; nameFr: string } | null;
  manager: { id: string; name: string; employeeNumber: string } | null;
  /** Units this person heads. */
  heads: { id: string; nameEn: string; nameFr: string }[];
  /** The people whose manager this person is (their manager lines start here). */
  reports: { id: string; name: string; employeeNumber: string }[];
}

const placementSection = ownDataSection<PlacementData | null>({
  key: "placement",
  title: (lang) => messages(lang).privacySectionPlacement,
  async collect(db, subject) {
    const person = await db
      .selectFrom("people")
      .select(["unit_id", "manager_id"])
      .where("organisation_id", "=", subject.organisationId)
      .where("id", "=", subject.personId)
      .executeTakeFirst();
    if (!person) return null;
    const unit = person.unit_id
      ? await db
          .selectFrom("units")
          .select(["id", "name_en", "name_fr"])
          .where("id", "=", person.unit_id)
          .executeTakeFirst()
      : undefined;
    const manager = person.manager_id
      ? await db
          .selectFrom("people")
          .select(["id", "given_name", "family_name", "preferred_name", "employee_number"])
          .where("id", "=", person.manager_id)
          .executeTakeFirst()
      : undefined;
    const heads = await db
      .selectFrom("units")
      .select(["id", "name_en", "name_fr"])
      .where("organisation_id", "=", subject.organisationId)
      .where("head_person_id", "=", subject.personId)
      .orderBy("name_en")
      .execute();
    const reports = await db
      .selectFrom("people")
      .select(["id", "given_name", "family_name", "preferred_name", "employee_number"])
      .where("organisation_id", "=", subject.organisationId)
      .where("manager_id", "=", subject.personId)
      .orderBy("family_name")
      .orderBy("given_name")
      .orderBy("id")
      .execute();
    return {
      unit: unit ? { id: unit.id, nameEn: unit.name_en, nameFr: unit.name_fr } : null,
      manager: manager ? { id: manager.id, name: displayName(manager), employeeNumber: manager.employee_number } : null,
      heads: heads.map((u) => ({ id: u.id, nameEn: u.name_en, nameFr: u.name_fr })),
      reports: reports.map((r) => ({ id: r.id, name: displayName(r), employeeNumber: r.employee_number })),
    };
  },
  render(data, lang) {
    const t = messages(lang);
    if (!data) return <p>{t.privacyNothingHeld}</p>;
    const unitName = (u: { nameEn: string; nameFr: string }) => (lang === "fr" ? u.nameFr : u.nameEn);
    const rows: [string, Child][] = [
      [t.privacyFieldUnit, data.unit ? unitName(data.unit) : t.privacyNone],
      [t.privacyFieldManager, data.manager ? `${data.manager.name} (${data.manager.employeeNumber})` : t.privacyNone],
      [t.privacyFieldHeads, data.heads.length > 0 ? data.heads.map(unitName).join(", ") : t.privacyNone],
      [
        t.privacyFieldReports,
        data.reports.length > 0 ? data.reports.map((r) => `${r.name} (${r.employeeNumber})`).join(", ") : t.privacyNone,
      ],
    ];
    return <Details rows={rows} />;
  },
});

interface AccessData {
  at: string;
  viewer: string;
  what: string;
  path: string | null;
}

const accessLogSection = ownDataSection<AccessData[]>({
  key: "accessLog",
  title: (lang) => messages(lang).privacySectionAccessLog,
  async collect(db, subject) {
    const rows = await db
      .selectFrom("access_log")
      .select(["at", "actor_label", "what", "path"])
      .where("organisation_id", "=", subject.organisationId)
      .where("person_id", "=", subject.personId)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map((row) => ({ at: row.at, viewer: row.actor_label, what: row.what, path: row.path }));
  },
  render(data, lang, timeZone) {
    const t = messages(lang);
    if (data.length === 0) return <p>{t.privacyAccessNone}</p>;
    return (
      <Table
        caption={t.privacySectionAccessLog}
        head={[t.privacyColumnWhen, t.privacyColumnViewer, t.privacyColumnWhat]}
        rows={data.map((row) => [
          <time datetime={row.at}>{formatDateTime(row.at, lang, timeZone)}</time>,
          row.viewer,
          t.privacyAccessKind(row.what),
        ])}
      />
    );
  },
});

interface ChangeData {
  at: string;
  by: string;
  action: string;
  before: unknown;
  after: unknown;
}

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const changesSection = ownDataSection<ChangeData[]>({
  key: "changes",
  title: (lang) => messages(lang).privacySectionChanges,
  async collect(db, subject) {
    // Their record's changes, and those of their account's administrator role in the organisation.
    const account = await db
      .selectFrom("people")
      .select("user_id")
      .where("organisation_id", "=", subject.organisationId)
      .where("id", "=", subject.personId)
      .executeTakeFirst();
    const userId = account?.user_id ?? null;
    const rows = await db
      .selectFrom("organisation_changes")
      .select(["at", "actor_label", "action", "before", "after"])
      .where("organisation_id", "=", subject.organisationId)
      .where((eb) =>
        eb.or([
          eb.and([eb("subject_kind", "=", "person"), eb("subject_id", "=", subject.personId)]),
          ...(userId ? [eb.and([eb("subject_kind", "=", "role"), eb("subject_id", "=", userId)])] : []),
        ]),
      )
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map((row) => ({
      at: row.at,
      by: row.actor_label,
      action: row.action,
      before: parseJson(row.before),
      after: parseJson(row.after),
    }));
  },
  render(data, lang, timeZone) {
    const t = messages(lang);
    if (data.length === 0) return <p>{t.privacyChangesNone}</p>;
    return (
      <Table
        caption={t.privacySectionChanges}
        head={[t.privacyColumnWhen, t.privacyColumnBy, t.privacyColumnAction, t.privacyColumnChange]}
        rows={data.map((row) => [
          <time datetime={row.at}>{formatDateTime(row.at, lang, timeZone)}</time>,
          row.by,
          t.privacyChangeAction(row.action),
          <ChangeText before={row.before} after={row.after} />,
        ])}
      />
    );
  },
});

interface InvitationData {
  email: string;
  lang: string;
  invitedBy: string;
  sentAt: string;
  expiresAt: string;
}

/** Invitations to sign in sent to the person (never the token: only its hash is kept, and it is nobody's to read). */
const invitationsSection = ownDataSection<InvitationData[]>({
  key: "invitations",
  title: (lang) => messages(lang).privacySectionInvitations,
  async collect(db, subject) {
    const rows = await db
      .selectFrom("person_invitations")
      .select(["email", "lang", "invited_by_label", "created_at", "expires_at"])
      .where("organisation_id", "=", subject.organisationId)
      .where("person_id", "=", subject.personId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute();
    return rows.map((row) => ({
      email: row.email,
      lang: row.lang,
      invitedBy: row.invited_by_label,
      sentAt: row.created_at,
      expiresAt: row.expires_at,
    }));
  },
  render(data, lang, timeZone) {
    const t = messages(lang);
    if (data.length === 0) return <p>{t.privacyInvitationsNone}</p>;
    return (
      <Table
        caption={t.privacySectionInvitations}
        head={[t.privacyColumnWhen, t.privacyColumnBy, t.privacyFieldEmail, t.privacyColumnExpires]}
        rows={data.map((row) => [
          <time datetime={row.sentAt}>{formatDateTime(row.sentAt, lang, timeZone)}</time>,
          row.invitedBy,
          row.email,
          <time datetime={row.expiresAt}>{formatDateTime(row.expiresAt, lang, timeZone)}</time>,
        ])}
      />
    );
  },
});

/** What the people side holds about a person today, in the order the page shows it. */
export const OWN_DATA_SECTIONS: readonly OwnDataSection[] = [
  recordSection,
  placementSection,
  accessLogSection,
  changesSection,
  invitationsSection,
];
