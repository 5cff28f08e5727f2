import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Factory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']
>;
type Serialize = ReturnType<ReturnType<Factory>>;

const defaultFactory = SerializerSelector() as unknown as Factory;
/** Serializers already built, by shared schemas and response schema (the same text gives the same code). */
const built = new Map<string, Serialize>();
const MAX_BUILT = 5_000;

/**
 * Fastify builds a response serializer (fast-json-stringify code generation) for every status of every route,
 * and again for every app: with ~400 routes whose error answers share one schema this was most of the
 * server's start-up (about 3 s here) and of every test file's set-up. The same schema text with the same
 * shared schemas and options gives the same serializer, so it is built once per process.
 */
export const cachingSerializerFactory: Factory = (externalSchemas, serializerOpts) => {
  const compile = defaultFactory(externalSchemas, serializerOpts);
  const context = JSON.stringify([externalSchemas ?? null, serializerOpts ?? null]);
  return (route) => {
    const key = `${context}\n${JSON.stringify(route.schema)}`;
    let serialize = built.get(key);
    if (!serialize) {
      serialize = compile(route);
      if (built.size < MAX_BUILT) built.set(key, serialize);
    }
    return serialize;
  };
};
