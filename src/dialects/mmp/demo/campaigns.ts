/** The demo network's diffused campaigns and who they reached (spec/mmp.md §8.4), stored as history. */
import type { HistoryCampaign } from '../../../app/vehicles/campaign-history.js';
import { instantOf } from '../../../app/vehicles/network.js';

const SMS = { sms: true, email: false, postal: false };
const at = (local: string) => instantOf(local, 'Europe/Paris').toISOString();
const dupontBo = {
  clientId: 58445961,
  clientDmsId: null,
  civility: 'Mr',
  firstName: null,
  lastName: 'DUPONT',
};
const abcCitroen = { plate: 'ABC123', brand: 'CITROEN', model: 'C5' };
const lefebvre = {
  clientId: 58445959,
  clientDmsId: '5702',
  civility: 'Mr',
  firstName: null,
  lastName: 'LEFEBVRE CHRISTINE',
  plate: 'DEF123',
  brand: 'Dacia',
  model: 'SANDERO',
};

export const DEMO_CAMPAIGNS: (Omit<HistoryCampaign, 'storeId'> & { memberId: number })[] = [
  {
    campaignId: 468,
    memberId: 57525,
    label: 'Décembre 2016',
    type: 'predictive',
    createdOn: '2020-11-10',
    predictionMonth: '2020-12-01',
    diffusedAt: at('2020-11-18 11:26:01'),
    channels: ['sms'],
    operations: [{ jobId: 6, promotionId: 212, promotionLabel: '-10%' }],
    targets: [{ ...dupontBo, ...abcCitroen, jobId: 6, channels: SMS }],
  },
  {
    campaignId: 1102,
    memberId: 57525,
    label: 'Avril 2021',
    type: 'predictive',
    createdOn: '2021-03-09',
    predictionMonth: '2021-04-01',
    diffusedAt: at('2021-03-16 10:45:12'),
    channels: ['sms'],
    operations: [{ jobId: 2, promotionId: 290, promotionLabel: '-10%' }],
    targets: [{ ...dupontBo, ...abcCitroen, jobId: 2, channels: SMS }],
  },
  {
    campaignId: 1465,
    memberId: 78612,
    label: 'Août 2021',
    type: 'predictive',
    createdOn: '2021-07-06',
    predictionMonth: '2021-08-01',
    diffusedAt: at('2021-07-13 09:30:00'),
    channels: ['sms'],
    operations: [{ jobId: 6, promotionId: 318, promotionLabel: '-10%' }],
    targets: [{ ...lefebvre, jobId: 6, channels: SMS }],
  },
  {
    campaignId: 1469,
    memberId: 78612,
    label: 'Septembre 2021',
    type: 'predictive',
    createdOn: '2021-08-11',
    predictionMonth: '2021-09-01',
    diffusedAt: at('2021-08-17 09:30:00'),
    channels: ['sms'],
    operations: [
      { jobId: 5, promotionId: 323, promotionLabel: 'Communication informative' },
      { jobId: 8, promotionId: 327, promotionLabel: 'Communication informative' },
    ],
    targets: [
      {
        clientId: 58445958,
        clientDmsId: '5678',
        civility: 'Mr',
        firstName: null,
        lastName: 'DUPONT PHILLIPE',
        plate: 'ABC123',
        brand: 'Renault',
        model: 'MEGANE',
        jobId: 5,
        channels: SMS,
      },
      { ...lefebvre, jobId: 8, channels: SMS },
    ],
  },
];
