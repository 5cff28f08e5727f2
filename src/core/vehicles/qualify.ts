/**
 * Qualification of an invoice line into a maintenance job of the catalog: keyword rules tried in priority
 * order on the package label, then the job (labour) label, then the part label. Codes are not used: they
 * differ from one dealer-management system to another.
 */
import { normalizeLabel, tokensOf } from './text.js';

/** A term: `WORD*` some token starts with WORD, `WORD` some token equals WORD, or a regex on the text. */
type Term = { prefix: string } | { word: string } | { regex: RegExp };
/** A group matches when one of its terms does; an alternative when all of its groups do. */
type Group = Term[];
export interface QualificationRule {
  jobId: number;
  alternatives: Group[][];
  unless: Term[];
}

/** 'DISQ* AR|ARR' → two groups: [DISQ*], [AR, ARR]; a term in slashes is a regex. */
function alternative(spec: string): Group[] {
  return spec.split(' ').map((group) =>
    group.split('|').map((term): Term => {
      if (term.startsWith('/')) return { regex: new RegExp(term.slice(1, -1).replace(/_/g, ' ')) };
      return term.endsWith('*') ? { prefix: term.slice(0, -1) } : { word: term };
    }),
  );
}

const rule = (jobId: number, alternatives: string[], unless = ''): QualificationRule => ({
  jobId,
  alternatives: alternatives.map(alternative),
  unless: unless === '' ? [] : alternative(unless).flat(),
});

const PADS = 'PLAQUET*|PLAQ|PLAQS|PLQ';
const AV = 'AV|AVT|AVANT';
const AR = 'AR|ARR|ARRIERE';

/** The default rules, in priority order (the first that matches gives the job). */
export const DEFAULT_RULES: readonly QualificationRule[] = [
  rule(8, [`DISQ* ${AR}`]),
  rule(7, ['DISQ*']),
  rule(9, [`${PADS} ${AR}`]),
  rule(5, [`${PADS} ${AV}`]),
  rule(14, [PADS]),
  rule(10, ['LIQ* FREIN*', 'PURGE* FREIN*', 'LDF']),
  rule(11, ['LIQ* REFROID*', 'ANTIGEL*', 'COOLANT*']),
  rule(3, ['DISTRI* COURR*|KIT']),
  rule(6, ['FILT* HABITACLE*|POLLEN*|HAB|CHARBON*']),
  rule(4, ['FILT* AIR']),
  rule(15, ['CLIM*', 'RECHARGE* GAZ', 'R134A|R1234YF']),
  // An oil grade such as 5W30 or 5W 30 (the regex's '_' stands for a space).
  rule(
    1,
    ['VIDANGE*', 'REVISION*', 'FILT* HUILE*', 'HUILE* MOTEUR*', '/\\b[0-9]{1,2}W_?[0-9]{2}\\b/'],
    'BOITE*|BV|BVA|BVM|PONT',
  ),
  rule(2, ['BOUGIE*']),
  rule(12, ['PNEU*|TYRE*'], 'SUSPENSION*'),
  rule(13, ['BATTERIE*|BATT']),
];

function termMatches(term: Term, tokens: string[], text: string): boolean {
  if ('regex' in term) return term.regex.test(text);
  if ('prefix' in term) return tokens.some((t) => t.startsWith(term.prefix));
  return tokens.includes(term.word);
}

function ruleMatches(r: QualificationRule, tokens: string[], text: string): boolean {
  if (r.unless.some((term) => termMatches(term, tokens, text))) return false;
  return r.alternatives.some((groups) =>
    groups.every((group) => group.some((term) => termMatches(term, tokens, text))),
  );
}

/** The job a label qualifies to, or null. */
export function qualifyLabel(
  label: string,
  rules: readonly QualificationRule[] = DEFAULT_RULES,
): number | null {
  const text = normalizeLabel(label);
  if (text === '') return null;
  const tokens = tokensOf(text);
  return rules.find((r) => ruleMatches(r, tokens, text))?.jobId ?? null;
}

export type UsedSource = 'package' | 'job' | 'part';

export interface LineLabels {
  packageLabel: string;
  jobLabel: string;
  partLabel: string;
}

/** The job of an invoice line and the label that gave it (package, then job, then part), or null. */
export function qualifyLine(
  line: LineLabels,
  rules: readonly QualificationRule[] = DEFAULT_RULES,
): { jobId: number; source: UsedSource } | null {
  const tries: [UsedSource, string][] = [
    ['package', line.packageLabel],
    ['job', line.jobLabel],
    ['part', line.partLabel],
  ];
  for (const [source, label] of tries) {
    const jobId = qualifyLabel(label, rules);
    if (jobId !== null) return { jobId, source };
  }
  return null;
}
