/**
 * SMS through an HTTP gateway. The built-in shape is the widely used Messages API (form POST of To, From,
 * Body, HTTP Basic auth from the URL's user:password, 201 with the message's sid); `json` posts
 * SMS_GATEWAY_BODY with {{to}}, {{from}}, {{body}}, {{reference}} replaced by JSON strings. A 4xx other
 * than 408/429 is a permanent refusal (bad number, bad credentials are fixed by hand, then retried).
 */
import type { MessagingConfig } from '../../../config-messaging.js';
import type { Ports, SendResult } from '../../ports.js';
import { describeAnswer, httpPost } from './http-post.js';

export function smsAdapter(config: MessagingConfig, ca: Buffer | undefined): NonNullable<Ports['sms']> {
  const url = config.smsGatewayUrl!;
  return {
    send: async (message): Promise<SendResult> => {
      const headers: Record<string, string> = {
        'User-Agent': 'Tessera',
        'Idempotency-Key': message.reference,
      };
      if (config.smsGatewayAuth) headers.Authorization = config.smsGatewayAuth;
      let body: string;
      if (config.smsGatewayFormat === 'twilio') {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams({
          To: message.to,
          From: config.smsSenderId,
          Body: message.body,
        }).toString();
      } else {
        headers['Content-Type'] = 'application/json';
        const values: Record<string, string> = {
          to: message.to,
          from: config.smsSenderId,
          body: message.body,
          reference: message.reference,
        };
        body = config.smsGatewayBody.replace(/\{\{\s*(to|from|body|reference)\s*\}\}/g, (_m, name: string) =>
          JSON.stringify(values[name]),
        );
      }
      try {
        const answer = await httpPost(url, { headers, body, timeoutMs: config.sendTimeoutMs, ca });
        const ok = answer.status >= 200 && answer.status < 300;
        const permanent = answer.status >= 400 && answer.status < 500 && ![408, 429].includes(answer.status);
        return { ok, answer: describeAnswer(answer), permanent: !ok && permanent };
      } catch (error) {
        return { ok: false, answer: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
