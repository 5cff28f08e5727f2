import { describe, expect, it } from 'vitest';
import { diagnosticOf } from './forecasts.js';
import { consistentReadings, currentMileage, mergeReadings } from './mileage.js';
import { ABC123_INVOICES, ABC123_ROWS, DEF123_ROWS, DEMO_CATALOG } from './profile.fixture.js';
import { vehicleProfile } from './profile.js';

const abc = () => vehicleProfile(ABC123_ROWS, ABC123_INVOICES, DEMO_CATALOG, 1000);
const table = (p: ReturnType<typeof abc>) =>
  p.forecasts.map((f) => [f.jobId, f.lastJobDate, f.mileageBased, f.periodicBased, f.checkBased, f.due]);

describe('mileage readings (spec/mmp.md §6.4)', () => {
  it('drops a typing error: 10 000, 20 000, 2 000, 30 000', () => {
    const kept = consistentReadings(
      mergeReadings([
        { date: '2020-01-01', km: 10_000 },
        { date: '2020-06-01', km: 20_000 },
        { date: '2020-09-01', km: 2_000 },
        { date: '2021-01-01', km: 30_000 },
      ]),
    );
    expect(kept.map((r) => r.km)).toEqual([10_000, 20_000, 30_000]);
  });

  it('merges readings of one date (highest wins) and ignores zero', () => {
    expect(
      mergeReadings([
        { date: '2020-01-01', km: 5 },
        { date: '2020-01-01', km: 9 },
        { date: '2019-01-01', km: 0 },
      ]),
    ).toEqual([{ date: '2020-01-01', km: 9 }]);
  });

  it('keeps ABC123 readings but the stale 52 032 km row', () => {
    expect(abc().kept.map((r) => r.km)).toEqual([11001, 20544, 62380, 70371, 96753]);
  });
});

describe('ABC123 (spec/mmp.md §8.5–§8.6)', () => {
  it('has the seed vehicle informations', () => {
    const p = abc();
    expect(p.rate).toBe(1100);
    expect(p.rateSource).toBe('recent');
    expect(p.releaseDate).toBe('2009-09-30');
    expect(p.variant).toBe('VF7RDRFJC9L554165');
    expect(p.lastVisitDate).toBe('2020-09-01');
    expect(p.lastVisitMileage).toBe(96753);
    expect(p.lastTechnicalControlDate).toBe('2017-09-30');
    expect(p.nextTechnicalControlDate).toBeNull();
  });

  it('estimates the current mileage as of 2021-06-01 / 2022-01-30 / 2022-01-31 / 2022-03-22', () => {
    const p = abc();
    expect(
      ['2021-06-01', '2022-01-30', '2022-01-31', '2022-03-22'].map((d) => currentMileage(p.kept, p.curve, d)),
    ).toEqual([114389, 123171, 0, 0]);
  });

  it('forecasts every job as §8.6 shows', () => {
    expect(table(abc())).toEqual([
      [1, '2012-06-20', '2013-10-01', '2013-06-01', null, '2013-06-01'],
      [2, null, '2015-12-01', null, null, '2015-12-01'],
      [3, null, '2021-11-01', '2015-09-01', null, '2015-09-01'],
      [4, '2016-02-23', '2032-08-01', null, null, '2032-08-01'],
      [6, null, '2012-06-01', '2010-09-01', null, '2010-09-01'],
      [10, '2018-01-30', null, '2020-01-01', null, '2020-01-01'],
      [11, null, '2021-11-01', '2014-09-01', null, '2014-09-01'],
      [12, null, '2014-03-01', null, '2013-09-01', '2013-09-01'],
      [13, null, null, '2014-09-01', null, '2014-09-01'],
      [14, '2020-01-30', '2023-02-01', null, '2021-09-01', '2021-09-01'],
      [15, null, null, '2011-09-01', null, '2011-09-01'],
    ]);
    expect(abc().forecasts.every((f) => f.notes.length === 0)).toBe(true);
  });

  it('diagnoses ten overdue jobs and none upcoming on 2022-03-22', () => {
    const d = diagnosticOf(abc().forecasts, '2022-03-22');
    expect(d.overdue.map((e) => [e.jobId, e.estimatedDate])).toEqual([
      [6, '2010-09-01'],
      [15, '2011-09-01'],
      [1, '2013-06-01'],
      [12, '2013-09-01'],
      [11, '2014-09-01'],
      [13, '2014-09-01'],
      [3, '2015-09-01'],
      [2, '2015-12-01'],
      [10, '2020-01-01'],
      [14, '2021-09-01'],
    ]);
    expect(d.upcoming).toEqual([]);
    expect(diagnosticOf(abc().forecasts, '2021-08-10').upcoming.map((e) => e.jobId)).toEqual([14]);
  });
});

describe('DEF123: one reading (spec/mmp.md §8.6)', () => {
  const p = vehicleProfile(DEF123_ROWS, [], DEMO_CATALOG, 1000);
  it('takes the rate since first registration and extrapolates today', () => {
    expect(p.rate).toBe(858);
    expect(p.rateSource).toBe('registration');
    expect(currentMileage(p.kept, p.curve, '2022-03-22')).toBe(72103);
  });
  it('forecasts from new', () => {
    expect(p.forecasts.map((f) => [f.jobId, f.mileageBased, f.periodicBased, f.checkBased])).toEqual([
      [1, '2016-09-01', '2016-03-01', null],
      [2, '2021-01-01', null, null],
      [3, '2026-11-01', '2021-03-01', null],
      [4, '2034-08-01', null, null],
      [6, '2017-02-01', '2016-03-01', null],
      [10, null, '2017-03-01', null],
      [11, '2026-11-01', '2020-03-01', null],
      [12, '2019-02-01', null, '2019-03-01'],
      [13, null, '2020-03-01', null],
      [15, null, '2017-03-01', null],
    ]);
  });
});

describe('default monthly mileage (spec/mmp.md §8.7, §6.5)', () => {
  it('one invoice of 30 000 km with a VIDANGE line and no client row: rate 1000 and a note on job 1', () => {
    const p = vehicleProfile(
      [],
      [{ id: 1, date: '2021-05-01', mileage: 30_000, jobs: [{ jobId: 1, source: 'job' }] }],
      DEMO_CATALOG,
      1000,
    );
    expect(p.rate).toBe(1000);
    expect(p.forecasts).toHaveLength(1);
    expect(p.forecasts[0]).toMatchObject({
      jobId: 1,
      notes: ['DEFAULT_MONTHLY_MILEAGE'],
      mileageBased: '2022-07-01',
    });
  });
  it('no reading and no release date: no curve, a note', () => {
    const p = vehicleProfile(
      [],
      [{ id: 1, date: '2021-05-01', mileage: null, jobs: [{ jobId: 14, source: 'part' }] }],
      DEMO_CATALOG,
      1000,
    );
    expect(p.forecasts[0]).toMatchObject({
      jobId: 14,
      mileageBased: null,
      checkBased: null,
      notes: ['NO_MILEAGE_DATA', 'NO_CONTROL_DATE'],
    });
  });
});
