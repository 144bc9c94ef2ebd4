/** One action in a side drawer: its facts, pending date requests, evidence and history. */
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { actionAnswer } from '../../../bot/tab/contract';
import { get } from '../api';
import { dueLabel, formatDay, ownerNames, RagBadge, statusLabel } from './rag';
import { useLoad } from './use-load';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  section: { marginTop: tokens.spacingVerticalL },
  list: { paddingLeft: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalS} 0` },
  entry: { marginBottom: tokens.spacingVerticalS },
});

export function ActionPanel({ actionId, onClose }: { actionId: string | null; onClose: () => void }) {
  const s = useStyles();
  const { data, error } = useLoad(
    () => (actionId ? get(`/actions/${encodeURIComponent(actionId)}`, actionAnswer) : Promise.resolve(null)),
    [actionId],
  );
  const a = data?.action.id === actionId ? data.action : null;
  return (
    <OverlayDrawer position="end" size="medium" open={!!actionId} onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" onClick={onClose}>
              Close
            </Button>
          }
        >
          {a ? a.displayRef : 'Action'}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {/* Focusable, so keyboard users can scroll a long history. */}
      <DrawerBody tabIndex={0} aria-label="Action details">
        {error && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {!a && !error && <Spinner label="Loading the action" />}
        {a && data && (
          <div data-testid="action-panel">
            <Text as="p" block>
              {a.text}
            </Text>
            <dl className={s.facts}>
              <dt className={s.term}>RAG</dt>
              <dd style={{ margin: 0 }}>
                <RagBadge rag={a.effectiveRag} /> {a.reason}
              </dd>
              <dt className={s.term}>Status</dt>
              <dd style={{ margin: 0 }}>
                {statusLabel(a.status)}
                {a.outcome ? ` (${a.outcome.replace('_', ' ')}${a.outcomeReason ? `: ${a.outcomeReason}` : ''})` : ''}
              </dd>
              <dt className={s.term}>Owners</dt>
              <dd style={{ margin: 0 }}>{ownerNames(a)}</dd>
              <dt className={s.term}>Due</dt>
              <dd style={{ margin: 0 }}>{dueLabel(a)}</dd>
              {a.priority && (
                <>
                  <dt className={s.term}>Priority</dt>
                  <dd style={{ margin: 0 }}>{a.priority}</dd>
                </>
              )}
              <dt className={s.term}>Plan</dt>
              <dd
                style={{ margin: 0 }}
              >{`${a.planKey}, recommendation ${a.recommendationRef}${a.section ? ` (${a.section})` : ''}`}</dd>
            </dl>
            {data.requests.length > 0 && (
              <section className={s.section}>
                <Subtitle2 as="h3" block>
                  New dates asked for
                </Subtitle2>
                <ul className={s.list}>
                  {data.requests.map((r) => (
                    <li key={r.id}>{`${formatDay(r.requestedDate)}, asked by ${r.requesterName}: ${r.reason}`}</li>
                  ))}
                </ul>
              </section>
            )}
            {data.evidence.length > 0 && (
              <section className={s.section}>
                <Subtitle2 as="h3" block>
                  Evidence
                </Subtitle2>
                <ul className={s.list}>
                  {data.evidence.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list is read whole and never reordered.
                    <li key={i}>
                      {e.url ? (
                        <Link href={e.url} target="_blank" rel="noreferrer">
                          {e.title}
                        </Link>
                      ) : (
                        `${e.title}${e.fileName ? ` (${e.fileName})` : ''}`
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section className={s.section}>
              <Subtitle2 as="h3" block>{`History (${data.historyTotal})`}</Subtitle2>
              {data.history.length === 0 ? (
                <Text as="p" block>
                  No updates recorded yet.
                </Text>
              ) : (
                <ol className={s.list} data-testid="history">
                  {data.history.map((h, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list is read whole and never reordered.
                    <li key={i} className={s.entry}>
                      <Text weight="semibold">{formatDay(h.at)}</Text>
                      {` · ${h.sentence}`}
                    </li>
                  ))}
                </ol>
              )}
              {data.historyTotal > data.history.length && (
                <Text size={200}>{`Showing the latest ${data.history.length} of ${data.historyTotal}.`}</Text>
              )}
            </section>
          </div>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
