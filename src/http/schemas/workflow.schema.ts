/** Schemas (with their /docs examples) of the promotion workflows and the header attribute configuration. */
import { Type } from '@sinclair/typebox';

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 120 });
const USER = 'usr_01m8j8a1k2d3e4f5g6h7j8k9m0';

const GENERAL = {
  code: 'GENERAL',
  name: 'General',
  default: true,
  users: [],
  createdAt: '2026-11-28T09:00:00.000Z',
};
const MARKETING = {
  code: 'MKT',
  name: 'Marketing',
  default: false,
  users: [USER],
  createdAt: '2026-11-28T09:05:00.000Z',
};

export const WorkflowCreate = Type.Object(
  {
    code: Code,
    name: Name,
    default: Type.Optional(
      Type.Boolean({ description: 'Make it the general default (the first workflow of a merchant is).' }),
    ),
  },
  { additionalProperties: false, examples: [{ code: 'MKT', name: 'Marketing' }] },
);
export const WorkflowPatch = Type.Object(
  {
    name: Type.Optional(Name),
    default: Type.Optional(
      Type.Literal(true, {
        description: 'Make it the general default (the default moves; it is never unset).',
      }),
    ),
  },
  { additionalProperties: false, examples: [{ default: true }] },
);
export const Workflow = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    default: Type.Boolean(),
    users: Type.Array(Type.String(), { description: 'Ids of the users associated with it' }),
    createdAt: Type.String(),
  },
  { examples: [MARKETING] },
);
export const WorkflowPage = Type.Object(
  { data: Type.Array(Workflow), nextCursor: Type.Null() },
  { examples: [{ data: [GENERAL, MARKETING], nextCursor: null }] },
);
export const WorkflowParams = Type.Object({ code: Code });

export const UserWorkflowsBody = Type.Object(
  { workflows: Type.Array(Code, { maxItems: 200, description: 'Codes; an empty list: none' }) },
  { additionalProperties: false, examples: [{ workflows: ['MKT'] }] },
);
export const UserWorkflows = Type.Object(
  {
    userId: Type.String(),
    workflows: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
      description: 'Alphabetical by name',
    }),
    assigned: Type.Union([Type.String(), Type.Null()], {
      description: "The workflow this user's next promotion gets (null: the merchant has no workflow)",
    }),
  },
  { examples: [{ userId: USER, workflows: [{ code: 'MKT', name: 'Marketing' }], assigned: 'MKT' }] },
);
export const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const Attribute = Type.Union(
  ['store', 'terminal', 'region', 'customerType', 'segment', 'contract'].map((a) => Type.Literal(a)),
);
const HEADER = { attribute: 'store', name: 'Sucursal', active: true, mandatory: false };
export const HeaderAttribute = Type.Object(
  { attribute: Attribute, name: Type.String(), active: Type.Boolean(), mandatory: Type.Boolean() },
  { examples: [HEADER] },
);
export const HeaderAttributeList = Type.Object(
  { data: Type.Array(HeaderAttribute) },
  {
    examples: [
      {
        data: [
          HEADER,
          { attribute: 'terminal', name: 'terminal', active: false, mandatory: false },
          { attribute: 'region', name: 'Zona', active: false, mandatory: true },
          { attribute: 'customerType', name: 'customerType', active: false, mandatory: false },
          { attribute: 'segment', name: 'segment', active: false, mandatory: false },
          { attribute: 'contract', name: 'contract', active: false, mandatory: false },
        ],
      },
    ],
  },
);
export const HeaderAttributeBody = Type.Object(
  { name: Type.Optional(Name), active: Type.Boolean(), mandatory: Type.Boolean() },
  { additionalProperties: false, examples: [{ name: 'Sucursal', active: true, mandatory: false }] },
);
export const HeaderAttributeParams = Type.Object({ attribute: Type.String({ minLength: 1, maxLength: 64 }) });
