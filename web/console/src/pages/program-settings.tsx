import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@tessera/sdk';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { ErrorBanner, Field, Success } from '../ui';
import { toMinor } from './simulator';

type Program = ResponseOf<'/v1/programs/{id}', 'get'>;
const KINDS = ['total_amount', 'visit', 'attribute_subtotal', 'brand', 'items'] as const;
type Kind = (typeof KINDS)[number];
interface RuleRow {
  id: string;
  kind: Kind;
  points: string;
  per: string;
  param: string;
  rounding: string;
  minimum: string;
}
interface Expiry {
  kind: 'none' | 'days' | 'months' | 'fixed';
  value: string;
}

const decimal = (minor: unknown) => (typeof minor === 'number' ? (minor / 100).toFixed(2) : '');

/**
 * The path of an API detail, normalised: schema errors say `/rules/0/rate/per`, the program's own checks
 * `rules[0].rate.per` — both become `rules.0.rate.per`.
 */
export const normalisePath = (field: string) =>
  field
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\[([^\]]+)\]/g, '.$1')
    .replace(/^\./, '');

function rowOf(r: Record<string, unknown>): RuleRow {
  const rate = (r.rate ?? {}) as { points?: number; per?: number };
  const param =
    r.kind === 'attribute_subtotal'
      ? `${String(r.attribute ?? '')}: ${((r.values as string[] | undefined) ?? []).join(', ')}`
      : r.kind === 'brand'
        ? String(r.brand ?? '')
        : r.kind === 'items'
          ? ((r.itemCodes as string[] | undefined) ?? []).join(', ')
          : '';
  return {
    id: String(r.id),
    kind: r.kind as Kind,
    points: String(rate.points ?? ''),
    per: decimal(rate.per),
    param,
    rounding: String(r.rounding ?? 'floor'),
    minimum: r.minimumAmount ? decimal(r.minimumAmount) : '',
  };
}

/** "level1: SHOES, BAGS" → the attribute and its values (a bare value list is of the item type). */
function attributeOf(param: string): { attribute: string; values: string[] } {
  const colon = param.indexOf(':');
  const attribute = colon < 0 ? 'type' : param.slice(0, colon).trim();
  const values = (colon < 0 ? param : param.slice(colon + 1))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { attribute, values };
}

function ruleOf(row: RuleRow): Record<string, unknown> {
  const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim() === '' ? undefined : s);
  const rate =
    row.kind === 'visit' ? { points: num(row.points) } : { points: num(row.points), per: toMinor(row.per) };
  const extra =
    row.kind === 'attribute_subtotal'
      ? attributeOf(row.param)
      : row.kind === 'brand'
        ? { brand: row.param.trim() }
        : row.kind === 'items'
          ? {
              itemCodes: row.param
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {};
  return {
    id: row.id,
    kind: row.kind,
    rate,
    ...extra,
    rounding: row.rounding,
    ...(row.minimum.trim() ? { minimumAmount: toMinor(row.minimum) } : {}),
  };
}

/** Earning rules, points lifetime, pending period and point value of a program, with the API's messages on the fields. */
export function ProgramSettings({ program }: { program: Program }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rules, setRules] = useState<RuleRow[]>(() =>
    program.rules.map((r) => rowOf(r as Record<string, unknown>)),
  );
  const e = program.expiry as { kind: Expiry['kind']; days?: number; months?: number; date?: string };
  const [expiry, setExpiry] = useState<Expiry>({
    kind: e.kind,
    value: String(e.days ?? e.months ?? e.date ?? ''),
  });
  const [pendingDays, setPendingDays] = useState(String(program.pendingDays));
  const [value, setValue] = useState(program.pointValuePer100 ? decimal(program.pointValuePer100) : '');
  const save = useMutation({
    mutationFn: () => {
      const v = expiry.value.trim();
      const int = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);
      return ok(
        api.PATCH('/v1/programs/{id}', {
          params: { path: { id: program.id } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            rules: rules.map(ruleOf),
            expiry:
              expiry.kind === 'none'
                ? { kind: 'none' }
                : expiry.kind === 'days'
                  ? { kind: 'days', days: int(v) }
                  : expiry.kind === 'months'
                    ? { kind: 'months', months: int(v) }
                    : { kind: 'fixed', date: v },
            pendingDays: int(pendingDays.trim()),
            pointValuePer100: value.trim() === '' ? null : toMinor(value),
          } as never,
        }),
      );
    },
    // the dashboard's liability in money depends on the point value
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['program', program.id] }),
        queryClient.invalidateQueries({ queryKey: ['reports'] }),
      ]),
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const at = (path: string) =>
    error?.details
      .filter((d) => d.field && normalisePath(d.field).startsWith(path))
      .map((d) => d.message)
      .join('; ') || undefined;
  const edit = (i: number, key: keyof RuleRow) => (ev: { target: { value: string } }) =>
    setRules(rules.map((r, j) => (j === i ? { ...r, [key]: ev.target.value } : r)));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    save.mutate();
  };
  const input = (
    label: string,
    name: string,
    val: string,
    change: (ev: { target: { value: string } }) => void,
    err?: string,
    hint?: string,
  ) => (
    <Field label={label} error={err} {...(hint ? { hint } : {})}>
      {(props) => <input {...props} name={name} value={val} onChange={change} />}
    </Field>
  );
  return (
    <form className="card-panel form" onSubmit={submit} aria-labelledby="settings-title" noValidate>
      <h2 id="settings-title">{t('programs.settings')}</h2>
      <div className="grid-2">
        <Field label={t('programs.expiry')} error={at('expiry')}>
          {(props) => (
            <select
              {...props}
              name="expiry-kind"
              value={expiry.kind}
              onChange={(ev) => setExpiry({ kind: ev.target.value as Expiry['kind'], value: '' })}
            >
              {(['none', 'days', 'months', 'fixed'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`programs.expiryKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {expiry.kind !== 'none' &&
          input(
            t(`programs.expiryValue.${expiry.kind}`),
            'expiry-value',
            expiry.value,
            (ev) => setExpiry({ ...expiry, value: ev.target.value }),
            at('expiry'),
          )}
        {input(
          t('programs.pendingDays'),
          'pendingDays',
          pendingDays,
          (ev) => setPendingDays(ev.target.value),
          at('pendingDays'),
        )}
        {input(
          t('programs.pointValue'),
          'pointValue',
          value,
          (ev) => setValue(ev.target.value),
          at('pointValuePer100'),
          t('programs.pointValueHint'),
        )}
      </div>
      <h3>{t('programs.rules')}</h3>
      {at('rules') && !rules.some((_, i) => at(`rules.${i}`)) && <p className="field-error">{at('rules')}</p>}
      {rules.map((r, i) => (
        <fieldset key={r.id} className="rule-row">
          <legend>{t('programs.ruleN', { n: i + 1 })}</legend>
          <Field label={t('programs.ruleKind')} error={at(`rules.${i}.kind`)}>
            {(props) => (
              <select {...props} name={`rule-${i}-kind`} value={r.kind} onChange={edit(i, 'kind')}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`programs.ruleKinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {input(
            t('programs.rulePoints'),
            `rule-${i}-points`,
            r.points,
            edit(i, 'points'),
            at(`rules.${i}.rate.points`),
          )}
          {r.kind !== 'visit' &&
            input(t('programs.rulePer'), `rule-${i}-per`, r.per, edit(i, 'per'), at(`rules.${i}.rate.per`))}
          {(r.kind === 'attribute_subtotal' || r.kind === 'brand' || r.kind === 'items') &&
            input(
              t(`programs.ruleParam.${r.kind}`),
              `rule-${i}-param`,
              r.param,
              edit(i, 'param'),
              at(`rules.${i}.attribute`) ??
                at(`rules.${i}.values`) ??
                at(`rules.${i}.brand`) ??
                at(`rules.${i}.itemCodes`),
            )}
          {input(
            t('programs.ruleMinimum'),
            `rule-${i}-minimum`,
            r.minimum,
            edit(i, 'minimum'),
            at(`rules.${i}.minimumAmount`),
          )}
          <button type="button" onClick={() => setRules(rules.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          setRules([
            ...rules,
            {
              id: `rule-${Date.now().toString(36)}`,
              kind: 'total_amount',
              points: '1',
              per: '1.00',
              param: '',
              rounding: 'floor',
              minimum: '',
            },
          ])
        }
      >
        {t('programs.addRule')}
      </button>
      <ErrorBanner error={save.error} />
      {save.isSuccess && <Success>{t('programs.settingsSaved')}</Success>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('programs.saveSettings')}
      </button>
    </form>
  );
}
