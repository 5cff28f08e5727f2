/**
 * E-mail over SMTP through nodemailer: pooled connections, STARTTLS whenever the server offers it (required
 * with SMTP_REQUIRE_TLS=1), implicit TLS for smtps://, AUTH from the URL's user:password. A 550/551/553
 * refusal of the recipient is permanent; anything else (421, 450, no connection) is retried.
 */
import nodemailer from 'nodemailer';
import type { MessagingConfig } from '../../../config-messaging.js';
import type { Ports, SendResult } from '../../ports.js';

const PERMANENT = new Set([550, 551, 553]);

export function mailAdapter(config: MessagingConfig, ca: Buffer | undefined): NonNullable<Ports['mail']> {
  const url = new URL(config.smtpUrl!);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: config.smtpPoolSize,
    maxMessages: 1000,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: config.smtpRequireTls,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    ...(ca ? { tls: { ca: [ca] } } : {}),
    connectionTimeout: config.sendTimeoutMs,
    greetingTimeout: config.sendTimeoutMs,
    socketTimeout: config.sendTimeoutMs * 2,
  });
  return {
    send: async (message): Promise<SendResult> => {
      try {
        const info = await transport.sendMail({
          from: config.smtpFrom,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          headers: message.headers,
          messageId: message.messageId,
        });
        return { ok: info.rejected.length === 0, answer: String(info.response ?? 'accepted') };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const answer =
          (error as { response?: string }).response ??
          (error instanceof Error ? error.message : String(error));
        return { ok: false, answer, permanent: code !== undefined && PERMANENT.has(code) };
      }
    },
    close: () => transport.close(),
  };
}
