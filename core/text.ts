/**
 * Text as it is stored: without U+0000, other control characters (tab and line breaks kept) and Unicode
 * non-characters. PostgreSQL refuses U+0000 in text where SQLite stores it, so without this the same name or
 * note would be saved on one database and fail on the other.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what it removes.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Noncharacter_Code_Point}/gu;

export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '');
}
