/** `skillshelf org create|list`: organisations from the command line (src/people/organisations). */
import { findUserByEmail } from "../auth/accounts.ts";
import { readConfig } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { COMMAND_LINE } from "../people/organisations/changes.ts";
import { organisationSettingsForm } from "../people/organisations/schemas.ts";
import { createOrganisation, listOrganisations, SlugTakenError } from "../people/organisations/store.ts";
import { type Command, ENV_NOTE, terminal, UsageError } from "./command.ts";

/** What each settings field is called on the command line, for messages. */
const OPTION_OF: Record<string, string> = {
  name_en: "--name-en",
  name_fr: "--name-fr",
  slug: "--slug",
  default_lang: "--lang",
};

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  const database = await openDatabase(readConfig().databaseUrl);
  try {
    await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

export const orgCommand: Command = {
  help: `Usage: skillshelf org create --slug NAME --name-en TEXT --name-fr TEXT [--lang en|fr] [--admin EMAIL]...
       skillshelf org list [--json]

create  adds an organisation (a library system). --slug is its web address name (/en/orgs/NAME):
        lower-case letters, digits and hyphens. --lang is its default language (en by default).
        --admin appoints an existing account as its administrator (repeatable).
list    prints every organisation: web address name, names, default language, administrators.
${ENV_NOTE}`,
  options: {
    slug: { type: "string" },
    "name-en": { type: "string" },
    "name-fr": { type: "string" },
    lang: { type: "string" },
    admin: { type: "string", multiple: true },
    json: { type: "boolean" },
  },
  positionals: true,
  async run(values, positionals) {
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (action === "list") return list(values.json === true);
    if (action === "create") return create(values);
    throw new UsageError(action ? `unknown action "${action}" (create or list)` : "say create or list");
  },
};

async function list(json: boolean): Promise<number> {
  const organisations = await withDatabase(listOrganisations);
  if (json) {
    terminal.console.log(
      JSON.stringify(
        organisations.map(({ organisation: o, administrators }) => ({
          slug: o.slug,
          name: { en: o.name_en, fr: o.name_fr },
          defaultLanguage: o.default_lang,
          administrators,
        })),
      ),
    );
    return 0;
  }
  if (organisations.length === 0) {
    terminal.console.log("no organisation yet");
    return 0;
  }
  for (const { organisation: o, administrators } of organisations)
    terminal.console.log(
      [o.slug, o.name_en, o.name_fr, o.default_lang, administrators.join(",") || "(no administrator)"].join("\t"),
    );
  return 0;
}

async function create(values: Record<string, unknown>): Promise<number> {
  const parsed = organisationSettingsForm.safeParse({
    slug: values.slug,
    name_en: values["name-en"],
    name_fr: values["name-fr"],
    default_lang: values.lang ?? "en",
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const option = OPTION_OF[String(issue.path[0])] ?? String(issue.path[0]);
      return issue.code === "invalid_type" ? `${option} is required` : `${option} is not valid`;
    });
    throw new UsageError([...new Set(problems)].join("; "));
  }
  const emails = (values.admin as string[] | undefined) ?? [];
  return withDatabase(async (db) => {
    const administrators = [];
    for (const email of emails) {
      const user = await findUserByEmail(db, email);
      if (!user) {
        terminal.console.error(`no account has the e-mail address ${email}: create it first (skillshelf create-admin)`);
        return 1;
      }
      administrators.push(user);
    }
    try {
      const organisation = await createOrganisation(db, parsed.data, COMMAND_LINE, { administrators });
      terminal.console.log(`created ${organisation.slug} (${organisation.name_en} / ${organisation.name_fr})`);
      return 0;
    } catch (error) {
      if (!(error instanceof SlugTakenError)) throw error;
      terminal.console.error(error.message);
      return 1;
    }
  });
}
