/** The maintenance-job catalog (the maintenance plan): intervals per job, and per-network overrides. */
export interface CatalogJob {
  id: number;
  label: string;
  intervalKm: number | null;
  intervalMonths: number | null;
  /** Due before the next technical control after it was last done. */
  checkBased: boolean;
  /** Forecast from first registration when never done. */
  forecastFromNew: boolean;
  active: boolean;
}

export type JobOverride = Partial<
  Pick<CatalogJob, 'intervalKm' | 'intervalMonths' | 'checkBased' | 'forecastFromNew' | 'active'>
>;

const job = (
  id: number,
  label: string,
  intervalKm: number | null,
  intervalMonths: number | null,
  checkBased: boolean,
  forecastFromNew: boolean,
): CatalogJob => ({ id, label, intervalKm, intervalMonths, checkBased, forecastFromNew, active: true });

export const DEFAULT_CATALOG: readonly CatalogJob[] = [
  job(1, 'Vidange', 15_000, 12, false, true),
  job(2, 'Bougies', 60_000, null, false, true),
  job(3, 'Courroie de distribution', 120_000, 72, false, true),
  job(4, 'Filtre à air', 40_000, null, false, true),
  job(5, 'Plaquettes de freins AVANT', 40_000, null, true, false),
  job(6, 'Filtre habitacle', 20_000, 12, false, true),
  job(7, 'Disques + Plaquettes AVANT', 80_000, null, true, false),
  job(8, 'Disques + Plaquettes ARRIERE', 100_000, null, true, false),
  job(9, 'Plaquettes de freins ARRIERE', 60_000, null, true, false),
  job(10, 'Liquide de frein', null, 24, false, true),
  job(11, 'Liquide de refroidissement', 120_000, 60, false, true),
  job(12, 'Pneumatiques', 40_000, null, true, true),
  job(13, 'Batterie', null, 60, false, true),
  job(14, 'Plaquettes de frein', 40_000, null, true, false),
  job(15, 'Climatisation', null, 24, false, true),
];

/** The catalog of a network: the default one with its overrides applied (labels and ids never change). */
export function catalogWith(overrides: ReadonlyMap<number, JobOverride>): CatalogJob[] {
  return DEFAULT_CATALOG.map((j) => ({ ...j, ...(overrides.get(j.id) ?? {}) }));
}

/** Checks an override before it is stored. */
export function validateOverride(o: JobOverride): string | null {
  for (const key of ['intervalKm', 'intervalMonths'] as const) {
    const v = o[key];
    if (v !== undefined && v !== null && (!Number.isInteger(v) || v < 1 || v > 10_000_000))
      return `${key} must be a positive integer or null.`;
  }
  return null;
}
