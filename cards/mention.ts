/**
 * Real Teams @mentions in cards: `<at>Name</at>` in the text plus a `msteams.entities` mention whose
 * text matches it exactly. Only people with a Teams identity can be mentioned; everyone else is shown
 * as plain, escaped text. Names are reduced to letters, digits, spaces, hyphens and apostrophes so the
 * tag needs no escaping and cannot smuggle Markdown or markup.
 */
import { escapeMarkdown } from './text';

export interface Mentionable {
  displayName: string;
  teamsUserId: string | null;
  aadObjectId: string | null;
}

export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export class Mentions {
  private readonly byId = new Map<string, MentionEntity>();

  /** `<at>Name</at>` for someone Teams knows (recording the entity), the escaped name otherwise. */
  of(person: Mentionable): string {
    const id = person.teamsUserId ?? person.aadObjectId;
    const name = person.displayName
      .replace(/[^\p{L}\p{N} '-]/gu, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!id || !name) return escapeMarkdown(person.displayName);
    const text = `<at>${name}</at>`;
    if (!this.byId.has(id)) this.byId.set(id, { type: 'mention', text, mentioned: { id, name } });
    return text;
  }

  entities(): MentionEntity[] {
    return [...this.byId.values()];
  }
}
