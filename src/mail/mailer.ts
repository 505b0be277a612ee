/**
 * Sending e-mail (invitations now, reminders later). With `SMTP_URL` set, messages go through that
 * server (nodemailer); without it nothing is sent: the message is written to the log, and the caller
 * is told so, so that a page can show the link to pass on by hand. A self-hosted instance thus works
 * before anyone has configured mail, and no message silently vanishes.
 */
import type { Logger } from "pino";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text: every message is readable in any client. */
  text: string;
  /** An HTML alternative, when the message has one. */
  html?: string;
  /** The message's language (Content-Language), e.g. the recipient's preferred one. */
  lang?: string;
}

export type MailOutcome =
  | { sent: true; messageId: string }
  /** No SMTP server configured: the message was written to the log instead. */
  | { sent: false; reason: "not_configured" }
  /** The server refused the message or could not be reached; `error` says why (for the log). */
  | { sent: false; reason: "failed"; error: string };

export interface Mailer {
  /** Whether messages actually leave (an SMTP server is configured). */
  readonly configured: boolean;
  send(message: MailMessage): Promise<MailOutcome>;
}

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://…; absent: log only. */
  smtpUrl?: string;
  /** The sender, e.g. "Skillshelf <skillshelf@library.example>". */
  from: string;
}

/** Host and port only: the URL's credentials never reach a log line. */
export function describeSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}`;
  } catch {
    return "(unreadable SMTP_URL)";
  }
}

export function createMailer(settings: MailSettings, logger: Logger): Mailer {
  const smtpUrl = settings.smtpUrl;
  if (!smtpUrl) {
    return {
      configured: false,
      async send(message) {
        // The whole message goes to the log: it is how an administrator without SMTP reads it.
        logger.info(
          { mail: { to: message.to, subject: message.subject, lang: message.lang, text: message.text } },
          "e-mail not sent (no SMTP_URL): message written here instead",
        );
        return { sent: false, reason: "not_configured" };
      },
    };
  }
  // Loaded on first use: instances without mail never load nodemailer.
  let transport: Promise<import("nodemailer").Transporter> | undefined;
  const transporter = () => {
    transport ??= import("nodemailer").then((nodemailer) => nodemailer.createTransport(smtpUrl));
    return transport;
  };
  return {
    configured: true,
    async send(message) {
      try {
        const info = await (await transporter()).sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.lang ? { "Content-Language": message.lang } : undefined,
        });
        logger.info({ mail: { to: message.to, subject: message.subject, messageId: info.messageId } }, "e-mail sent");
        return { sent: true, messageId: String(info.messageId) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ mail: { to: message.to, server: describeSmtpUrl(smtpUrl) }, err: reason }, "e-mail not sent");
        return { sent: false, reason: "failed", error: reason };
      }
    },
  };
}
