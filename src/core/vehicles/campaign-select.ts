/**
 * Predictive campaign selection: which vehicles of a member's clients are reminded of which job, on which
 * channels. Pure: the candidates, their forecasts and the recent reminders come in as data.
 */
import type { ContactFacts } from './contact.js';
import { reachable } from './contact.js';
import { addCalendarMonths, plusDays } from './dates.js';
import type { Forecast } from './forecasts.js';

export type Channel = 'email' | 'sms' | 'postal';

/** A client of the member linked to the vehicle. */
export interface CandidateClient extends ContactFacts {
  clientId: number;
  /** Last visit of this client's row for the vehicle (null for a back-office link). */
  rowVisitDate: string | null;
}

export interface CandidateVehicle {
  plate: string;
  lastVisitDate: string | null;
  forecasts: readonly Forecast[];
  clients: readonly CandidateClient[];
}

export interface CampaignSpec {
  /** First day of the targeted month. */
  predictionMonth: string;
  windowMonths: number;
  lookbackMonths: number;
  jobIds: readonly number[];
  channels: readonly Channel[];
  /** The run (diffusion) date, 'YYYY-MM-DD'. */
  runDate: string;
  repeatGuardDays: number;
  staleVisitMonths: number;
}

/** A reminder already sent by a campaign of the member: (vehicle, job) on a date. */
export interface PastReminder {
  plate: string;
  jobId: number;
  date: string;
}

export interface Target {
  plate: string;
  clientId: number;
  jobId: number;
  due: string;
  channels: Record<Channel, boolean>;
}

/** The keeper among several clients of the member: latest row visit (back-office links count as none), then highest id. */
function keeper(clients: readonly CandidateClient[]): CandidateClient | undefined {
  return [...clients].sort((a, b) => {
    if (a.rowVisitDate !== b.rowVisitDate) {
      if (a.rowVisitDate === null) return 1;
      if (b.rowVisitDate === null) return -1;
      return a.rowVisitDate < b.rowVisitDate ? 1 : -1;
    }
    return b.clientId - a.clientId;
  })[0];
}

export function selectTargets(
  spec: CampaignSpec,
  vehicles: readonly CandidateVehicle[],
  past: readonly PastReminder[],
): Target[] {
  const staleBefore = addCalendarMonths(spec.predictionMonth, -spec.staleVisitMonths);
  const from = addCalendarMonths(spec.predictionMonth, -spec.lookbackMonths);
  const until = addCalendarMonths(spec.predictionMonth, spec.windowMonths);
  const guardFrom = plusDays(spec.runDate, -spec.repeatGuardDays);
  const reminded = new Set(
    past.filter((p) => p.date >= guardFrom && p.date <= spec.runDate).map((p) => `${p.plate}:${p.jobId}`),
  );
  const targets: Target[] = [];
  for (const v of [...vehicles].sort((a, b) => (a.plate < b.plate ? -1 : 1))) {
    const client = keeper(v.clients);
    if (!client || v.lastVisitDate === null || v.lastVisitDate < staleBefore) continue;
    const due = spec.jobIds
      .map((jobId) => v.forecasts.find((f) => f.jobId === jobId))
      .filter((f): f is Forecast & { due: string } => f !== undefined && f.due !== null)
      .filter((f) => f.due >= from && f.due < until && !reminded.has(`${v.plate}:${f.jobId}`))
      .sort((a, b) => (a.due === b.due ? a.jobId - b.jobId : a.due < b.due ? -1 : 1))[0];
    if (!due) continue;
    const reach = reachable(client);
    const channels = {
      sms: spec.channels.includes('sms') && reach.sms,
      email: spec.channels.includes('email') && reach.email,
      postal: spec.channels.includes('postal') && reach.postal,
    };
    if (!channels.sms && !channels.email && !channels.postal) continue;
    targets.push({ plate: v.plate, clientId: client.clientId, jobId: due.jobId, due: due.due, channels });
  }
  return targets;
}
