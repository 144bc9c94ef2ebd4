/**
 * A cell printed to PDF breaks its text wherever a line of the cell ended: where the text ran out of width, or
 * where the writer started a new line (the next owner, a list item). Only the first kind is not in the plan.
 */

/** Words a cell's line ends on only when its text runs on to the next line: "… record their", "Head of". */
const RUNS_ON = /(?:[,&–-]|\b(?:a|an|and|at|by|for|from|in|into|its|of|on|or|our|the|their|to|with))$/i;

/** The text goes on from `line` to `next`: it stopped mid-phrase, or the next line starts in lower case. */
export const runsOn = (line: string, next: string): boolean => RUNS_ON.test(line) || /^\p{Ll}/u.test(next);

/**
 * A ruled table's cells with the breaks their column's width made turned back into spaces: a break where the
 * text runs on, or where the next line's first word would not have fitted on the line (the line and that word
 * run longer than any line the column holds). Other breaks stay: "Head of HR" over "Head of Legal" is two lines.
 */
export function unwrapCells(table: string[][]): string[][] {
  const lines = table.map((row) => row.map((cell) => cell.split('\n').map((line) => line.trim())));
  const widest: number[] = [];
  for (const row of lines)
    row.forEach((cell, c) => {
      for (const line of cell) widest[c] = Math.max(widest[c] ?? 0, line.length);
    });
  return lines.map((row) =>
    row.map((cell, c) =>
      cell.reduce((text, line, k) => {
        if (k === 0) return line;
        const before = cell[k - 1];
        const word = line.split(' ')[0];
        const wrapped = runsOn(before, line) || before.length + 1 + word.length > widest[c];
        return `${text}${wrapped ? ' ' : '\n'}${line}`;
      }, ''),
    ),
  );
}
