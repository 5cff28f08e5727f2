import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey, ok } from '../api';
import { dateTime } from '../format';
import { Link, useRouter } from '../router';
import { ErrorBanner, Field, Loading, Page, Status, Success } from '../ui';
import { CardBatch } from './card-batch';

/** Block reasons (0–4) and unblock reasons (0–3) of the API; the role check is the server's. */
const BLOCK_REASONS = [0, 1, 2, 3, 4] as const;
const UNBLOCK_REASONS = [0, 1, 2, 3] as const;

type Action = 'block' | 'unblock' | 'replace';

function CardActions({ number, status }: { number: string; status: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { navigate } = useRouter();
  const [action, setAction] = useState<Action>(status === 'blocked' ? 'unblock' : 'block');
  const [reason, setReason] = useState(0);
  const [note, setNote] = useState('');
  const [newNumber, setNewNumber] = useState('');
  const run = useMutation({
    mutationFn: async () => {
      const options = { params: { path: { number } }, headers: { 'Idempotency-Key': idempotencyKey() } };
      if (action === 'replace')
        return ok(api.POST('/v1/cards/{number}/replace', { ...options, body: { newNumber } }));
      const body = { reasonCode: reason, ...(note ? { reasonName: note } : {}) };
      return action === 'block'
        ? ok(api.POST('/v1/cards/{number}/block', { ...options, body }))
        : ok(api.POST('/v1/cards/{number}/unblock', { ...options, body }));
    },
    onSuccess: async (card) => {
      await queryClient.invalidateQueries({ queryKey: ['card'] });
      await queryClient.invalidateQueries({ queryKey: ['customer-balance'] });
      if (action === 'replace') navigate(`/cards/${card.number}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  return (
    <form className="card-panel form" onSubmit={submit} aria-labelledby="card-actions">
      <h2 id="card-actions">{t('cards.actions')}</h2>
      <fieldset>
        <legend>{t('cards.action')}</legend>
        {(['block', 'unblock', 'replace'] as const).map((a) => (
          <label key={a} className="check">
            <input
              type="radio"
              name="action"
              value={a}
              checked={action === a}
              onChange={() => {
                setAction(a);
                setReason(0);
                run.reset();
              }}
            />{' '}
            {t(`cards.${a}`)}
          </label>
        ))}
      </fieldset>
      {action === 'replace' ? (
        <Field label={t('cards.newNumber')} hint={t('cards.newNumberHint')}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              required
              value={newNumber}
              onChange={(e) => setNewNumber(e.target.value)}
            />
          )}
        </Field>
      ) : (
        <>
          <Field label={t('cards.reason')}>
            {(props) => (
              <select
                {...props}
                name="reason"
                value={reason}
                onChange={(e) => setReason(Number(e.target.value))}
              >
                {(action === 'block' ? BLOCK_REASONS : UNBLOCK_REASONS).map((r) => (
                  <option key={r} value={r}>
                    {t(`cards.${action}Reason${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('cards.note')}>
            {(props) => (
              <input
                {...props}
                name="note"
                maxLength={200}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <ErrorBanner error={run.error} />
      {run.isSuccess && <Success>{t('cards.done', { status: run.data.status })}</Success>}
      <button type="submit" className="primary" disabled={run.isPending}>
        {t(`cards.${action}`)}
      </button>
    </form>
  );
}

function CardView({ number }: { number: string }) {
  const { t } = useTranslation();
  const card = useQuery({
    queryKey: ['card', number],
    queryFn: () => ok(api.GET('/v1/cards/{number}', { params: { path: { number } } })),
  });
  if (card.isPending) return <Loading />;
  if (card.error) return <ErrorBanner error={card.error} />;
  const c = card.data;
  return (
    <div className="grid-2">
      <section className="card-panel" aria-labelledby="card-title">
        <h2 id="card-title">
          {t('cards.card', { number: c.number })} <Status value={c.status} />
        </h2>
        <dl className="facts">
          <dt>{t('cards.program')}</dt>
          <dd>{c.program ? `${c.program.name} (${c.program.code})` : '—'}</dd>
          <dt>{t('cards.customer')}</dt>
          <dd>
            {c.customer ? (
              <Link to={`/customers/${c.customer.id}`}>
                {[c.customer.firstName, c.customer.lastName].filter(Boolean).join(' ')}
              </Link>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('cards.block')}</dt>
          <dd>{c.block ? `${c.block.reasonName} (${c.block.blockedByRole})` : '—'}</dd>
          <dt>{t('cards.replacedBy')}</dt>
          <dd>{c.replacedBy ? <Link to={`/cards/${c.replacedBy}`}>{c.replacedBy}</Link> : '—'}</dd>
          <dt>{t('cards.activated')}</dt>
          <dd>{dateTime(c.activatedAt)}</dd>
        </dl>
      </section>
      <CardActions key={c.number} number={c.number} status={c.status} />
    </div>
  );
}

export function CardsPage({ number }: { number?: string | undefined }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [text, setText] = useState(number ?? '');
  return (
    <Page title={t('cards.title')}>
      <form
        className="inline-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) navigate(`/cards/${encodeURIComponent(text.trim())}`);
        }}
      >
        <Field label={t('cards.number')}>
          {(props) => (
            <input {...props} inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <button type="submit">{t('cards.open')}</button>
      </form>
      {number && <CardView number={number} />}
      <CardBatch />
    </Page>
  );
}
