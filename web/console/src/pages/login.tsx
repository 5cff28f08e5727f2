import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../language-picker';
import { useAuth } from '../auth';
import { Field } from '../ui';

export function LoginPage() {
  const { t } = useTranslation();
  const { login, ended } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setError(await login(username, password));
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="login-title" className="card-panel">
        <h1 id="login-title">{t('auth.title')}</h1>
        {ended === 'expired' && (
          <p className="banner banner-warn" role="status">
            {t('auth.expired')}
          </p>
        )}
        <Field label={t('auth.username')}>
          {(props) => (
            <input
              {...props}
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('auth.password')} error={error}>
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.login')}
        </button>
        <LanguagePicker />
      </form>
    </main>
  );
}
