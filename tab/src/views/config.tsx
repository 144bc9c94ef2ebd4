/** The configurable tab's settings page: pick the board the channel tab (or meeting panel) shows. */
import { Field, makeStyles, Select, Spinner, Text, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { boardsAnswer } from '../../../bot/tab/contract';
import { get } from '../api';
import { offerBoard } from '../teams';
import { useLoad } from '../parts/use-load';
import { Problem } from './board';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function ConfigPage({ inTeams }: { inTeams: boolean }) {
  const s = useStyles();
  const boards = useLoad(() => get('/boards', boardsAnswer), []);
  const [chosen, setChosen] = useState('');
  if (boards.error) return <Problem text={boards.error} />;
  if (!boards.data) return <Spinner label="Loading boards" />;
  const pick = (key: string) => {
    setChosen(key);
    if (inTeams) offerBoard(boards.data!.boards.find((b) => b.key === key) ?? null);
  };
  return (
    <main className={s.page}>
      <Title3 as="h1" block>
        Show a board
      </Title3>
      {boards.data.boards.length === 0 ? (
        <Text>No boards yet. Link a channel to a board first: say "link this channel to board KEY" to Chaser.</Text>
      ) : (
        <Field label="Board">
          <Select value={chosen} onChange={(_, d) => pick(d.value)}>
            <option value="">Choose a board</option>
            {boards.data.boards.map((b) => (
              <option key={b.key} value={b.key}>{`${b.name} (${b.key})`}</option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && !inTeams && <Text>{`The tab will show /tab/board?board=${chosen}`}</Text>}
    </main>
  );
}
