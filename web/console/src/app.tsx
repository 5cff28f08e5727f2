import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import { LanguagePicker } from './language-picker';
import { AdminPage } from './pages/admin';
import { CardsPage } from './pages/cards';
import { CustomerPage } from './pages/customer';
import { CustomersPage } from './pages/customers';
import { DashboardPage } from './pages/dashboard';
import { LoginPage } from './pages/login';
import { ProgramsPage } from './pages/programs';
import { SalePage, SalesPage } from './pages/sales';
import { Link, match, useRouter } from './router';

const NAV = [
  { to: '/', key: 'nav.dashboard' },
  { to: '/customers', key: 'nav.customers' },
  { to: '/cards', key: 'nav.cards' },
  { to: '/programs', key: 'nav.programs' },
  { to: '/sales', key: 'nav.sales' },
  { to: '/admin', key: 'nav.admin' },
] as const;

function route(path: string): ReactNode {
  if (path === '/') return <DashboardPage />;
  if (path === '/customers') return <CustomersPage />;
  const customer = match('/customers/:id', path);
  if (customer) return <CustomerPage id={customer.id!} />;
  if (path === '/cards') return <CardsPage />;
  const card = match('/cards/:number', path);
  if (card) return <CardsPage number={card.number} />;
  if (path === '/programs') return <ProgramsPage />;
  const program = match('/programs/:id', path);
  if (program) return <ProgramsPage id={program.id} />;
  if (path === '/sales') return <SalesPage />;
  const sale = match('/sales/:id', path);
  if (sale) return <SalePage id={sale.id!} />;
  if (path === '/admin' || path.startsWith('/admin/')) return <AdminPage tab={path.split('/')[2]} />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('common.notFound')}</h1>
      <Link to="/">{t('nav.dashboard')}</Link>
    </section>
  );
}

export function App() {
  const { t } = useTranslation();
  const { session, logout } = useAuth();
  const { location } = useRouter();
  // Moving to another screen puts the keyboard focus on its title, as a page load would.
  useEffect(() => {
    document.getElementById('page-title')?.focus();
  }, [location.path]);
  if (!session) return <LoginPage />;
  const current = (to: string) =>
    to === '/' ? location.path === '/' : location.path === to || location.path.startsWith(`${to}/`);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('common.skip')}
      </a>
      <header className="topbar">
        <span className="brand">Tessera</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className={current(item.to) ? 'active' : undefined}>
                  {t(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="session">
          <LanguagePicker />
          <span className="muted">{session.username}</span>
          <button type="button" onClick={() => void logout()}>
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <main id="main">{route(location.path)}</main>
    </div>
  );
}
