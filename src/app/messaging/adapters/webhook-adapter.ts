/** Webhooks over HTTP(S): a 2xx is a success; anything else, or no answer in time, is retried. */
import type { Ports, SendResult } from '../../ports.js';
import { describeAnswer, httpPost } from './http-post.js';

export function webhookAdapter(options: {
  timeoutMs: number;
  ca?: Buffer | undefined;
  allowPrivate: boolean;
}): NonNullable<Ports['webhooks']> {
  return {
    deliver: async (request): Promise<SendResult> => {
      try {
        const answer = await httpPost(request.url, {
          headers: request.headers,
          body: request.body,
          timeoutMs: options.timeoutMs,
          ca: options.ca,
          publicOnly: !options.allowPrivate,
        });
        return { ok: answer.status >= 200 && answer.status < 300, answer: describeAnswer(answer) };
      } catch (error) {
        return { ok: false, answer: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
