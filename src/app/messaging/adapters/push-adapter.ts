/**
 * Web Push (RFC 8030, encrypted per RFC 8291, VAPID RFC 8292) through the web-push library. 404 and 410
 * mean the subscription is gone: permanent (the worker forgets it).
 */
import https from 'node:https';
import webpush from 'web-push';
import type { MessagingConfig } from '../../../config-messaging.js';
import type { Ports, SendResult } from '../../ports.js';

export function pushAdapter(config: MessagingConfig, ca: Buffer | undefined): NonNullable<Ports['push']> {
  const vapidDetails = {
    subject: config.vapidSubject,
    publicKey: config.vapidPublicKey!,
    privateKey: config.vapidPrivateKey!,
  };
  const agent = ca
    ? new https.Agent({
        ca: [...(https.globalAgent.options.ca ? [https.globalAgent.options.ca].flat() : []), ca],
      })
    : undefined;
  return {
    publicKey: config.vapidPublicKey!,
    send: async (message): Promise<SendResult> => {
      try {
        const answer = await webpush.sendNotification(message.subscription, message.payload, {
          vapidDetails,
          TTL: message.ttlSeconds,
          topic: message.topic,
          timeout: config.sendTimeoutMs,
          ...(agent ? { agent } : {}),
        });
        return { ok: true, answer: `${answer.statusCode} ${answer.body ?? ''}`.trim() };
      } catch (error) {
        if (error instanceof webpush.WebPushError) {
          return {
            ok: false,
            answer: `${error.statusCode} ${error.body ?? ''}`.trim().slice(0, 300),
            permanent: error.statusCode === 404 || error.statusCode === 410,
          };
        }
        return { ok: false, answer: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
