import { createTesseraClient, type Schema } from '@tessera/sdk';

/** The access token lives in this module's memory only (never in localStorage): a reload logs out. */
let token: string | undefined;
let onExpired: (() => void) | undefined;

export function setToken(value: string | undefined): void {
  token = value;
}
export function currentToken(): string | undefined {
  return token;
}
export function onSessionExpired(listener: () => void): void {
  onExpired = listener;
}

export const api = createTesseraClient({
  token: () => token,
  onUnauthorized: () => {
    if (token) onExpired?.();
  },
});

export interface ApiErrorDetail {
  field?: string;
  code: string;
  message: string;
}

/** A refusal of the API (its error body), thrown by `ok()` so TanStack Query sees it as an error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
  }
  /** The message of the detail about this field (paths as the API names them: `steps[1].threshold`). */
  field(name: string): string | undefined {
    return this.details.find((d) => d.field === name || d.field === `/${name}`)?.message;
  }
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** Unwraps an openapi-fetch answer: the data, or an ApiError with the server's code, message and details. */
export async function ok<T>(promise: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await promise;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } };
  throw new ApiError(
    response.status,
    body.error?.code ?? `HTTP_${response.status}`,
    body.error?.message ?? response.statusText,
    body.error?.details ?? [],
  );
}

/** An Idempotency-Key for one user action (a retry of the same click sends the same key). */
export function idempotencyKey(): string {
  return `console-${crypto.randomUUID()}`;
}

export type Customer = Schema<'Customer'>;
