/** The real adapters for what the configuration names; a channel left unset stays null (messages wait). */
import fs from 'node:fs';
import type { MessagingConfig } from '../../../config-messaging.js';
import type { Ports } from '../../ports.js';
import { mailAdapter } from './mail-adapter.js';
import { pushAdapter } from './push-adapter.js';
import { smsAdapter } from './sms-adapter.js';
import { webhookAdapter } from './webhook-adapter.js';

export function createPorts(config: MessagingConfig): Ports {
  const ca = config.outboundCaPath ? fs.readFileSync(config.outboundCaPath) : undefined;
  return {
    mail: config.smtpUrl ? mailAdapter(config, ca) : null,
    sms: config.smsGatewayUrl ? smsAdapter(config, ca) : null,
    push: config.vapidPublicKey && config.vapidPrivateKey ? pushAdapter(config, ca) : null,
    webhooks: webhookAdapter({
      timeoutMs: config.sendTimeoutMs,
      ca,
      allowPrivate: config.webhooksAllowPrivate,
    }),
  };
}

/** Why a channel's messages wait, or null when it can send. */
export function unconfiguredReason(ports: Ports, channel: string): string | null {
  switch (channel) {
    case 'email':
      return ports.mail ? null : 'E-mail is not configured: set SMTP_URL (and SMTP_FROM).';
    case 'sms':
      return ports.sms ? null : 'SMS is not configured: set SMS_GATEWAY_URL.';
    case 'push':
      return ports.push ? null : 'Push is not configured: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY.';
    case 'webhook':
      return ports.webhooks ? null : 'Webhooks are not delivered by this process.';
    default:
      return `Unknown channel ${channel}.`;
  }
}
