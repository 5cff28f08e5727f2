/**
 * 24-hex object ids (4 bytes of seconds, 8 random bytes) that integrating systems know records by: stable
 * aliases of the native records, created the first time a record is shown, or given by the caller (demo
 * data, imports).
 */
import { randomBytes } from 'node:crypto';
import { DuplicateError } from '../../db/errors.js';
import { findAliasOf, findAliasTarget, insertAlias } from '../../db/repos/aliases.repo.js';
import type { AliasKind, ObjectIdKind } from '../../db/schema/index.js';
import type { Deps } from '../context.js';

/** The records that have 24-hex object ids (alias kinds object-id.<kind>). */
export type ObjectKind = ObjectIdKind;

const kindOf = (kind: ObjectKind): AliasKind => `object-id.${kind}`;

export function newObjectId(createdAt: string): string {
  const seconds = Math.floor(Date.parse(createdAt) / 1000);
  return seconds.toString(16).padStart(8, '0').slice(-8) + randomBytes(8).toString('hex');
}

export async function objectIdOf(
  deps: Deps,
  merchantId: string,
  kind: ObjectKind,
  targetId: string,
  createdAt: string,
): Promise<string> {
  const known = await findAliasOf(deps.db, kindOf(kind), targetId);
  if (known) return known;
  const alias = newObjectId(createdAt);
  try {
    await insertAlias(deps.db, {
      merchantId,
      kind: kindOf(kind),
      alias,
      targetId,
      now: deps.now().toISOString(),
    });
    return alias;
  } catch (error) {
    // A concurrent first showing created it: answer that one.
    if (error instanceof DuplicateError) return (await findAliasOf(deps.db, kindOf(kind), targetId)) ?? alias;
    throw error;
  }
}

export async function setObjectId(
  deps: Deps,
  merchantId: string,
  kind: ObjectKind,
  targetId: string,
  alias: string,
): Promise<void> {
  await insertAlias(deps.db, {
    merchantId,
    kind: kindOf(kind),
    alias,
    targetId,
    now: deps.now().toISOString(),
  });
}

/** The record a 24-hex object id names (undefined: none of this kind). */
export function targetOfObjectId(
  deps: Deps,
  merchantId: string,
  kind: ObjectKind,
  alias: string,
): Promise<string | undefined> {
  return findAliasTarget(deps.db, merchantId, kindOf(kind), alias);
}
