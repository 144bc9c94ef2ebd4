/**
 * The meeting side panel: what the committee discusses, one item at a time; members with the authority
 * record decisions here (marked with the meeting), and post the summary to the board's channel after.
 */
import {
  Button,
  Field,
  Input,
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
  type MeetingItemsAnswer,
} from '../../../bot/tab/contract';
import type { Meeting } from '../../../core/domain';
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
  riskReview: 'Accepted risk due for review',
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
        <Text>
          Nothing new for the committee: no new Red, slipped dates, completions to verify, date requests or risk
          reviews.
        </Text>
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
            {item.kind === 'riskReview' && (
              <Text as="p" block>
                {`Risk accepted: ${item.action.outcomeReason ?? 'no reason recorded'}. Review due ${formatDay(item.action.reviewDate!)}.`}
              </Text>
            )}
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

/** The decisions an item allows, recorded with the meeting's name and date. */
function Decide(props: { item: Item; meeting: Meeting; onDecided: (message: string) => void }) {
  switch (props.item.kind) {
    case 'extension':
    case 'awaiting':
      return <Approve {...props} />;
    case 'riskReview':
      return <ReviewRisk {...props} />;
    default:
      return <AskForUpdate {...props} />;
  }
}

type DecideProps = Parameters<typeof Decide>[0];

/** Posts a decision; field problems come back next to the field, refusals as one message. */
function useDecision(onDecided: (message: string) => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = async (path: string, body: object) => {
    try {
      const r = await post(path, body, decisionAnswer);
      if (r.kind === 'invalid') setErrors(r.errors);
      else onDecided(r.message);
    } catch (e) {
      const text = e instanceof ApiError ? e.message : 'Chaser could not be reached. Nothing was recorded; try again.';
      setErrors({ form: text });
    }
  };
  return { errors, send };
}

const fieldState = (error: string | undefined) => ({
  validationState: error ? ('error' as const) : ('none' as const),
  validationMessage: error,
});

/** A new date approved or refused, a completion verified or reopened. */
function Approve({ item, meeting, onDecided }: DecideProps) {
  const s = useStyles();
  const [comment, setComment] = useState('');
  const { errors, send } = useDecision(onDecided);
  const decide = (decision: string) =>
    item.kind === 'extension'
      ? send(`/extensions/${encodeURIComponent(item.request!.id)}/decision`, { decision, comment, meeting })
      : send(`/actions/${encodeURIComponent(item.action.id)}/verification`, {
          decision,
          comment,
          meeting,
          version: item.action.version,
        });
  const [yes, no] = item.kind === 'extension' ? ['Approve new date', 'Refuse'] : ['Verify', 'Reopen'];
  return (
    <>
      <Field label="Comment (required to refuse or reopen)" {...fieldState(errors.comment ?? errors.form)}>
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

/** New Red or slipped: the committee asks the owners for an update by a date. */
function AskForUpdate({ item, meeting, onDecided }: DecideProps) {
  const [byDate, setByDate] = useState('');
  const [note, setNote] = useState('');
  const { errors, send } = useDecision(onDecided);
  const ask = () =>
    send(`/actions/${encodeURIComponent(item.action.id)}/update-request`, {
      version: item.action.version,
      byDate,
      note,
      meeting,
    });
  return (
    <>
      <Field label="Ask the owners for an update by" {...fieldState(errors.byDate ?? errors.form)}>
        <Input type="date" value={byDate} onChange={(_, d) => setByDate(d.value)} />
      </Field>
      <Field label="What the committee wants to know (optional)" {...fieldState(errors.note)}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
      <Button appearance="primary" onClick={ask}>
        Ask for an update
      </Button>
    </>
  );
}

/** An accepted risk on review: kept until a later review, or the action reopened. */
function ReviewRisk({ item, meeting, onDecided }: DecideProps) {
  const s = useStyles();
  const [reviewDate, setReviewDate] = useState('');
  const [reason, setReason] = useState('');
  const { errors, send } = useDecision(onDecided);
  const review = (outcome: 'extend_review' | 'reopen') =>
    send(`/actions/${encodeURIComponent(item.action.id)}/risk-review`, {
      version: item.action.version,
      outcome,
      reason,
      ...(outcome === 'extend_review' && { reviewDate }),
      meeting,
    });
  return (
    <>
      <Field label="Why the risk is still accepted" {...fieldState(errors.reason ?? errors.form ?? errors.outcome)}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <Field label="Next review" {...fieldState(errors.reviewDate)}>
        <Input type="date" value={reviewDate} onChange={(_, d) => setReviewDate(d.value)} />
      </Field>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={() => review('extend_review')}>
          Keep accepted
        </Button>
        <Button onClick={() => review('reopen')}>Reopen the action</Button>
      </div>
    </>
  );
}
