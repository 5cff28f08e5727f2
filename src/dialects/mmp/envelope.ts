/**
 * The MMP Vision 360 answer envelope {success, data, message, errors} (spec/mmp.md §1.3): key orders as the
 * seed prints them, messages in the `lang` asked (fr by default, en), Laravel-style `errors` objects, and the
 * mapping of the engine's error codes onto statuses, messages and error keys.
 */
import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../core/error-catalog.js';

export type Lang = 'fr' | 'en';

export function langOf(request: FastifyRequest): Lang {
  const q = request.query as Record<string, unknown> | undefined;
  return q?.lang === 'en' ? 'en' : 'fr';
}

/** An answer that is not a success: status, message (both languages) and the errors object. */
export class MmpError extends Error {
  constructor(
    readonly status: number,
    readonly messages: Record<Lang, string>,
    readonly errors: Record<string, string[]> | ((lang: Lang) => Record<string, string[]>),
  ) {
    super(messages.en);
  }
  errorsIn(lang: Lang): Record<string, string[]> {
    return typeof this.errors === 'function' ? this.errors(lang) : this.errors;
  }
}

export const MESSAGES = {
  ok: { en: 'OK', fr: 'OK' },
  malformed: { en: 'Malformed request.', fr: 'Requête mal formée.' },
  unauthenticated: { en: 'Unauthenticated.', fr: 'Non authentifié.' },
  forbidden: { en: 'This action is unauthorized.', fr: "Cette action n'est pas autorisée." },
  notFound: { en: 'Not found.', fr: 'Ressource introuvable.' },
  networkNotFound: { en: 'Network not found.', fr: 'Réseau introuvable.' },
  vehicleNotFound: { en: 'Vehicle not found.', fr: 'Véhicule introuvable.' },
  memberNotFound: { en: 'Member not found.', fr: 'Adhérent introuvable.' },
  methodNotAllowed: { en: 'Method not allowed.', fr: 'Méthode non autorisée.' },
  importInProgress: { en: 'An import is already in progress.', fr: 'Un import est déjà en cours.' },
  tooLarge: { en: 'The import file is too large.', fr: 'Le fichier est trop volumineux.' },
  invalid: { en: 'The given data was invalid.', fr: 'Les données fournies sont invalides.' },
  rejected: {
    en: 'The import file was rejected; nothing was imported.',
    fr: "Le fichier a été rejeté ; aucune donnée n'a été importée.",
  },
  server: { en: 'Server error.', fr: 'Erreur serveur.' },
  tooMany: { en: 'Too many attempts.', fr: 'Trop de tentatives.' },
} as const;

const TOKEN_TEXT = {
  en: 'The access token is missing, invalid or expired.',
  fr: "Le jeton d'accès est absent, invalide ou expiré.",
};

export const unauthenticated = () =>
  new MmpError(401, MESSAGES.unauthenticated, (lang) => ({ token: [TOKEN_TEXT[lang]] }));

export const forbidden = (key: string) =>
  new MmpError(403, MESSAGES.forbidden, (lang) => ({
    [key]: [lang === 'en' ? 'This action is unauthorized.' : "Cette action n'est pas autorisée."],
  }));

export const fieldError = (field: string, text: Record<Lang, string>, status = 422) =>
  new MmpError(status, MESSAGES.invalid, (lang) => ({ [field]: [text[lang]] }));

export const requiredField = (field: string) =>
  fieldError(field, {
    en: `The ${field} field is required.`,
    fr: `Le champ ${field} est obligatoire.`,
  });

export const notFound = (key: string, messages: Record<Lang, string>, text: Record<Lang, string>) =>
  new MmpError(404, messages, (lang) => ({ [key]: [text[lang]] }));

/** The engine's failures in MMP terms (the route adds the field it concerns where it knows better). */
export function fromCode(code: ErrorCode, status: number, requestId: string): MmpError {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'TOKEN_EXPIRED':
      return unauthenticated();
    case 'FORBIDDEN':
    case 'NO_MERCHANT':
    case 'OTHER_NETWORK':
      return forbidden('reseau');
    case 'OTHER_MEMBER':
      return forbidden('code_pdv');
    case 'ROUTE_NOT_FOUND':
      return notFound('path', MESSAGES.notFound, { en: 'Not found.', fr: 'Ressource introuvable.' });
    case 'METHOD_NOT_ALLOWED':
      return new MmpError(405, MESSAGES.methodNotAllowed, { method: ['Method not allowed.'] });
    case 'MALFORMED_BODY':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return new MmpError(400, MESSAGES.malformed, (lang) => ({
        body: [
          lang === 'en' ? 'The body must be JSON or a form.' : 'Le corps doit être du JSON ou un formulaire.',
        ],
      }));
    case 'IMPORT_IN_PROGRESS':
      return new MmpError(409, MESSAGES.importInProgress, (lang) => ({
        importFile: [MESSAGES.importInProgress[lang]],
      }));
    case 'IMPORT_TOO_LARGE':
    case 'PAYLOAD_TOO_LARGE':
      return new MmpError(413, MESSAGES.tooLarge, (lang) => ({ importFile: [MESSAGES.tooLarge[lang]] }));
    case 'TOO_MANY_ATTEMPTS':
      return new MmpError(429, MESSAGES.tooMany, { token: ['Too many attempts.'] });
    default:
      if (status >= 500 || status < 400)
        return new MmpError(500, MESSAGES.server, { server: [`Reference ${requestId}.`] });
      return new MmpError(status, MESSAGES.invalid, { body: ['The given data was invalid.'] });
  }
}

/** A success envelope with the key order of the list web services. */
export const listEnvelope = <T>(data: T) => ({
  data,
  success: true as const,
  message: 'OK',
  errors: [] as never[],
});
/** A success envelope with the key order of vision360 and the upload. */
export const objectEnvelope = <T>(data: T) => ({
  success: true as const,
  data,
  message: 'OK',
  errors: [] as never[],
});

export function failureBody(error: MmpError, lang: Lang) {
  return { success: false, data: [] as never[], message: error.messages[lang], errors: error.errorsIn(lang) };
}
