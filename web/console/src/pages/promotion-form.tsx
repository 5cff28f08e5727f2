import { useTranslation } from 'react-i18next';
import { Field } from '../ui';
import {
  BENEFIT_PARAMS,
  CONDITION_PARAMS,
  emptyBenefit,
  fieldName,
  ITEM_ATTRIBUTES,
  type BenefitRow,
  type ConditionRow,
  type Draft,
} from './promotion-draft';

type Errors = Record<string, string>;

/** A labelled input bound to one form field by name, with the API's message for that field. */
function Input({
  label,
  name,
  value,
  errors,
  onChange,
  type = 'text',
  hint,
}: {
  label: string;
  name: string;
  value: string;
  errors: Errors;
  onChange: (value: string) => void;
  type?: string;
  hint?: string;
}) {
  return (
    <Field label={label} error={errors[name]} {...(hint ? { hint } : {})}>
      {(props) => (
        <input {...props} name={name} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/**
 * The structured promotion form: basics and validity, sets, conditions (all must hold), combo, benefits.
 * Every input is named after the grammar path it writes, so the API's 422 messages land on it.
 */
export function PromotionForm({
  draft,
  onChange,
  errors,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => onChange({ ...draft, [key]: value });
  const row =
    <K extends 'sets' | 'conditions' | 'combo' | 'benefits'>(key: K, i: number) =>
    (patch: Partial<Draft[K][number]>) =>
      set(key, draft[key].map((r, j) => (j === i ? { ...r, ...patch } : r)) as Draft[K]);
  const drop = (key: 'sets' | 'conditions' | 'combo' | 'benefits', i: number) =>
    set(key, draft[key].filter((_, j) => j !== i) as never);
  const setNames = draft.sets.map((s) => s.name).filter((n) => n.trim() !== '');
  const setSelect = (name: string, label: string, value: string, change: (v: string) => void) => (
    <Field label={label} error={errors[name]}>
      {(props) => (
        <select {...props} name={name} value={value} onChange={(e) => change(e.target.value)}>
          <option value="">{t('promotions.anySet')}</option>
          {setNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <>
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <fieldset className="card-panel">
        <legend>{t('promotions.basics')}</legend>
        <div className="grid-2">
          <Input
            label={t('promotions.name')}
            name="name"
            value={draft.name}
            errors={errors}
            onChange={(v) => set('name', v)}
          />
          <Input
            label={t('promotions.code')}
            name="code"
            value={draft.code}
            errors={errors}
            onChange={(v) => set('code', v)}
          />
          <Input
            label={t('promotions.priority')}
            name="priority"
            value={draft.priority}
            errors={errors}
            onChange={(v) => set('priority', v)}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={draft.exclusive}
              onChange={(e) => set('exclusive', e.target.checked)}
            />
            {t('promotions.exclusive')}
          </label>
          <Input
            label={t('promotions.from')}
            name="from"
            type="datetime-local"
            value={draft.from}
            errors={errors}
            onChange={(v) => set('from', v)}
          />
          <Input
            label={t('promotions.to')}
            name="to"
            type="datetime-local"
            value={draft.to}
            errors={errors}
            onChange={(v) => set('to', v)}
          />
          <Input
            label={t('promotions.stores')}
            name="stores"
            value={draft.stores}
            errors={errors}
            hint={t('promotions.commaHint')}
            onChange={(v) => set('stores', v)}
          />
          <Input
            label={t('promotions.segments')}
            name="segments"
            value={draft.segments}
            errors={errors}
            hint={t('promotions.commaHint')}
            onChange={(v) => set('segments', v)}
          />
        </div>
      </fieldset>

      <fieldset className="card-panel">
        <legend>{t('promotions.sets')}</legend>
        {errors.sets && <p className="field-error">{errors.sets}</p>}
        {draft.sets.map((s, i) => (
          <fieldset key={i} className="tier-row">
            <legend>{t('promotions.setN', { n: i + 1 })}</legend>
            <Input
              label={t('promotions.setName')}
              name={fieldName('set', i, 'name')}
              value={s.name}
              errors={errors}
              onChange={(v) => row('sets', i)({ name: v })}
            />
            <Field label={t('promotions.setType')} error={errors[fieldName('set', i, 'type')]}>
              {(props) => (
                <select
                  {...props}
                  name={fieldName('set', i, 'type')}
                  value={s.type}
                  onChange={(e) => row('sets', i)({ type: e.target.value as 'item' | 'payment' })}
                >
                  <option value="item">{t('promotions.setItem')}</option>
                  <option value="payment">{t('promotions.setPayment')}</option>
                </select>
              )}
            </Field>
            {s.type === 'item' && (
              <Field label={t('promotions.attribute')} error={errors[fieldName('set', i, 'attribute')]}>
                {(props) => (
                  <select
                    {...props}
                    name={fieldName('set', i, 'attribute')}
                    value={s.attribute}
                    onChange={(e) => row('sets', i)({ attribute: e.target.value })}
                  >
                    <option value="">{t('promotions.everyItem')}</option>
                    {ITEM_ATTRIBUTES.map((a) => (
                      <option key={a} value={a}>
                        {a}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Input
              label={t('promotions.values')}
              name={fieldName('set', i, 'value')}
              value={s.values}
              errors={errors}
              hint={t('promotions.commaHint')}
              onChange={(v) =>
                row('sets', i)({ values: v, ...(s.type === 'payment' ? { attribute: 'type' } : {}) })
              }
            />
            <button type="button" onClick={() => drop('sets', i)}>
              {t('common.remove')}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() =>
            set('sets', [...draft.sets, { name: '', type: 'item', attribute: 'level1', values: '' }])
          }
        >
          {t('promotions.addSet')}
        </button>
      </fieldset>

      <fieldset className="card-panel">
        <legend>{t('promotions.conditions')}</legend>
        <p className="hint">{t('promotions.conditionsHint')}</p>
        {draft.conditions.map((c, i) => (
          <fieldset key={i} className="tier-row">
            <legend>{t('promotions.conditionN', { n: i + 1 })}</legend>
            <Field label={t('promotions.conditionKind')} error={errors[fieldName('condition', i, 'name')]}>
              {(props) => (
                <select
                  {...props}
                  name={fieldName('condition', i, 'name')}
                  value={c.name}
                  onChange={(e) =>
                    row('conditions', i)({ name: e.target.value as ConditionRow['name'], params: {} })
                  }
                >
                  {Object.keys(CONDITION_PARAMS).map((k) => (
                    <option key={k} value={k}>
                      {t(`promotions.cond.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {CONDITION_PARAMS[c.name].map((key) =>
              key === 'use-set' ? (
                <div key={key}>
                  {setSelect(fieldName('condition', i, key), t('promotions.set'), c.params[key] ?? '', (v) =>
                    row('conditions', i)({ params: { ...c.params, [key]: v } }),
                  )}
                </div>
              ) : (
                <Input
                  key={key}
                  label={t(`promotions.param.${key}`)}
                  name={fieldName('condition', i, key)}
                  value={c.params[key] ?? ''}
                  errors={errors}
                  onChange={(v) => row('conditions', i)({ params: { ...c.params, [key]: v } })}
                />
              ),
            )}
            <button type="button" onClick={() => drop('conditions', i)}>
              {t('common.remove')}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() => set('conditions', [...draft.conditions, { name: 'Exists', params: {} }])}
        >
          {t('promotions.addCondition')}
        </button>
      </fieldset>

      <fieldset className="card-panel">
        <legend>{t('promotions.combo')}</legend>
        <p className="hint">{t('promotions.comboHint')}</p>
        {draft.combo.map((c, i) => (
          <fieldset key={i} className="tier-row">
            <legend>{t('promotions.componentN', { n: i + 1 })}</legend>
            {setSelect(fieldName('combo', i, 'use-set'), t('promotions.set'), c.set, (v) =>
              row('combo', i)({ set: v }),
            )}
            <Input
              label={t('promotions.min')}
              name={fieldName('combo', i, 'min')}
              value={c.min}
              errors={errors}
              onChange={(v) => row('combo', i)({ min: v })}
            />
            <Input
              label={t('promotions.max')}
              name={fieldName('combo', i, 'max')}
              value={c.max}
              errors={errors}
              onChange={(v) => row('combo', i)({ max: v })}
            />
            <button type="button" onClick={() => drop('combo', i)}>
              {t('common.remove')}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => set('combo', [...draft.combo, { set: '', min: '1', max: '' }])}>
          {t('promotions.addComponent')}
        </button>
      </fieldset>

      <fieldset className="card-panel">
        <legend>{t('promotions.benefits')}</legend>
        {errors.benefits && <p className="field-error">{errors.benefits}</p>}
        {draft.benefits.map((b, i) => (
          <BenefitFields
            key={i}
            index={i}
            benefit={b}
            errors={errors}
            onChange={row('benefits', i)}
            onRemove={() => drop('benefits', i)}
            setField={setSelect(
              fieldName('benefit', i, 'applied-elements'),
              t('promotions.appliedTo'),
              b.set,
              (v) => row('benefits', i)({ set: v }),
            )}
          />
        ))}
        <button type="button" onClick={() => set('benefits', [...draft.benefits, emptyBenefit()])}>
          {t('promotions.addBenefit')}
        </button>
      </fieldset>
    </>
  );
}

function BenefitFields({
  index: i,
  benefit: b,
  errors,
  onChange,
  onRemove,
  setField,
}: {
  index: number;
  benefit: BenefitRow;
  errors: Errors;
  onChange: (patch: Partial<BenefitRow>) => void;
  onRemove: () => void;
  setField: React.ReactNode;
}) {
  const { t } = useTranslation();
  const keys = BENEFIT_PARAMS[b.instance] ?? Object.keys(b.params);
  return (
    <fieldset className="tier-row">
      <legend>{t('promotions.benefitN', { n: i + 1 })}</legend>
      <Field label={t('promotions.benefitKind')} error={errors[fieldName('benefit', i, 'instance')]}>
        {(props) => (
          <select
            {...props}
            name={fieldName('benefit', i, 'instance')}
            value={b.instance}
            onChange={(e) => onChange({ instance: e.target.value, params: {} })}
          >
            {Object.keys(BENEFIT_PARAMS).map((k) => (
              <option key={k} value={k}>
                {t(`promotions.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {keys.map((key) => (
        <Input
          key={key}
          label={t(`promotions.param.${key}`, { defaultValue: key })}
          name={fieldName('benefit', i, key)}
          value={b.params[key] ?? ''}
          errors={errors}
          onChange={(v) => onChange({ params: { ...b.params, [key]: v } })}
        />
      ))}
      {setField}
      <Field label={t('promotions.method')} error={errors[fieldName('benefit', i, 'applicationMethod')]}>
        {(props) => (
          <select
            {...props}
            name={fieldName('benefit', i, 'applicationMethod')}
            value={b.method}
            onChange={(e) => onChange({ method: e.target.value as BenefitRow['method'] })}
          >
            <option value="resume">{t('promotions.methodResume')}</option>
            <option value="lineByLine">{t('promotions.methodLine')}</option>
          </select>
        )}
      </Field>
      <Input
        label={t('promotions.message')}
        name={fieldName('benefit', i, 'displayMessage')}
        value={b.message}
        errors={errors}
        onChange={(v) => onChange({ message: v })}
      />
      <button type="button" onClick={onRemove}>
        {t('common.remove')}
      </button>
    </fieldset>
  );
}
