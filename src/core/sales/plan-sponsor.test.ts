import { describe, expect, it } from 'vitest';
import { planSponsorReward } from './plan-sponsor.js';

const settings = { godfatherPoints: 100, godchildPoints: 50 };
const sponsor = { godchildId: 'cus_child', godfatherCardId: 'card_gf' };

describe('planSponsorReward', () => {
  it('pays the godfather on a purchase of the godchild', () => {
    expect(planSponsorReward(settings, sponsor, 1)).toEqual({
      godchildId: 'cus_child',
      godfatherCardId: 'card_gf',
      points: 100,
    });
  });

  it.each([
    ['sponsorship not activated', null, sponsor, 1000],
    ['no godfather to reward (none, or already rewarded)', settings, null, 1000],
    ['nothing bought (a return, a wallet operation)', settings, sponsor, 0],
    ['a program that pays the godfather nothing', { godfatherPoints: 0, godchildPoints: 50 }, sponsor, 1000],
  ])('pays nothing when %s', (_what, s, who, purchases) => {
    expect(planSponsorReward(s, who, purchases)).toBeNull();
  });
});
