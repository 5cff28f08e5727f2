/** The demo vehicles ABC123 and DEF123 of spec/mmp.md §8, as the core sees them. */
import { catalogWith } from './catalog.js';
import type { VehicleInvoice, VehicleRow } from './profile.js';

export const DEMO_CATALOG = catalogWith(new Map([[4, { intervalKm: 200_000 }]]));

const row = (over: Partial<VehicleRow> & { order: number }): VehicleRow => ({
  lastVisitDate: null,
  lastVisitMileage: null,
  releaseDate: null,
  variant: null,
  lastTechnicalControlDate: null,
  nextTechnicalControlDate: null,
  ...over,
});

export const ABC123_ROWS: VehicleRow[] = [
  row({ order: 2, lastVisitDate: '2020-09-01', lastVisitMileage: 52032 }),
  row({
    order: 3,
    lastVisitDate: '2016-02-23',
    lastVisitMileage: 62380,
    releaseDate: '2009-09-30',
    variant: 'VF7RDRFJC9L554165',
    lastTechnicalControlDate: '2017-09-30',
  }),
];

export const ABC123_INVOICES: VehicleInvoice[] = [
  { id: 35129721, date: '2018-01-30', mileage: 70371, jobs: [{ jobId: 10, source: 'job' }] },
  { id: 35129722, date: '2011-09-26', mileage: 11001, jobs: [] },
  { id: 35129723, date: '2020-01-30', mileage: 96753, jobs: [{ jobId: 14, source: 'part' }] },
  {
    id: 35129724,
    date: '2012-06-20',
    mileage: 20544,
    jobs: [
      { jobId: 1, source: 'job' },
      { jobId: 1, source: 'part' },
    ],
  },
  { id: 35129725, date: '2016-02-23', mileage: 62380, jobs: [{ jobId: 4, source: 'package' }] },
];

export const DEF123_ROWS: VehicleRow[] = [
  row({ order: 4, lastVisitDate: '2021-03-02', lastVisitMileage: 61250, releaseDate: '2015-03-20' }),
];
