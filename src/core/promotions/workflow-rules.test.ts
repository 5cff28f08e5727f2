import { describe, expect, it } from 'vitest';
import { assignWorkflow, type WorkflowRef } from './workflow-rules.js';

const wf = (code: string, name: string, isDefault = false): WorkflowRef => ({ code, name, isDefault });
// Created in this order: the default first, then "Zeta", "alfa", "Beta".
const ALL = [wf('GEN', 'General', true), wf('Z', 'Zeta'), wf('A', 'alfa'), wf('B', 'Beta')];

describe('assignWorkflow', () => {
  it.each([
    ['no workflow at all: none to give', [], [], null],
    ['user with none → the general default (rule 1; §11 item 15: we follow this form)', ALL, [], 'GEN'],
    ['user with all → the general default', ALL, ['GEN', 'Z', 'A', 'B'], 'GEN'],
    ['user with one → that one', ALL, ['Z'], 'Z'],
    ['user with one, the default → the default', ALL, ['GEN'], 'GEN'],
    [
      'several → first alphabetically by name, case-insensitive, not creation order',
      ALL,
      ['Z', 'B', 'A'],
      'A',
    ],
    ['several → alphabetical even when the default is among them', ALL, ['Z', 'GEN'], 'GEN'],
    ['several, other order', ALL, ['Z', 'B'], 'B'],
    ['unknown codes of the association are ignored', ALL, ['nope'], 'GEN'],
    ['unknown codes do not count as workflows', ALL, ['nope', 'Z'], 'Z'],
    ['no default flagged: the first alphabetically stands in', [wf('Z', 'Zeta'), wf('B', 'Beta')], [], 'B'],
    [
      'accents sort as their base letter',
      [wf('G', 'General', true), wf('E', 'Éxito'), wf('F', 'Fin')],
      ['F', 'E'],
      'E',
    ],
    [
      'same name: by code',
      [wf('G', 'General', true), wf('X2', 'Igual'), wf('X1', 'Igual')],
      ['X2', 'X1'],
      'X1',
    ],
  ] as [string, WorkflowRef[], string[], string | null][])('%s', (_name, workflows, user, expected) => {
    expect(assignWorkflow(workflows, user)).toBe(expected);
  });

  it('does not change its inputs', () => {
    const copy = ALL.map((w) => ({ ...w }));
    assignWorkflow(ALL, ['Z', 'A']);
    expect(ALL).toEqual(copy);
  });
});
