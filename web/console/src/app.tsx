import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import { LanguagePicker } from './language-picker';
import { LoginPage } from './pages/login';
import { Link, match, useRouter } from './router';
import { Loading } from './ui';

// Each screen is its own chunk (React.lazy): the first load carries the shell and the login form only;
// the dashboard's charting library comes with the dashboard.
const AdminPage = lazy(() => import('./pages/admin').then((m) => ({ default: m.AdminPage })));
const CardsPage = lazy(() => import('./pages/cards').then((m) => ({ default: m.CardsPage })));
const CustomerPage = lazy(() => import('./pages/customer').then((m) => ({ default: m.CustomerPage })));
const CustomersPage = lazy(() => import('./pages/customers').then((m) => ({ default: m.CustomersPage })));
const DashboardPage = lazy(() => import('./pages/dashboard').then((m) => ({ default: m.DashboardPage })));
const ProgramsPage = lazy(() => import('./pages/programs').then((m) => ({ default: m.ProgramsPage })));
const SalesPage = lazy(() => import('./pages/sales').then((m) => ({ default: m.SalesPage })));
const PromotionsPage = lazy(() => import('./pages/promotions').then((m) => ({ default: m.PromotionsPage })));
const PromotionMapsPage = lazy(() =>
  import('./pages/promotions').then((m) => ({ default: m.PromotionMapsPage })),
);
const PromotionEditorPage = lazy(() =>
  import('./pages/promotion-editor').then((m) => ({ default: m.PromotionEditorPage })),
);
const SimulatorPage = lazy(() => import('./pages/simulator').then((m) => ({ default: m.SimulatorPage })));
const MessagesPage = lazy(() => import('./pages/messages').then((m) => ({ default: m.MessagesPage })));
const CampaignsPage = lazy(() => import('./pages/campaigns').then((m) => ({ default: m.CampaignsPage })));
const SalePage = lazy(() => import('./pages/sales').then((m) => ({ default: m.SalePage })));

const NAV = [
  { to: '/', key: 'nav.dashboard' },
  { to: '/customers', key: 'nav.customers' },
  { to: '/cards', key: 'nav.cards' },
  { to: '/programs', key: 'nav.programs' },
  { to: '/sales', key: 'nav.sales' },
  { to: '/promotions', key: 'nav.promotions' },
  { to: '/campaigns', key: 'nav.campaigns' },
  { to: '/messages', key: 'nav.messages' },
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
  if (path === '/promotions') return <PromotionsPage />;
  if (path === '/promotions/maps') return <PromotionMapsPage />;
  if (path === '/promotions/simulator') return <SimulatorPage />;
  if (path === '/promotions/new') return <PromotionEditorPage />;
  const promotion = match('/promotions/:nro', path);
  if (promotion) return <PromotionEditorPage key={promotion.nro} nro={promotion.nro} />;
  if (path === '/messages' || path.startsWith('/messages/')) return <MessagesPage tab={path.split('/')[2]} />;
  if (path === '/campaigns' || path.startsWith('/campaigns/'))
    return <CampaignsPage tab={path.split('/')[2]} />;
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
      <main id="main">
        <Suspense fallback={<Loading />}>{route(location.path)}</Suspense>
      </main>
    </div>
  );
}
