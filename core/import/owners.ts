/**
 * Owner cells name one post or several: "Deputy Chief Constable / Head of SDD / FCR", or posts
 * run together with what each answers for, "Cdr Foy-Metcall Cdr Jarman- SNTs Cdr Minton- IBOs".
 * Each post is chased separately, so each becomes its own owner.
 */
import type { ParsedOwner } from './types';

/** Ranks that start a new post when they recur inside one run-together cell. */
const RANK =
  /\b(?:Ch\.?\s?Supt|[TD]\/?\s?Supt|Det\.?\s?Supt|Supt|Cdr|Commander|DAC|AC|ACC|DCC|DCS|DCI|DI|Ch\.?\s?Insp|Insp|Sgt)\b/g;

/** Split before every rank that follows other words, except inside brackets ("Lead (T Supt S Taylor)"). */
function splitOnRanks(piece: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const m of piece.matchAll(RANK)) {
    const before = piece.slice(start, m.index);
    const bracketOpen =
      (piece.slice(0, m.index).match(/\(/g) ?? []).length > (piece.slice(0, m.index).match(/\)/g) ?? []).length;
    if (!bracketOpen && before.replace(RANK, '').trim()) {
      parts.push(before.trim());
      start = m.index!;
    }
  }
  parts.push(piece.slice(start).trim());
  return parts;
}

/** The part a post plays in an action, in brackets after it: "Head of IT (lead)". */
const ROLE_IN_BRACKETS = /^(.*\S)\s*\(((?:co-?)?lead|support(?:ing)?|accountable|responsible|deputy|sponsor)\)$/i;

/** "Cdr Jarman- SNTs" / "Cdr Jarman - SNTs": the post, then what it answers for; "Head of IT (lead)". */
function withRole(part: string): ParsedOwner {
  const m = /^(.*?\S)(?:-|\s[-–—:])\s+(.+)$/.exec(part) ?? ROLE_IN_BRACKETS.exec(part);
  return m ? { post: m[1].trim(), role: m[2].trim() } : { post: part };
}

/** Words a post's title starts with ("Head of …", "Deputy Director …"), as a name or an area does not. */
const POST_TITLE =
  /^(?:(?:acting|interim|deputy|assistant|associate|executive|senior|principal|strategic|corporate|service|programme|group|area)\s+)*(?:head|director|chief|manager|officer|lead|chair|commander|superintendent|inspector|controller|registrar|co-?ordinator|adviser|advisor|secretary|clerk|cabinet member)\b/i;

/**
 * "Head of HR, Head of Legal": posts in a list. A comma parts them only when every part is a post's title of
 * two words or more: in "J. Smith, Director of Finance", "Superintendent, Head of CCTV" and "Director of
 * People, Culture and Inclusion" it belongs to one post.
 */
function splitOnCommas(piece: string): string[] {
  const parts = piece.split(/\s*,\s*/);
  const title = (part: string) => POST_TITLE.test(part) && /\s/.test(part);
  return parts.length > 1 && parts.every(title) ? parts : [piece];
}

/**
 * "Head of HR & Head of Legal", "J Smith and K Jones": two posts. "Finance and Resources Manager" is one,
 * so "and"/"&" splits only where both sides run to two words or more.
 */
function splitOnAnd(piece: string): string[] {
  const parts = piece.split(/\s+(?:&|and)\s+/);
  const words = (p: string) => p.trim().split(/\s+/).length;
  return parts.length > 1 && parts.every((p) => words(p) >= 2) ? parts : [piece];
}

/**
 * A bracket opened and never closed ("Policing (Hood of", from a column a PDF export cut off): what is in it
 * is a fragment, so the post is the text before it. A stray closing bracket is dropped.
 */
export const UNCLOSED_BRACKET = /\s*\([^()]*$/;

function withoutOddBrackets(part: string): string {
  return part
    .replace(UNCLOSED_BRACKET, '')
    .replace(/^([^(]*)\)/, '$1')
    .trim();
}

/**
 * A post left from a cut-off cell ("Policing", of "College of Policing (Head of") is completed by the one post
 * elsewhere in the plan whose name, brackets aside, ends in it; left as it is when none or several do.
 */
export function completeClipped(post: string, known: string[]): string {
  const names = new Set(known.map((k) => k.replace(/\s*\(.*$/, '').trim()));
  const fuller = [...names].filter((name) => name !== post && name.endsWith(` ${post}`));
  return fuller.length === 1 ? fuller[0] : post;
}

export function parseOwners(cell: string): ParsedOwner[] {
  return cell
    .split(/\s+\/\s+|\s*[;\n]\s*/)
    .flatMap(splitOnAnd)
    .flatMap(splitOnCommas)
    .flatMap(splitOnRanks)
    .map(withoutOddBrackets)
    .filter((p) => /\p{L}/u.test(p))
    .map(withRole);
}

const OWNER_WORD = /^(?:[A-Z][\w&.'-]*|and|&|of|the)[,;]?$/;

/**
 * Plans without an owner column often end an action with its owners in brackets:
 * "Review the training policy (CS&P and HR)", "(Borough Commanders; Head of Performance)". Brackets
 * holding anything but names ("(Page 5)", "(see Appendix A)") are left alone. Semicolons, "and" and "&"
 * part posts; commas and slashes part only one-word posts ("(DCC, ACC)"): between longer names a comma
 * belongs to the post ("(Commander, Territorial Policing)").
 */
export function ownersFromActionText(text: string): { text: string; owners: ParsedOwner[] } {
  const m = /\s\(([^()]+)\)\s*$/.exec(text);
  const words = m?.[1].trim().split(/\s+/) ?? [];
  if (
    !m ||
    words.length > 8 ||
    /\d|^(page|para|paragraph|see|copy)\b/i.test(m[1]) ||
    !words.every((w) => OWNER_WORD.test(w))
  ) {
    return { text, owners: [] };
  }
  const owners = m[1]
    .trim()
    .split(/\s*;\s*|\s+(?:and|&)\s+/)
    .flatMap((part) => {
      const listed = part.split(/\s*[,/]\s*/);
      return listed.every((post) => !/\s/.test(post)) ? listed : [part];
    })
    .filter(Boolean)
    .map((post) => ({ post }));
  return { text: text.slice(0, m.index).trim(), owners };
}
