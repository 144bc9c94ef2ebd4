/** The personal tab "My actions": what I own or cover for, each with the update form. */
import { Button, Card, CardHeader, makeStyles, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { actionsAnswer, type TabAction } from '../../../bot/tab/contract';
import { get } from '../api';
import { dueLabel, RagBadge, statusLabel } from '../parts/rag';
import { UpdateForm } from '../parts/update-form';
import { useLoad } from '../parts/use-load';
import { Problem } from './board';

const PAGE_SIZE = 10;

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pager: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export function MyActions() {
  const s = useStyles();
  const [page, setPage] = useState(0);
  const list = useLoad(() => get(`/me/actions?page=${page}&pageSize=${PAGE_SIZE}`, actionsAnswer), [page]);
  if (list.error) return <Problem text={list.error} />;
  if (!list.data) return <Spinner label="Loading your actions" />;
  const { total, actions, statusChoices = [] } = list.data;
  return (
    <main className={s.page}>
      <Title2 as="h1" block>
        My actions
      </Title2>
      <Text>
        {total
          ? `${total} open action${total === 1 ? '' : 's'} you own or cover for, soonest due first.`
          : 'You have no open actions. Nice.'}
      </Text>
      {actions.map((a) => (
        <MyAction key={a.id} action={a} choices={statusChoices} />
      ))}
      {total > PAGE_SIZE && (
        <div className={s.pager}>
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <Text>{`Page ${page + 1} of ${Math.ceil(total / PAGE_SIZE)}`}</Text>
          <Button disabled={(page + 1) * PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </div>
      )}
    </main>
  );
}

function MyAction(props: { action: TabAction; choices: { value: string; title: string }[] }) {
  const [action, setAction] = useState(props.action);
  const [editing, setEditing] = useState(false);
  return (
    <Card data-testid={`mine-${action.displayRef}`}>
      <CardHeader
        header={<Text weight="semibold">{`${action.displayRef}: ${action.text}`}</Text>}
        description={
          <Text>
            <RagBadge rag={action.effectiveRag} />{' '}
            {`${statusLabel(action.status)} · due ${dueLabel(action)} · ${action.reason}`}
          </Text>
        }
        action={
          action.status === 'open' ? (
            <Button onClick={() => setEditing(!editing)} aria-expanded={editing}>
              {editing ? 'Close' : 'Update'}
            </Button>
          ) : undefined
        }
      />
      {action.lastUpdate && (
        <Text size={200}>
          {`Last update: ${action.lastUpdate.text ?? ''}` +
            (action.lastUpdate.author ? ` (${action.lastUpdate.author})` : '')}
        </Text>
      )}
      {editing && <UpdateForm action={action} choices={props.choices} onSaved={setAction} />}
    </Card>
  );
}
