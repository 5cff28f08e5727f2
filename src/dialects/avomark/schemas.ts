import { Type } from '@sinclair/typebox';

/** The OpenAPI tag of every Avomark route. */
export const TAGS = ['Avomark API360'];

export const CustomerIdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 20, description: 'Avomark customer id (numeric)' }),
});

export const CardParams = Type.Object({ number: Type.String({ minLength: 1, maxLength: 32 }) });
