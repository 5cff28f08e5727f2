import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, idempotencyKey, ok, type Customer } from '../api';
import { ErrorBanner, Field } from '../ui';

const FIELDS = ['firstName', 'lastName', 'mobile', 'email'] as const;
type Values = Record<(typeof FIELDS)[number], string> & { consentEmail: boolean; consentSms: boolean };

/** Edits a customer: empty fields are cleared (null); the API's field errors show under each input. */
export function CustomerForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    firstName: customer.firstName ?? '',
    lastName: customer.lastName ?? '',
    mobile: customer.mobile ?? '',
    email: customer.email ?? '',
    consentEmail: customer.consents.email,
    consentSms: customer.consents.sms,
  });
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PATCH('/v1/customers/{id}', {
          params: { path: { id: customer.id } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: {
            firstName: values.firstName || null,
            lastName: values.lastName,
            mobile: values.mobile || null,
            email: values.email || null,
            consents: { email: values.consentEmail, sms: values.consentSms },
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['customer', customer.id] });
      onDone();
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;
  const fieldError = (name: string) =>
    error?.field(name) ??
    (error?.details.length === 0 && fieldOfCode(error.code) === name ? error.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card-panel form" onSubmit={submit} aria-label={t('customer.editTitle')}>
      <h2>{t('customer.editTitle')}</h2>
      <ErrorBanner error={save.error} />
      <div className="grid-2">
        {FIELDS.map((name) => (
          <Field key={name} label={t(`customers.${name}`)} error={fieldError(name)}>
            {(props) => (
              <input
                {...props}
                name={name}
                type={name === 'email' ? 'email' : name === 'mobile' ? 'tel' : 'text'}
                value={values[name]}
                onChange={(e) => setValues({ ...values, [name]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={values.consentEmail}
          onChange={(e) => setValues({ ...values, consentEmail: e.target.checked })}
        />{' '}
        {t('customer.consentEmail')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={values.consentSms}
          onChange={(e) => setValues({ ...values, consentSms: e.target.checked })}
        />{' '}
        {t('customer.consentSms')}
      </label>
      <div className="actions">
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** The field a customer error code is about, when the API names none. */
export function fieldOfCode(code: string): string | undefined {
  if (code.startsWith('LAST_NAME')) return 'lastName';
  if (code.startsWith('FIRST_NAME')) return 'firstName';
  if (code.startsWith('PHONE') || code === 'MOBILE_TAKEN') return 'mobile';
  if (code.startsWith('EMAIL')) return 'email';
  return undefined;
}
