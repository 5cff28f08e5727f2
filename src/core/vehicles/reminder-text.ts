/**
 * The texts of a maintenance reminder (spec/mmp.md §6.10 step 7): one short SMS (GSM-7 only, so that it
 * stays one or two segments: no accents outside GSM-7, no curly quotes) and an e-mail with a subject.
 * Labels are the network's data (French); the month is spelled in French as the campaigns are.
 */
import { countSmsSegments } from '../messaging/sms-segments.js';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

export interface Reminder {
  /** Catalog label of the job, e.g. "Filtre habitacle". */
  job: string;
  /** Normalised plate. */
  plate: string;
  /** Due date of the job, 'YYYY-MM-DD' (a month start). */
  due: string;
  /** The campaign operation's promotion text, e.g. "-10%". */
  promotion: string;
  /** Who signs: the member garage's trade name. */
  garage: string | null;
}

export interface ReminderText {
  subject: string;
  sms: string;
  email: string;
}

/** "août 2021". */
function when(due: string): string {
  const month = MONTHS[Number(due.slice(5, 7)) - 1] ?? '';
  return `${month} ${due.slice(0, 4)}`;
}

const PUNCTUATION: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
};

/** Characters outside the GSM-7 alphabet replaced (accent dropped), so that an SMS is not sent as UCS-2. */
export function gsm7(text: string): string {
  return [...text]
    .map((c) => {
      if (countSmsSegments(c).encoding === 'GSM-7') return c;
      const plain = PUNCTUATION[c] ?? c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return countSmsSegments(plain).encoding === 'GSM-7' ? plain : '?';
    })
    .join('');
}

export function reminderText(r: Reminder): ReminderText {
  const offer = r.promotion.trim();
  const signature = r.garage?.trim() ? r.garage.trim() : null;
  const subject = `${r.job} : entretien de votre véhicule ${r.plate}`;
  const sms = gsm7(
    [
      `${r.job} : votre véhicule ${r.plate} est à prévoir pour ${when(r.due)}.`,
      offer ? `Offre : ${offer}.` : null,
      signature,
      'STOP SMS au 36173',
    ]
      .filter(Boolean)
      .join(' '),
  );
  const email = [
    'Bonjour,',
    '',
    `Selon notre suivi d'entretien, l'opération « ${r.job} » de votre véhicule ${r.plate} est à prévoir pour ${when(r.due)}.`,
    offer ? `Offre réservée : ${offer}.` : null,
    '',
    'Prenez rendez-vous auprès de votre garage.',
    signature ? `\n${signature}` : null,
  ]
    .filter((l) => l !== null)
    .join('\n');
  return { subject, sms, email };
}
