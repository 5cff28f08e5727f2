import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok } from '../api';
import { ErrorBanner, Field, Success } from '../ui';

/** Creates a batch of new cards in a program (numbers from its format and next serial). */
export function CardBatch() {
  const { t } = useTranslation();
  const programs = useQuery({
    queryKey: ['programs'],
    queryFn: () => ok(api.GET('/v1/programs', { params: { query: { limit: 200 } } })),
  });
  const [programId, setProgramId] = useState('');
  const [count, setCount] = useState('10');
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/v1/cards/batch', {
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { programId: programId || programs.data?.data[0]?.id || '', count: Number(count) },
        }),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const error = create.error instanceof ApiError ? create.error : undefined;
  return (
    <form className="card-panel form" onSubmit={submit} aria-labelledby="batch-title">
      <h2 id="batch-title">{t('cards.batch')}</h2>
      <div className="grid-2">
        <Field label={t('cards.program')}>
          {(props) => (
            <select {...props} value={programId} onChange={(e) => setProgramId(e.target.value)}>
              {(programs.data?.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('cards.count')} error={error?.field('count')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={10000}
              required
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
          )}
        </Field>
      </div>
      <ErrorBanner error={create.error} />
      {create.data && (
        <Success>
          {t('cards.created', { count: create.data.count })}{' '}
          <code>
            {create.data.numbers.slice(0, 5).join(', ')}
            {create.data.numbers.length > 5 ? '…' : ''}
          </code>
        </Success>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('cards.createBatch')}
      </button>
    </form>
  );
}
