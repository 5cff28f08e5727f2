export const en = {
  common: {
    loading: 'Loading…',
    networkError: 'The server could not be reached.',
    notFound: 'Page not found',
    language: 'Language',
    skip: 'Skip to content',
  },
  nav: {
    label: 'Main',
    dashboard: 'Dashboard',
    customers: 'Customers',
    cards: 'Cards',
    programs: 'Programs',
    sales: 'Sales',
    admin: 'Administration',
  },
  auth: {
    title: 'Tessera console',
    username: 'User name',
    password: 'Password',
    login: 'Log in',
    logout: 'Log out',
    expired: 'Your session has expired: log in again.',
  },
};
export type Messages = typeof en;
