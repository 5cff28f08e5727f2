import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from './catalog.js';
import { qualifyLabel, qualifyLine } from './qualify.js';

describe('qualification of invoice labels (spec/mmp.md §6.2 test table)', () => {
  it.each([
    ['JEU 4 PLAQ', 14],
    ['Remplacement Du Liquide De Freins', 10],
    ['- Revision - Operations Systematiques - 93820000', 1],
    ['HUILE 5W30', 1],
    ['Huile 5W-30', 1],
    ['FORFAIT FILTRE A AIR', 4],
    ['Filtre à air habitacle', 6],
    ['DISQUE FREIN AV', 7],
    ['DISQUES + PLAQUETTES AR', 8],
    ['PLAQUE IMMAT AR', null],
    ['VIDANGE BOITE', null],
    ['Diagnostic electronique', null],
    ["Main d'oeuvre atelier", null],
    ['SUSPENSION PNEUMATIQUE AR', null],
    ['KIT DISTRIBUTION', 3],
    ['recharge clim', 15],
    ['', null],
  ])('%s → %s', (label, job) => {
    expect(qualifyLabel(label)).toBe(job);
  });

  it.each(DEFAULT_CATALOG.map((j) => [j.label, j.id] as const))(
    'catalog label %s → its own job %i',
    (label, id) => {
      expect(qualifyLabel(label)).toBe(id);
    },
  );

  it('tries the package label, then the job label, then the part label', () => {
    expect(qualifyLine({ packageLabel: 'FORFAIT FILTRE A AIR', jobLabel: 'VIDANGE', partLabel: '' })).toEqual(
      {
        jobId: 4,
        source: 'package',
      },
    );
    expect(qualifyLine({ packageLabel: 'FORFAIT', jobLabel: 'VIDANGE', partLabel: 'JEU 4 PLAQ' })).toEqual({
      jobId: 1,
      source: 'job',
    });
    expect(qualifyLine({ packageLabel: '', jobLabel: 'Main d oeuvre', partLabel: 'JEU 4 PLAQ' })).toEqual({
      jobId: 14,
      source: 'part',
    });
    expect(qualifyLine({ packageLabel: '', jobLabel: 'Diagnostic', partLabel: '' })).toBeNull();
  });
});
