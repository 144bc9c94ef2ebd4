/** The owner's update form: the same fields, rules and messages as the update card (core/actions/update.ts). */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { updateAnswer, type ActionsAnswer, type TabAction } from '../../../bot/tab/contract';
import { ApiError, post } from '../api';

type Choice = NonNullable<ActionsAnswer['statusChoices']>[number];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '520px' },
});

export function UpdateForm(props: { action: TabAction; choices: Choice[]; onSaved: (a: TabAction) => void }) {
  const s = useStyles();
  const [values, setValues] = useState({ status: '', note: '', newDueDate: '', dueReason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (k: keyof typeof values) => (_: unknown, d: { value: string }) =>
    setValues((v) => ({ ...v, [k]: d.value }));
  const id = props.action.id;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      const r = await post(
        `/actions/${encodeURIComponent(id)}/update`,
        { version: props.action.version, ...values },
        updateAnswer,
      );
      if (r.kind === 'invalid') {
        setErrors(r.errors);
        setBanner(null);
      } else {
        setErrors({});
        setBanner({ intent: r.kind === 'updated' ? 'success' : 'warning', text: r.message });
        if (r.kind === 'updated') setValues({ status: '', note: '', newDueDate: '', dueReason: '' });
        props.onSaved(r.action);
      }
    } catch (err) {
      setBanner({
        intent: 'error',
        text: err instanceof ApiError ? err.message : 'Chaser could not be reached. Nothing was saved; try again.',
      });
    } finally {
      setSaving(false);
    }
  }

  const field = (name: string) =>
    errors[name] ? { validationState: 'error' as const, validationMessage: errors[name] } : {};
  return (
    <form className={s.form} onSubmit={save} aria-label={`Update ${props.action.displayRef}`}>
      {banner && (
        <MessageBar layout="multiline" intent={banner.intent}>
          <MessageBarBody>{banner.text}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="How is it going?" required {...field('status')}>
        <RadioGroup layout="horizontal" value={values.status} onChange={set('status')}>
          {props.choices.map((c) => (
            <Radio key={c.value} value={c.value} label={c.title} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Progress note (needed when it gets worse, completes or asks for a new date)" {...field('note')}>
        <Textarea value={values.note} onChange={set('note')} resize="vertical" />
      </Field>
      <Field label="Ask for a new due date" {...field('newDueDate')}>
        <Input type="date" value={values.newDueDate} onChange={set('newDueDate')} />
      </Field>
      <Field label="Why the date needs to move" {...field('dueReason')}>
        <Textarea value={values.dueReason} onChange={set('dueReason')} resize="vertical" />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={saving}>
          Save update
        </Button>
      </div>
    </form>
  );
}
