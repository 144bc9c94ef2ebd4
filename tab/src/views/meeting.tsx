/**
 * The meeting side panel: what the committee discusses, one item at a time; members with the authority
 * record decisions here (marked with the meeting), and post the summary to the board's channel after.
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  decisionAnswer,
  meetingItemsAnswer,
  meetingSummaryAnswer,
  type Meeting,
  type MeetingItemsAnswer,
} from '../../../bot/tab/contract';
import { ApiError, get, post } from '../api';
import { dueLabel, formatDay, ownerNames, RagBadge } from '../parts/rag';
import { useLoad } from '../parts/use-load';
import { Problem } from './board';

type Item = MeetingItemsAnswer['items'][number];

const KIND: Record<Item['kind'], string> = {
  newRed: 'New Red',
  slipped: 'Slipped',
  awaiting: 'Awaiting verification',
  extension: 'New date requested',
};

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  kind: { textTransform: 'uppercase', letterSpacing: '0.04em' },
});

export function MeetingPanel({ boardKey }: { boardKey: string }) {
  const s = useStyles();
  const items = useLoad(() => get(`/boards/${encodeURIComponent(boardKey)}/meeting`, meetingItemsAnswer), [boardKey]);
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  if (items.error) return <Problem text={items.error} />;
  if (!items.data) return <Spinner label="Loading the meeting's items" />;
  const { meeting } = items.data;
  const list = items.data.items;
  const item = list[Math.min(index, list.length - 1)];
  const key = item && `${item.kind}:${item.action.id}`;

  const postSummary = () =>
    post(`/boards/${encodeURIComponent(boardKey)}/meeting/summary`, { meeting }, meetingSummaryAnswer).then(
      (r) => setSummary({ intent: 'success', text: r.message }),
      (e: Error) => setSummary({ intent: 'error', text: e.message }),
    );

  return (
    <main className={s.page}>
      <Title3 as="h1" block>
        {meeting.title}
      </Title3>
      {list.length === 0 ? (
        <Text>Nothing new for the committee: no new Red, slipped dates, completions to verify or date requests.</Text>
      ) : (
        <>
          <div className={s.nav}>
            <Button disabled={index === 0} onClick={() => setIndex(index - 1)}>
              Previous
            </Button>
            <Text aria-live="polite">{`Item ${index + 1} of ${list.length}`}</Text>
            <Button disabled={index >= list.length - 1} onClick={() => setIndex(index + 1)}>
              Next
            </Button>
          </div>
          <section aria-label={`${KIND[item.kind]}: ${item.action.displayRef}`} data-testid="meeting-item">
            <Text className={s.kind} size={200} weight="semibold" block>
              {KIND[item.kind]}
            </Text>
            <Title3 as="h2" block>
              {item.action.displayRef}
            </Title3>
            <Text as="p" block>
              {item.action.text}
            </Text>
            <Text as="p" block>
              <RagBadge rag={item.action.effectiveRag} /> {item.action.reason}
            </Text>
            <Text as="p" block>{`Owners: ${ownerNames(item.action)}`}</Text>
            <Text as="p" block>{`Due: ${dueLabel(item.action)}`}</Text>
            {item.request && (
              <Text as="p" block>
                {`${item.request.requesterName} asks for ${formatDay(item.request.requestedDate)}: ` +
                  item.request.reason}
              </Text>
            )}
            {done[key] ? (
              <MessageBar layout="multiline" intent="success">
                <MessageBarBody>{done[key]}</MessageBarBody>
              </MessageBar>
            ) : items.data.canManage ? (
              <Decide item={item} meeting={meeting} onDecided={(m) => setDone((d) => ({ ...d, [key]: m }))} />
            ) : (
              <Text as="p" block>
                Only the plan owner and admins record decisions here.
              </Text>
            )}
          </section>
        </>
      )}
      {items.data.canManage && (
        <>
          <Button onClick={postSummary}>Post the decisions to the board's channel</Button>
          {summary && (
            <MessageBar layout="multiline" intent={summary.intent}>
              <MessageBarBody>{summary.text}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </main>
  );
}

/** The decisions an item allows: a new date approved or refused, a completion verified or reopened. */
function Decide(props: { item: Item; meeting: Meeting; onDecided: (message: string) => void }) {
  const s = useStyles();
  const { item, meeting } = props;
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (item.kind !== 'extension' && item.kind !== 'awaiting')
    return (
      <Text as="p" block>
        For discussion: ask the owner for an update in the meeting.
      </Text>
    );
  const decide = async (decision: string) => {
    const path =
      item.kind === 'extension'
        ? `/extensions/${encodeURIComponent(item.request!.id)}/decision`
        : `/actions/${encodeURIComponent(item.action.id)}/verification`;
    const body =
      item.kind === 'extension'
        ? { decision, comment, meeting }
        : { decision, comment, meeting, version: item.action.version };
    try {
      const r = await post(path, body, decisionAnswer);
      if (r.kind === 'invalid') setError(Object.values(r.errors)[0] ?? 'Check the comment');
      else props.onDecided(r.message);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Chaser could not be reached. Nothing was recorded; try again.');
    }
  };
  const [yes, no] = item.kind === 'extension' ? ['Approve new date', 'Refuse'] : ['Verify', 'Reopen'];
  return (
    <>
      <Field
        label="Comment (required to refuse or reopen)"
        validationState={error ? 'error' : 'none'}
        validationMessage={error ?? undefined}
      >
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
      </Field>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={() => decide(item.kind === 'extension' ? 'approve' : 'verify')}>
          {yes}
        </Button>
        <Button onClick={() => decide(item.kind === 'extension' ? 'reject' : 'reopen')}>{no}</Button>
      </div>
    </>
  );
}
