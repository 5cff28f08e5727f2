/**
 * Promotion workflows (named, one general default), the users associated with them (which decides the workflow
 * of the promotions a user creates or imports), and the header attribute configuration of the merchant.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { headerAttributes, setHeaderAttribute } from '../../../app/promotions/header-attributes.js';
import * as workflows from '../../../app/promotions/workflows.js';
import { MARKETING_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import * as S from '../../schemas/workflow.schema.js';

const marketers = requireRole(...MARKETING_ROLES);
const staff = requireRole(...STAFF_ROLES);
const administrators = requireRole('administrator');
const RULES =
  'A promotion gets its workflow when it is created (POST /v1/promotions, or a bulk import by the user who sent it): the user associated with none or all of the workflows → the general default; with one → that one; with several → the first in alphabetical order of name.';

export function workflowRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['promotions'];
    app.post(
      '/workflows',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Create a promotion workflow',
          description: `A named workflow of the merchant. The first one created is the general default; \`default: true\` makes a later one the default instead. 409 WORKFLOW_TAKEN when the code exists. ${RULES}`,
          body: S.WorkflowCreate,
          response: { 201: S.Workflow, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = unwrap(await workflows.createWorkflow(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/workflows/${created.code}`).send(created);
      },
    );
    app.get(
      '/workflows',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'List the promotion workflows',
          description: `Alphabetical by name, each with its default flag and the ids of its users. ${RULES}`,
          response: { 200: S.WorkflowPage, ...errorResponses },
        },
      },
      async (request) => ({
        data: await workflows.listWorkflows(deps, merchantOf(request)),
        nextCursor: null,
      }),
    );
    app.get(
      '/workflows/:code',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'Read a promotion workflow',
          description: 'Its name, default flag and users. 404 WORKFLOW_NOT_FOUND.',
          params: S.WorkflowParams,
          response: { 200: S.Workflow, ...errorResponses },
        },
      },
      async (request) => unwrap(await workflows.getWorkflow(deps, merchantOf(request), request.params.code)),
    );
    app.patch(
      '/workflows/:code',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Rename a workflow or make it the general default',
          description:
            'The default moves to this workflow in one transaction (there is always exactly one once a workflow exists). Promotions keep the workflow they were given. 404 WORKFLOW_NOT_FOUND.',
          params: S.WorkflowParams,
          body: S.WorkflowPatch,
          response: { 200: S.Workflow, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await workflows.changeWorkflow(deps, merchantOf(request), request.params.code, request.body)),
    );
    app.get(
      '/users/:id/workflows',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: "A user's workflows",
          description: `Administrators only. The workflows the user is associated with, and the one their next promotion gets. 404 USER_NOT_FOUND. ${RULES}`,
          params: S.UserParams,
          response: { 200: S.UserWorkflows, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await workflows.getUserWorkflows(deps, merchantOf(request), request.params.id)),
    );
    app.put(
      '/users/:id/workflows',
      {
        preHandler: administrators,
        schema: {
          tags,
          summary: "Replace a user's workflows",
          description: `Administrators only. The user (a person of the merchant, e.g. the one who sends bulk promotion imports) is associated with exactly these workflows; an empty list: none. 404 USER_NOT_FOUND or WORKFLOW_NOT_FOUND (details name the bad entry). ${RULES}`,
          params: S.UserParams,
          body: S.UserWorkflowsBody,
          response: { 200: S.UserWorkflows, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(
          await workflows.setUserWorkflows(
            deps,
            merchantOf(request),
            request.params.id,
            request.body.workflows,
          ),
        ),
    );
    app.get(
      '/header-attributes',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'The header attribute configuration',
          description:
            'Every transaction header attribute a Header condition tests (store, terminal, region, customerType, segment, contract), active or not and mandatory or not; one never configured is inactive and not mandatory. It decides the header fields a promotion shows (headerFields): inactive → not shown (even when mandatory); active → shown with the values its Header conditions require, or empty when it has none. It never refuses a promotion.',
          response: { 200: S.HeaderAttributeList, ...errorResponses },
        },
      },
      async (request) => ({ data: await headerAttributes(deps, merchantOf(request)) }),
    );
    app.put(
      '/header-attributes/:attribute',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Configure a header attribute',
          description:
            'Sets the attribute active or not, mandatory or not, and its display name. Promotions written from then on show their header fields accordingly (those written before keep theirs until updated). 404 HEADER_ATTRIBUTE_NOT_FOUND for another attribute.',
          params: S.HeaderAttributeParams,
          body: S.HeaderAttributeBody,
          response: { 200: S.HeaderAttribute, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await setHeaderAttribute(deps, merchantOf(request), request.params.attribute, request.body)),
    );
  };
}
