import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code from the catalog' }),
      message: Type.String(),
      requestId: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object({ field: Type.Optional(Type.String()), code: Type.String(), message: Type.String() }),
        ),
      ),
    }),
  },
  { $id: 'ErrorBody', description: 'The error body of every native route' },
);

/** The error responses every authenticated native route may give. */
export const errorResponses = {
  400: Type.Ref('ErrorBody'),
  401: Type.Ref('ErrorBody'),
  403: Type.Ref('ErrorBody'),
  404: Type.Ref('ErrorBody'),
  409: Type.Ref('ErrorBody'),
  413: Type.Ref('ErrorBody'),
  415: Type.Ref('ErrorBody'),
  422: Type.Ref('ErrorBody'),
  429: Type.Ref('ErrorBody'),
};

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A `$ref` to a shared schema (one with a `$id`, registered with app.addSchema) that keeps the schema's static
 * type, so that a handler's request.body is `Static<T>` and needs no cast; the document still says
 * `{ "$ref": "<$id>" }`. TypeBox 0.34's recommended replacement for the deprecated `Type.Ref(schema)`.
 */
export const RefTo = <T extends TSchema>(schema: T) => {
  if (schema.$id === undefined) throw new Error('RefTo: the schema has no $id');
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id));
};

export const PageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
