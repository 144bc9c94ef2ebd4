/** A page of actions as a table; each reference opens the action's panel. */
import {
  Button,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ActionsAnswer } from '../../../bot/tab/contract';
import { dueLabel, formatDay, ownerNames, RagBadge } from './rag';

const useStyles = makeStyles({
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
  ref: { whiteSpace: 'nowrap' },
});

export function ActionTable(props: {
  answer: ActionsAnswer;
  caption: string;
  onOpen: (id: string) => void;
  onPage: (page: number) => void;
  withRequest?: boolean;
}) {
  const { answer, onOpen, onPage } = props;
  const s = useStyles();
  if (answer.total === 0) return <Text>Nothing here.</Text>;
  const first = answer.page * answer.pageSize + 1;
  const last = first + answer.actions.length - 1;
  return (
    <>
      <Table aria-label={props.caption} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '150px' }}>Ref</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell style={{ width: '22%' }}>Owners</TableHeaderCell>
            <TableHeaderCell style={{ width: props.withRequest ? '22%' : '120px' }}>
              {props.withRequest ? 'Asked for' : 'Due'}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: '100px' }}>RAG</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {answer.actions.map((a) => (
            <TableRow key={a.id}>
              <TableCell className={s.ref}>
                <Link as="button" onClick={() => onOpen(a.id)}>
                  {a.displayRef}
                </Link>
              </TableCell>
              <TableCell>{a.text}</TableCell>
              <TableCell>{ownerNames(a)}</TableCell>
              <TableCell>
                {props.withRequest && a.request
                  ? `${formatDay(a.request.requestedDate)}: ${a.request.reason}`
                  : dueLabel(a)}
              </TableCell>
              <TableCell>
                <RagBadge rag={a.effectiveRag} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={s.pager}>
        <Text>{`${first}–${last} of ${answer.total}`}</Text>
        <Button disabled={answer.page === 0} onClick={() => onPage(answer.page - 1)}>
          Previous
        </Button>
        <Button disabled={last >= answer.total} onClick={() => onPage(answer.page + 1)}>
          Next
        </Button>
      </div>
    </>
  );
}
