import type { opsEn } from './en';

export const opsEs: typeof opsEn = {
  messages: {
    title: 'Cola de envío',
    webhooks: 'Webhooks',
    all: 'Todos',
    channel: 'Canal',
    subject: 'Asunto o plantilla',
    source: 'Origen',
    attempts: 'Intentos',
    retry: 'Reintentar',
    retried: 'El mensaje vuelve a estar en cola.',
  },
  webhooks: {
    url: 'URL',
    events: 'Eventos',
    eventsHint: 'Separados por comas, * para todos (customer.created, sale.posted, points.earned…)',
    description: 'Descripción',
    new: 'Nuevo endpoint de webhook',
    create: 'Registrar',
    secretOnce: 'Secreto de firma, mostrado una sola vez:',
    enable: 'Activar',
    disable: 'Desactivar',
  },
};
