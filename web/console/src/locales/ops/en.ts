/** English messages of the messages, webhooks and imports screens. */
export const opsEn = {
  messages: {
    title: 'Outbox',
    webhooks: 'Webhooks',
    all: 'All',
    channel: 'Channel',
    subject: 'Subject or template',
    source: 'Source',
    attempts: 'Attempts',
    retry: 'Retry',
    retried: 'The message is queued again.',
  },
  webhooks: {
    url: 'URL',
    events: 'Events',
    eventsHint: 'Comma-separated, * for all (customer.created, sale.posted, points.earned…)',
    description: 'Description',
    new: 'New webhook endpoint',
    create: 'Register',
    secretOnce: 'Signing secret, shown only once:',
    enable: 'Enable',
    disable: 'Disable',
  },
};
