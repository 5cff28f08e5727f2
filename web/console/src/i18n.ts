import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { pt } from './locales/pt';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'pt', label: 'Português' },
  { code: 'es', label: 'Español' },
] as const;

/** The browser's language when the console speaks it, else English (the choice is not stored: no storage). */
function initialLanguage(): string {
  const wanted = (navigator.languages ?? [navigator.language]).map((l) => l.slice(0, 2));
  return wanted.find((l) => LANGUAGES.some((x) => x.code === l)) ?? 'en';
}

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    fr: { translation: fr },
    pt: { translation: pt },
    es: { translation: es },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
i18next.on('languageChanged', (lng) => document.documentElement.setAttribute('lang', lng));
document.documentElement.setAttribute('lang', i18next.language);

export { i18next };
