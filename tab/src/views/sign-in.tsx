/**
 * Local mode only: sign in as one of the people Chaser knows, to try the tab in a browser next to the
 * Playground. The server offers this only without Azure settings and only to this machine.
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { developerPeopleAnswer } from '../../../bot/tab/contract';
import { get } from '../api';
import { useLoad } from '../parts/use-load';

const useStyles = makeStyles({
  page: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '480px',
  },
});

export function DeveloperSignIn({ onSignIn }: { onSignIn: (personId: string) => void }) {
  const s = useStyles();
  const people = useLoad(() => get('/developer/people', developerPeopleAnswer), []);
  const [chosen, setChosen] = useState('');
  if (people.error)
    return (
      <main className={s.page}>
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>Open Chaser's tab in Microsoft Teams to sign in.</MessageBarBody>
        </MessageBar>
      </main>
    );
  if (!people.data) return <Spinner label="Loading" />;
  return (
    <main className={s.page}>
      <Title3 as="h1" block>
        Chaser board tab
      </Title3>
      <MessageBar layout="multiline" intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Developer sign-in</MessageBarTitle>
          Local mode only: this Chaser has no Azure settings, so you choose who you are. In Teams, single sign-on is
          used instead.
        </MessageBarBody>
      </MessageBar>
      <Field label="Sign in as">
        <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
          <option value="">Choose a person</option>
          {people.data.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.posts.length
                ? `${p.displayName}: ${p.posts.slice(0, 2).join(', ')}${p.posts.length > 2 ? '…' : ''}`
                : p.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" disabled={!chosen} onClick={() => onSignIn(chosen)}>
          Sign in
        </Button>
      </div>
    </main>
  );
}
