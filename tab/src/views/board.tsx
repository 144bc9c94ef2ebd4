/** The channel tab: a board's plans with their counts, the trend, and the tables a board reads. */
import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { actionsAnswer, boardAnswer, type BoardAnswer } from '../../../bot/tab/contract';
import type { BoardTable } from '../../../core/domain';
import { ApiError, download, get } from '../api';
import { ActionPanel } from '../parts/action-panel';
import { ActionTable } from '../parts/action-table';
import { RagBadge } from '../parts/rag';
import { TrendChart } from '../parts/trend-chart';
import { useLoad } from '../parts/use-load';

const TABLES: { key: BoardTable; title: string }[] = [
  { key: 'red', title: 'Red' },
  { key: 'overdue', title: 'Overdue' },
  { key: 'awaiting', title: 'Awaiting verification' },
  { key: 'extensions', title: 'Extension requests' },
  { key: 'slipped', title: 'Slipped' },
  { key: 'riskAccepted', title: 'Risk accepted' },
];
const PAGE_SIZE = 20;
const RAGS = ['RED', 'AMBER', 'GREEN', 'COMPLETE'] as const;

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  plans: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  counts: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  h: { display: 'block', marginBottom: tokens.spacingVerticalS },
});

/** `openAction`: the action whose panel opens with the board (a card's "Open in board view"). */
export function BoardView({ boardKey, openAction = null }: { boardKey: string; openAction?: string | null }) {
  const s = useStyles();
  const overview = useLoad(() => get(`/boards/${encodeURIComponent(boardKey)}`, boardAnswer), [boardKey]);
  if (overview.error) return <Problem text={overview.error} />;
  if (!overview.data) return <Spinner label="Loading the board" />;
  const b = overview.data;
  return (
    <main className={s.page}>
      <Title2 as="h1" block className={s.h}>
        {b.board.name}
      </Title2>
      <section aria-labelledby="plans-h">
        <Subtitle1 as="h2" block id="plans-h" className={s.h}>
          Plans
        </Subtitle1>
        <div className={s.plans}>
          {b.plans.map((p) => (
            <Card key={p.key} data-testid={`plan-${p.key}`}>
              <CardHeader
                header={<Text weight="semibold">{`${p.key}: ${p.title}`}</Text>}
                description={
                  <Text>{`${p.total} actions · ${p.overdue} overdue · ${p.percentComplete}% verified complete`}</Text>
                }
              />
              <ul className={s.counts} aria-label={`${p.key} by RAG`}>
                {RAGS.map((r) => (
                  <li key={r} data-testid={`count-${r}`} data-count={p.byRag[r]}>
                    <RagBadge rag={r} /> <Text>{p.byRag[r]}</Text>
                  </li>
                ))}
              </ul>
              {Object.keys(p.byOutcome).length > 0 && (
                <Text size={200}>
                  {Object.entries(p.byOutcome)
                    .map(([o, n]) => `${o.replace('_', ' ')}: ${n}`)
                    .join(' · ')}
                </Text>
              )}
            </Card>
          ))}
        </div>
      </section>
      <section aria-labelledby="trend-h">
        <Subtitle1 as="h2" block id="trend-h" className={s.h}>
          Trend
        </Subtitle1>
        <TrendChart trend={b.trend} />
      </section>
      <BoardPack board={b} />
      <Tables board={b} openAction={openAction} />
    </main>
  );
}

function BoardPack({ board }: { board: BoardAnswer }) {
  const s = useStyles();
  const [plan, setPlan] = useState(board.plans[0]?.key ?? '');
  const [asOf, setAsOf] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const go = () =>
    download(
      `/boards/${board.board.key}/pack?plan=${encodeURIComponent(plan)}${asOf ? `&asOf=${asOf}` : ''}`,
      `${plan}-board-pack${asOf ? `-${asOf}` : ''}.xlsx`,
    ).then(
      () => setProblem(null),
      (e: Error) => setProblem(e instanceof ApiError ? e.message : 'The board pack could not be downloaded.'),
    );
  if (!board.plans.length) return null;
  return (
    <section aria-labelledby="pack-h">
      <Subtitle1 as="h2" block id="pack-h" className={s.h}>
        Board pack
      </Subtitle1>
      <div className={s.row}>
        <Field label="Plan">
          <Select value={plan} onChange={(_, d) => setPlan(d.value)}>
            {board.plans.map((p) => (
              <option key={p.key} value={p.key}>
                {p.key}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="As at (empty for today)">
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
        <Button appearance="primary" onClick={go}>
          Download board pack
        </Button>
      </div>
      {problem && <Problem text={problem} />}
    </section>
  );
}

interface Filters {
  plan: string;
  section: string;
  post: string;
  priority: string;
}

function Tables({ board, openAction }: { board: BoardAnswer; openAction: string | null }) {
  const s = useStyles();
  const [table, setTable] = useState<BoardTable>('red');
  const [filters, setFilters] = useState<Filters>({ plan: '', section: '', post: '', priority: '' });
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<string | null>(openAction);
  const query = new URLSearchParams({
    table,
    page: String(page),
    pageSize: String(PAGE_SIZE),
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
  });
  const list = useLoad(() => get(`/boards/${board.board.key}/actions?${query}`, actionsAnswer), [query.toString()]);
  const filter = (k: keyof Filters, label: string, options: string[]) => (
    <Field label={label}>
      <Select
        value={filters[k]}
        onChange={(_, d) => {
          setFilters((f) => ({ ...f, [k]: d.value }));
          setPage(0);
        }}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </Field>
  );
  const title = TABLES.find((t) => t.key === table)!.title;
  return (
    <section aria-labelledby="tables-h">
      <Subtitle1 as="h2" block id="tables-h" className={s.h}>
        Actions
      </Subtitle1>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset's border and legend do not fit this row of filters. */}
      <div className={s.row} role="group" aria-label="Filters">
        {filter(
          'plan',
          'Plan',
          board.plans.map((p) => p.key),
        )}
        {filter('section', 'Section', board.filters.sections)}
        {filter('post', 'Owner post', board.filters.posts)}
        {filter('priority', 'Priority', board.filters.priorities)}
      </div>
      <TabList
        selectedValue={table}
        onTabSelect={(_, d) => {
          setTable(d.value as BoardTable);
          setPage(0);
        }}
        aria-label="Tables"
      >
        {TABLES.map((t) => (
          <Tab key={t.key} value={t.key}>
            {t.title}
          </Tab>
        ))}
      </TabList>
      <div aria-live="polite" data-testid="table-total">
        {list.data && <Text>{`${title}: ${list.data.total} action${list.data.total === 1 ? '' : 's'}`}</Text>}
      </div>
      {list.error && <Problem text={list.error} />}
      {list.data ? (
        <ActionTable
          answer={list.data}
          caption={title}
          onOpen={setOpen}
          onPage={setPage}
          withRequest={table === 'extensions'}
        />
      ) : (
        <Spinner label="Loading" />
      )}
      <ActionPanel actionId={open} onClose={() => setOpen(null)} />
    </section>
  );
}

export function Problem({ text }: { text: string }) {
  return (
    <MessageBar layout="multiline" intent="error">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
