/** One action ("status of BTP-7") with its facts, and its dated history for "history of BTP-7". */
import type { HistoryEntry, ItemResult } from '../../core/query/item';
import { historySentence } from '../../core/history/sentence';
import { formatDate } from '../../core/time';
import { adaptiveCard, heading, RAG_COLOR, RAG_LABEL, textBlock, type AdaptiveCard, type CardElement } from '../card';
import { safe } from '../text';
import { dueWithSlip, ownersWords, statusWords } from '../voice';
import { notFoundCard } from './not-found';
import { closureButton, outcomeLine } from '../closure';
import type { BoardTab } from '../../core/domain';
import { boardViewButton } from '../board-link';

function entryText(e: HistoryEntry): string {
  return `**${formatDate(new Date(e.at))}** · ${safe(historySentence(e), 400)}`;
}

/** `tab`: the board tab where the action can be opened, when there is one (core/board-tab.ts). */
export function itemCard(r: ItemResult, tab?: BoardTab | null): AdaptiveCard {
  const a = r.action;
  if (!a) return notFoundCard('action', r.asked, r.candidates);
  const body: CardElement[] = [
    { ...heading(`${safe(a.displayRef, 40)} — ${RAG_LABEL[a.effectiveRag]}`), color: RAG_COLOR[a.effectiveRag] },
    textBlock(safe(a.text, 600)),
    {
      type: 'FactSet',
      facts: [
        { title: 'Why', value: safe(a.reason, 200) },
        { title: 'Owners', value: safe(ownersWords(a), 200) },
        { title: 'Due', value: safe(dueWithSlip(a), 140) },
        { title: 'Status', value: statusWords(a.status) },
        { title: 'Plan', value: safe(`${a.planKey}, recommendation ${a.recommendationRef}`, 120) },
        {
          title: 'Last update',
          value: a.lastUpdate
            ? safe(`${formatDate(new Date(a.lastUpdate.at))}: ${a.lastUpdate.text ?? ''}`, 200)
            : 'none',
        },
      ],
    },
  ];
  if (r.history) {
    const { entries, total } = r.history;
    body.push(heading(`History — ${total} ${total === 1 ? 'entry' : 'entries'}`));
    if (total === 0) body.push(textBlock('No updates recorded yet.', { isSubtle: true }));
    body.push(...entries.map((e) => textBlock(entryText(e), { size: 'Small', separator: true })));
    if (total > entries.length)
      body.push(textBlock(`Showing the latest ${entries.length} of ${total}.`, { isSubtle: true, size: 'Small' }));
  }
  // Anyone may ask; the form itself checks the authority to close.
  const closable = a.status === 'open' || a.status === 'awaiting_verification' || a.outcome === 'risk_accepted';
  if (a.status === 'closed') body.push(textBlock(outcomeLine(a)));
  return adaptiveCard(body, [...(closable ? [closureButton(a.id)] : []), ...boardViewButton(tab, a.id)]);
}
