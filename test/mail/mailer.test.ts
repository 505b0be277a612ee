import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pino from "pino";
import { readConfig } from "../../src/config.ts";
import { createMailer, describeSmtpUrl } from "../../src/mail/mailer.ts";
import { header, startSmtpServer, type TestSmtpServer, textBody } from "../support/smtp.ts";

/** A logger whose lines the test can read. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe("mail through a real SMTP server", () => {
  let server: TestSmtpServer;
  before(async () => {
    server = await startSmtpServer();
  });
  after(() => server.close());

  test("the message reaches the server with its recipient, sender, language and text (accents kept)", async () => {
    const { logger } = memoryLogger();
    const mailer = createMailer({ smtpUrl: server.url, from: "Skillshelf <skillshelf@library.example>" }, logger);
    assert.equal(mailer.configured, true);
    const outcome = await mailer.send({
      to: "amelie.cote@library.example",
      subject: "Invitation à Skillshelf",
      text: "Bonjour Amélie,\nOuvrez ce lien : https://skills.example/fr/x?y=1",
      lang: "fr",
    });
    assert.equal(outcome.sent, true);
    const mail = server.received.at(-1);
    assert.ok(mail);
    assert.deepEqual(mail.to, ["amelie.cote@library.example"]);
    assert.equal(mail.from, "skillshelf@library.example");
    assert.equal(header(mail.raw, "Content-Language"), "fr");
    assert.equal(header(mail.raw, "Subject"), "Invitation à Skillshelf");
    assert.match(textBody(mail.raw), /Bonjour Amélie,/);
    assert.match(textBody(mail.raw), /https:\/\/skills\.example\/fr\/x\?y=1/);
  });

  test("a refusing server is reported as not sent, with the reason, and nothing throws", async () => {
    const refusing = await startSmtpServer({ reject: true });
    try {
      const { logger, lines } = memoryLogger();
      const mailer = createMailer({ smtpUrl: refusing.url, from: "a@b.example" }, logger);
      const outcome = await mailer.send({ to: "x@library.example", subject: "s", text: "t" });
      assert.equal(outcome.sent, false);
      assert.equal(outcome.sent === false && outcome.reason, "failed");
      assert.equal(refusing.received.length, 0);
      assert.ok(lines.some((line) => line.msg === "e-mail not sent"));
    } finally {
      await refusing.close();
    }
  });
});

describe("mail without SMTP", () => {
  test("the message is written to the log and the caller is told it was not sent", async () => {
    const { logger, lines } = memoryLogger();
    const mailer = createMailer({ from: "a@b.example" }, logger);
    assert.equal(mailer.configured, false);
    const outcome = await mailer.send({ to: "x@library.example", subject: "Hello", text: "Link: https://s.example/a" });
    assert.deepEqual(outcome, { sent: false, reason: "not_configured" });
    const line = lines.find((l) => (l.mail as { to?: string } | undefined)?.to === "x@library.example");
    assert.ok(line, "the message is in the log");
    assert.match(JSON.stringify(line), /https:\/\/s\.example\/a/);
  });

  test("a URL's credentials never appear in what the log says about the server", () => {
    assert.equal(describeSmtpUrl("smtp://user:secret@mail.example:2525"), "smtp://mail.example:2525");
  });
});

describe("SMTP settings", () => {
  test("SMTP_URL and MAIL_FROM are read; blank means unset", () => {
    const config = readConfig({ SMTP_URL: "smtps://u:p@mail.example:465", MAIL_FROM: "HR <hr@library.example>" });
    assert.equal(config.mail.smtpUrl, "smtps://u:p@mail.example:465");
    assert.equal(config.mail.from, "HR <hr@library.example>");
    assert.equal(readConfig({ SMTP_URL: " " }).mail.smtpUrl, undefined);
    assert.match(readConfig({ BASE_URL: "https://skills.example" }).mail.from, /@skills\.example>$/);
  });

  test("an SMTP_URL that is not smtp:// or smtps:// is refused, naming the setting", () => {
    assert.throws(() => readConfig({ SMTP_URL: "http://mail.example" }), /SMTP_URL/);
  });
});
