/**
 * Promotion workflows of a merchant: named workflows, one of them the general default (the first one created,
 * or the one created or changed with `default: true`), and the users associated with each. A promotion gets
 * its workflow when it is created, from its creator's associations (core/promotions/workflow-rules.ts).
 */
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import { alphabetical, assignWorkflow } from '../../core/promotions/workflow-rules.js';
import { isDuplicate } from '../../db/errors.js';
import { findUser } from '../../db/repos/principals.repo.js';
import * as repo from '../../db/repos/workflows.repo.js';
import type { Deps } from '../context.js';
import { withUnitOfWork } from '../unit-of-work.js';

export interface WorkflowView {
  code: string;
  name: string;
  default: boolean;
  /** Ids of the users associated with it. */
  users: string[];
  createdAt: string;
}

export interface UserWorkflows {
  userId: string;
  /** Alphabetical by name: the first is the one a promotion this user imports gets when there are several. */
  workflows: { code: string; name: string }[];
  /** The workflow this user's next promotion gets (null: the merchant has no workflow). */
  assigned: string | null;
}

const view = (row: repo.WorkflowRow, users: string[]): WorkflowView => ({
  code: row.code,
  name: row.name,
  default: row.is_default === 1,
  users,
  createdAt: row.created_at,
});
/**
 * Runs a unit of work again when a concurrent one committed a row it inserts (the same code, a second
 * default, the same association): the next attempt reads what that one wrote (a code taken for good is then
 * WORKFLOW_TAKEN). A unique violation never comes out as a 500.
 */
async function retryOnDuplicate<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      if (attempt >= 5)
        return fail('SERVICE_UNAVAILABLE', 'Workflows are being changed concurrently; retry.');
    }
  }
}

const ref = (row: repo.WorkflowRow) => ({ code: row.code, name: row.name, isDefault: row.is_default === 1 });

export async function createWorkflow(
  deps: Deps,
  merchantId: string,
  input: { code: string; name: string; default?: boolean | undefined },
): Promise<Result<WorkflowView>> {
  const code = input.code.trim();
  const name = input.name.trim();
  if (code === '' || name === '')
    return fail('VALIDATION_FAILED', 'code and name must not be empty.', [
      detail('VALIDATION_FAILED', code === '' ? 'code' : 'name', 'must not be empty'),
    ]);
  return retryOnDuplicate(() =>
    withUnitOfWork(deps, async ({ tx, now }) => {
      if (await repo.findWorkflow(tx, merchantId, code))
        return fail('WORKFLOW_TAKEN', `Another workflow of this merchant has the code ${code}.`);
      const first = (await repo.workflowsOf(tx, merchantId)).length === 0;
      const isDefault = first || input.default === true;
      if (isDefault) await repo.clearDefault(tx, merchantId);
      const row = { merchant_id: merchantId, code, name, is_default: isDefault ? 1 : 0, created_at: now };
      await repo.insertWorkflow(tx, row);
      return ok(view(row, []));
    }),
  );
}

export async function listWorkflows(deps: Deps, merchantId: string): Promise<WorkflowView[]> {
  const [rows, links] = await Promise.all([
    repo.workflowsOf(deps.db, merchantId),
    repo.associations(deps.db, merchantId),
  ]);
  return rows
    .sort((a, b) => alphabetical(ref(a), ref(b)))
    .map((r) =>
      view(
        r,
        links.filter((l) => l.workflow_code === r.code).map((l) => l.user_id),
      ),
    );
}

export async function getWorkflow(
  deps: Deps,
  merchantId: string,
  code: string,
): Promise<Result<WorkflowView>> {
  const row = await repo.findWorkflow(deps.db, merchantId, code);
  if (!row) return fail('WORKFLOW_NOT_FOUND', `No workflow has the code ${code}.`);
  const links = await repo.associations(deps.db, merchantId, { workflowCode: code });
  return ok(
    view(
      row,
      links.map((l) => l.user_id),
    ),
  );
}

/** Renames a workflow, or makes it the general default (the default moves; it cannot be unset). */
export async function changeWorkflow(
  deps: Deps,
  merchantId: string,
  code: string,
  input: { name?: string | undefined; default?: true | undefined },
): Promise<Result<WorkflowView>> {
  const name = input.name?.trim();
  if (name === '')
    return fail('VALIDATION_FAILED', 'name must not be empty.', [detail('VALIDATION_FAILED', 'name')]);
  const changed = await retryOnDuplicate(() =>
    withUnitOfWork(deps, async ({ tx }) => {
      const row = await repo.findWorkflow(tx, merchantId, code);
      if (!row) return fail('WORKFLOW_NOT_FOUND', `No workflow has the code ${code}.`);
      if (input.default === true && row.is_default !== 1) await repo.clearDefault(tx, merchantId);
      await repo.updateWorkflow(tx, merchantId, code, {
        ...(name !== undefined ? { name } : {}),
        ...(input.default === true ? { is_default: 1 } : {}),
      });
      return ok(undefined);
    }),
  );
  return changed.ok ? getWorkflow(deps, merchantId, code) : changed;
}

async function userWorkflows(deps: Deps, merchantId: string, userId: string): Promise<UserWorkflows> {
  const [rows, links] = await Promise.all([
    repo.workflowsOf(deps.db, merchantId),
    repo.associations(deps.db, merchantId, { userId }),
  ]);
  const mine = new Set(links.map((l) => l.workflow_code));
  return {
    userId,
    workflows: rows
      .filter((r) => mine.has(r.code))
      .sort((a, b) => alphabetical(ref(a), ref(b)))
      .map((r) => ({ code: r.code, name: r.name })),
    assigned: assignWorkflow(rows.map(ref), [...mine]),
  };
}

export async function getUserWorkflows(
  deps: Deps,
  merchantId: string,
  userId: string,
): Promise<Result<UserWorkflows>> {
  if (!(await findUser(deps.db, merchantId, userId))) return fail('USER_NOT_FOUND');
  return ok(await userWorkflows(deps, merchantId, userId));
}

/** Replaces the workflows a user is associated with (an empty list: none). */
export async function setUserWorkflows(
  deps: Deps,
  merchantId: string,
  userId: string,
  codes: readonly string[],
): Promise<Result<UserWorkflows>> {
  if (!(await findUser(deps.db, merchantId, userId))) return fail('USER_NOT_FOUND');
  const wanted = [...new Set(codes)];
  const done = await retryOnDuplicate(() =>
    withUnitOfWork(deps, async ({ tx }) => {
      const known = new Set((await repo.workflowsOf(tx, merchantId)).map((r) => r.code));
      const unknown = codes.findIndex((c) => !known.has(c));
      if (unknown >= 0)
        return fail('WORKFLOW_NOT_FOUND', `No workflow has the code ${codes[unknown]}.`, [
          detail('WORKFLOW_NOT_FOUND', `workflows[${unknown}]`),
        ]);
      await repo.replaceAssociations(tx, merchantId, userId, wanted);
      return ok(undefined);
    }),
  );
  return done.ok ? ok(await userWorkflows(deps, merchantId, userId)) : done;
}

/** The workflow a promotion created now by `principalId` gets (a client, or nobody: no association). */
export async function workflowFor(
  deps: Deps,
  merchantId: string,
  principalId: string | null,
): Promise<string | null> {
  const rows = await repo.workflowsOf(deps.db, merchantId);
  if (rows.length === 0) return null;
  const links =
    principalId === null ? [] : await repo.associations(deps.db, merchantId, { userId: principalId });
  return assignWorkflow(
    rows.map(ref),
    links.map((l) => l.workflow_code),
  );
}
