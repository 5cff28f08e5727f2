import { describe, expect, it } from 'vitest';
import { countSmsSegments } from '../messaging/sms-segments.js';
import { gsm7, reminderText } from './reminder-text.js';

describe('reminder texts', () => {
  const r = reminderText({
    job: 'Plaquettes de frein',
    plate: 'ABC123',
    due: '2021-09-01',
    promotion: '-10%',
    garage: 'SAS GARAGE DU PONT',
  });

  it('writes a one-part GSM-7 SMS with the job, plate, month, offer, garage and STOP', () => {
    expect(r.sms).toBe(
      'Plaquettes de frein : votre véhicule ABC123 est à prévoir pour septembre 2021. Offre : -10%. SAS GARAGE DU PONT STOP SMS au 36173',
    );
    expect(countSmsSegments(r.sms)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('writes an e-mail with a subject', () => {
    expect(r.subject).toBe('Plaquettes de frein : entretien de votre véhicule ABC123');
    expect(r.email).toContain('« Plaquettes de frein »');
    expect(r.email).toContain('septembre 2021');
    expect(r.email).toContain('Offre réservée : -10%.');
    expect(r.email.endsWith('SAS GARAGE DU PONT')).toBe(true);
  });

  it('keeps GSM-7 letters and drops the accents of the others', () => {
    expect(gsm7('Filtre à air, août, crème, ç’est «ok» — €')).toBe(
      'Filtre à air, aout, crème, c\'est "ok" - €',
    );
    expect(
      reminderText({ job: 'Filtre à air', plate: 'DEF123', due: '2032-08-01', promotion: '', garage: null })
        .sms,
    ).toBe('Filtre à air : votre véhicule DEF123 est à prévoir pour aout 2032. STOP SMS au 36173');
  });
});
