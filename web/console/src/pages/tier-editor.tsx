import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@tessera/sdk';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { ErrorBanner, Field, Success } from '../ui';
import { tierIssues, type TierIssue } from './tier-rules';

type Program = ResponseOf<'/v1/programs/{id}', 'get'>;
interface Step {
  index: number;
  threshold: number;
  label: string;
  forcedUse: boolean;
  reward: { kind: string; templateId?: string; giftId?: string };
}
interface Row {
  threshold: string;
  label: string;
  forcedUse: boolean;
  /** `template:<id>` or `gift:<id>` */
  reward: string;
}

const rewardOf = (r: { kind?: unknown; templateId?: unknown; giftId?: unknown }) =>
  r.kind === 'gift' ? `gift:${String(r.giftId)}` : `template:${String(r.templateId)}`;

/** The API's field errors of a step: schema errors name the array position, domain errors the step index. */
export function stepErrors(error: ApiError | undefined, position: number) {
  if (!error) return {};
  const at = (suffix: string) => error.field(`tiers.steps.${position}.${suffix}`);
  return {
    threshold: at('threshold'),
    label: at('label'),
    reward: error.field(`tiers.steps.${position + 1}`) ?? at('reward'),
  };
}

/** Edits a program's tiers (steps): thresholds, labels and rewards; the server validates the ladder. */
export function TierEditor({ program }: { program: Program }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const gifts = useQuery({
    queryKey: ['gifts'],
    queryFn: () => ok(api.GET('/v1/gifts', { params: { query: { limit: 200 } } as never })),
  });
  const [basis, setBasis] = useState<string>(program.tiers.type);
  const [rows, setRows] = useState<Row[]>(() =>
    [...(program.tiers.steps as unknown as Step[])]
      .sort((a, b) => a.index - b.index)
      .map((s) => ({
        threshold: String(s.threshold),
        label: s.label,
        forcedUse: s.forcedUse,
        reward: rewardOf(s.reward),
      })),
  );
  const templates = program.voucherTemplates.map((v) => ({
    value: `template:${String(v.id)}`,
    label: String(v.label),
  }));
  const giftOptions = (
    (gifts.data as { data?: { id: string; title: string }[] } | undefined)?.data ?? []
  ).map((g) => ({ value: `gift:${g.id}`, label: g.title }));
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PATCH('/v1/programs/{id}', {
          params: { path: { id: program.id } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            tiers: {
              type: basis,
              steps: rows.map((r, i) => {
                const [kind, rewardId] = [
                  r.reward.slice(0, r.reward.indexOf(':')),
                  r.reward.slice(r.reward.indexOf(':') + 1),
                ];
                return {
                  index: i + 1,
                  threshold: Number(r.threshold),
                  label: r.label,
                  forcedUse: r.forcedUse,
                  reward:
                    kind === 'gift'
                      ? { kind: 'gift', giftId: rewardId }
                      : { kind: 'voucher_template', templateId: rewardId },
                };
              }),
            },
          } as never,
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['program', program.id] });
      await queryClient.invalidateQueries({ queryKey: ['reports', 'tiers'] });
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const [issues, setIssues] = useState<TierIssue[][]>([]);
  const issueText = (i: number, field: TierIssue['field']) => {
    const issue = issues[i]?.find((x) => x.field === field);
    if (!issue) return undefined;
    return issue.key === 'programs.errIncreasing' ? t(issue.key, { previous: issue.previous }) : t(issue.key);
  };
  const update = (i: number, change: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = tierIssues(rows);
    setIssues(found);
    if (found.some((x) => x.length > 0)) return;
    save.mutate();
  };
  const unit = basis === 'purchaseAmount' ? t('programs.thresholdMinor') : t('programs.thresholdPoints');
  return (
    <form className="card-panel form" onSubmit={submit} aria-labelledby="tiers-title" noValidate>
      <h3 id="tiers-title">{t('programs.tiers')}</h3>
      <Field label={t('programs.basis')}>
        {(props) => (
          <select {...props} value={basis} onChange={(e) => setBasis(e.target.value)}>
            <option value="purchaseAmount">{t('programs.basisAmount')}</option>
            <option value="points">{t('programs.basisPoints')}</option>
          </select>
        )}
      </Field>
      {error?.field('tiers') && (
        <p className="field-error" role="alert">
          {error.field('tiers')}
        </p>
      )}
      {rows.map((row, i) => {
        const errors = stepErrors(error, i);
        return (
          <fieldset key={i} className="tier-row">
            <legend>{t('programs.tier', { index: i + 1 })}</legend>
            <Field
              label={`${t('programs.threshold')} (${unit})`}
              error={issueText(i, 'threshold') ?? errors.threshold}
            >
              {(props) => (
                <input
                  {...props}
                  name={`threshold-${i + 1}`}
                  inputMode="numeric"
                  value={row.threshold}
                  onChange={(e) => update(i, { threshold: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('programs.label')} error={issueText(i, 'label') ?? errors.label}>
              {(props) => (
                <input
                  {...props}
                  name={`label-${i + 1}`}
                  value={row.label}
                  onChange={(e) => update(i, { label: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('programs.reward')} error={errors.reward}>
              {(props) => (
                <select
                  {...props}
                  name={`reward-${i + 1}`}
                  value={row.reward}
                  onChange={(e) => update(i, { reward: e.target.value })}
                >
                  {[...templates, ...giftOptions].map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                  {![...templates, ...giftOptions].some((o) => o.value === row.reward) && (
                    <option value={row.reward}>{row.reward}</option>
                  )}
                </select>
              )}
            </Field>
            <label className="check">
              <input
                type="checkbox"
                checked={row.forcedUse}
                onChange={(e) => update(i, { forcedUse: e.target.checked })}
              />{' '}
              {t('programs.forced')}
            </label>
            <button
              type="button"
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label={t('programs.removeTier', { index: i + 1 })}
            >
              {t('common.remove')}
            </button>
          </fieldset>
        );
      })}
      <ErrorBanner error={save.error} />
      {save.isSuccess && <Success>{t('programs.saved')}</Success>}
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            setRows([
              ...rows,
              {
                threshold: '',
                label: '',
                forcedUse: false,
                reward: templates[0]?.value ?? giftOptions[0]?.value ?? '',
              },
            ])
          }
        >
          {t('programs.addTier')}
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('programs.saveTiers')}
        </button>
      </div>
    </form>
  );
}
