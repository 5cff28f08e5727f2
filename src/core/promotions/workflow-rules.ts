/**
 * Which workflow a promotion gets when a user creates or imports it, from the user's association with the
 * merchant's workflows:
 * 1. the user is associated with none of the workflows, or with all of them → the general default;
 * 2. with one → that one;
 * 3. with several → the first in alphabetical order of name (not creation order).
 *
 * The source document states rule 1 twice, differently: once as above ("all or none → the general default")
 * and once as "no workflow → the first workflow of the association list". The two conflict for a user with no
 * workflow (the spec's defects list, item 15). We follow the first: a user with no association has an empty
 * list, so "its first workflow" does not exist, and reading it as "the first workflow of the whole list"
 * would treat "none" and "all" (both: not restricted) differently for no reason. The general default is also
 * what the lifecycle section says an imported promotion gets.
 */
export interface WorkflowRef {
  code: string;
  name: string;
  isDefault: boolean;
}

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

/** Alphabetical order of name, then code: the order the association list shows. */
export function alphabetical(a: WorkflowRef, b: WorkflowRef): number {
  return collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The workflow code a promotion gets; null when the merchant has no workflow at all. Codes of the user's
 * association that name no workflow of the merchant are ignored.
 */
export function assignWorkflow(
  workflows: readonly WorkflowRef[],
  userCodes: readonly string[],
): string | null {
  if (workflows.length === 0) return null;
  const sorted = [...workflows].sort(alphabetical);
  const general = sorted.find((w) => w.isDefault) ?? sorted[0]!;
  const mine = new Set(userCodes);
  const assigned = sorted.filter((w) => mine.has(w.code));
  if (assigned.length === 0 || assigned.length === workflows.length) return general.code;
  return assigned[0]!.code;
}
