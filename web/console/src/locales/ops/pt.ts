import type { opsEn } from './en';

export const opsPt: typeof opsEn = {
  messages: {
    title: 'Fila de envio',
    webhooks: 'Webhooks',
    all: 'Todos',
    channel: 'Canal',
    subject: 'Assunto ou modelo',
    source: 'Origem',
    attempts: 'Tentativas',
    retry: 'Tentar de novo',
    retried: 'A mensagem voltou à fila.',
  },
  webhooks: {
    url: 'URL',
    events: 'Eventos',
    eventsHint: 'Separados por vírgulas, * para todos (customer.created, sale.posted, points.earned…)',
    description: 'Descrição',
    new: 'Novo endpoint de webhook',
    create: 'Registar',
    secretOnce: 'Segredo de assinatura, mostrado uma só vez:',
    enable: 'Ativar',
    disable: 'Desativar',
  },
};
