/**
 * The outside world a delivery job talks to: e-mail, SMS, push and webhooks, behind ports so that the engine
 * and its tests do not depend on a provider. The no-op adapters accept everything and send nothing; the
 * recording adapters keep what they were given, for tests.
 */
export interface OutgoingMessage {
  to: string;
  subject?: string | null;
  body: string;
  url?: string | null;
}

export interface WebhookDelivery {
  url: string;
  event: string;
  payload: unknown;
}

export interface Ports {
  mail: { send(message: OutgoingMessage): Promise<void> };
  sms: { send(message: OutgoingMessage): Promise<void> };
  push: { send(message: OutgoingMessage): Promise<void> };
  webhooks: { deliver(delivery: WebhookDelivery): Promise<void> };
}

export const NO_OP_PORTS: Ports = {
  mail: { send: async () => {} },
  sms: { send: async () => {} },
  push: { send: async () => {} },
  webhooks: { deliver: async () => {} },
};

export interface RecordedPorts extends Ports {
  sent: { channel: 'mail' | 'sms' | 'push'; message: OutgoingMessage }[];
  delivered: WebhookDelivery[];
}

export function recordingPorts(): RecordedPorts {
  const sent: RecordedPorts['sent'] = [];
  const delivered: WebhookDelivery[] = [];
  const channel = (name: 'mail' | 'sms' | 'push') => ({
    send: async (message: OutgoingMessage) => {
      sent.push({ channel: name, message });
    },
  });
  return {
    sent,
    delivered,
    mail: channel('mail'),
    sms: channel('sms'),
    push: channel('push'),
    webhooks: {
      deliver: async (d) => {
        delivered.push(d);
      },
    },
  };
}
