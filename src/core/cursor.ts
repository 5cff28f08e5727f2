/** Opaque pagination cursors: the last seen id, base64url-encoded with a version tag. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`v1:${lastId}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('v1:')) return undefined;
  const id = decoded.slice(3);
  return /^[a-z]{2,4}_[0-9a-z]{26}$/.test(id) ? id : undefined;
}
