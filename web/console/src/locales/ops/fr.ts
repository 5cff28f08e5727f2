import type { opsEn } from './en';

export const opsFr: typeof opsEn = {
  messages: {
    title: "File d'envoi",
    webhooks: 'Webhooks',
    all: 'Tous',
    channel: 'Canal',
    subject: 'Objet ou modèle',
    source: 'Origine',
    attempts: 'Tentatives',
    retry: 'Relancer',
    retried: 'Le message est de nouveau en file.',
  },
  webhooks: {
    url: 'URL',
    events: 'Événements',
    eventsHint: 'Séparés par des virgules, * pour tous (customer.created, sale.posted, points.earned…)',
    description: 'Description',
    new: 'Nouveau point de terminaison',
    create: 'Enregistrer',
    secretOnce: 'Secret de signature, affiché une seule fois :',
    enable: 'Activer',
    disable: 'Désactiver',
  },
};
