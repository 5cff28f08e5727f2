import { Type, type TSchema } from '@sinclair/typebox';

export const TAGS = ['promo'];

/** The received/error envelope of the services ({status, description}, both text). */
export const StatusText = Type.Object(
  { status: Type.String(), description: Type.String() },
  { examples: [{ status: 'companyId is Invalid', description: 'Debe enviar el campo companyId valido' }] },
);

/** Spring's OAuth error body (401 of every service without a valid token). */
export const OAuthErrorBody = Type.Object({
  error: Type.String(),
  error_description: Type.String(),
});

/** Query strings are free-form text: each service reads and checks its own parameters. */
export function queryOf(properties: Record<string, TSchema>) {
  return Type.Object(properties, { additionalProperties: true });
}

export const Text = Type.Optional(Type.String());
