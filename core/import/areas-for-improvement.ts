/**
 * Draft recommendations from an inspection report, for bodies that have a report but no plan yet.
 * HMIC baseline assessments grade each area ("1A Fairness and Equality in Service Delivery":
 * Fair, Improved) and list its "Areas for Improvement" as bullets; each bullet becomes a draft
 * recommendation of that area, with no owners and no actions until the plan owner adds them.
 */
import { decodeText } from './text-encoding';
import { extensionOf, readPdfText } from './read-table';
import type { ParsedPlan, ParsedRecommendation } from './types';

const AREA = /^#*\s*\**\s*(\d[A-Z])\b\**\s*(.+?)\**\s*$/;
/** Headings that end an "Areas for Improvement" list; page furniture and sub-topics do not. */
const ENDS_LIST =
  /^#+\s*\**\s*(strengths|work in progress|good practice|contextual factors|national|appendix|\d[A-Z]?\b)/i;
const BULLET = /^\s*(?:[-*•\uf0b7])\s+(.*)$/;

export function draftFromReportText(text: string, fileName: string): ParsedPlan {
  const lines = text.split(/\r?\n/);
  const recommendations: ParsedRecommendation[] = [];
  let area: { code: string; name: string; context?: string } | undefined;
  let inList = false;
  let current: ParsedRecommendation | undefined;

  lines.forEach((line, i) => {
    const area0 = AREA.exec(line);
    if (area0 && /^#/.test(line)) {
      area = { code: area0[1], name: area0[2].replace(/\*+/g, '').trim() };
      inList = false;
      return;
    }
    // "Grade<TAB>Direction of Travel" then "Fair<TAB>Improved" under the area heading.
    if (area && !area.context && /^grade\t/i.test(line)) {
      const travelHeading = line.split('\t')[1]?.trim() ?? '';
      const [grade, travel] = (lines[i + 1] ?? '').split('\t').map((s) => s.trim());
      const travelText = travel
        ? `; direction of travel: ${travel}`
        : travelHeading && !/^direction of travel$/i.test(travelHeading)
          ? `; ${travelHeading.toLowerCase()}`
          : '';
      area.context = `Grade: ${grade}${travelText}`;
      return;
    }
    if (/^#+.*areas for improvement/i.test(line)) {
      inList = !!area;
      current = undefined;
      return;
    }
    if (!inList || !area) return;
    if (ENDS_LIST.test(line)) {
      inList = false;
      return;
    }
    if (/^#/.test(line) || !line.trim()) return; // page furniture and sub-topic headings inside the list
    // An item is a bullet, or a paragraph starting " X" whose bullet glyph was lost in conversion;
    // other paragraphs continue the item a page break interrupted, unless it had ended a sentence.
    const bullet = BULLET.exec(line)?.[1] ?? (/^ [A-Z]/.test(line) ? line : undefined);
    const continues = current && (/^\s{2,}\S|^[a-z]/.test(line) || !/[.!?]$/.test(current.text));
    if (bullet === undefined && continues) {
      current!.text += ` ${line.trim()}`;
    } else if (bullet !== undefined || /^[A-Z]/.test(line)) {
      current = {
        ref: `${area.code}.${recommendations.filter((r) => r.ref.startsWith(`${area!.code}.`)).length + 1}`,
        text: (bullet ?? line).trim(),
        section: area.name,
        ...(area.context && { context: area.context }),
        row: i + 1,
        actions: [],
      };
      recommendations.push(current);
    }
  });

  const problems = recommendations.length
    ? []
    : [
        {
          file: fileName,
          message: 'no "Areas for Improvement" lists under graded areas found',
          severity: 'error' as const,
        },
      ];
  return { recommendations, problems };
}

/** An inspection report as Markdown or text, or as a Word document or PDF -> draft recommendations. */
export async function draftFromInspectionReport(buffer: Buffer, fileName: string): Promise<ParsedPlan> {
  try {
    const ext = extensionOf(fileName);
    if (ext === 'pdf') return draftFromReportText(await readPdfText(buffer), fileName);
    if (ext !== 'docx') return draftFromReportText(decodeText(buffer), fileName);
    // mammoth's Markdown keeps headings and bullets, which is all this reader needs.
    const { default: mammoth } = await import('mammoth');
    const { value } = await (
      mammoth as unknown as { convertToMarkdown(i: { buffer: Buffer }): Promise<{ value: string }> }
    ).convertToMarkdown({ buffer });
    return draftFromReportText(value, fileName);
  } catch (err) {
    return {
      recommendations: [],
      problems: [
        {
          file: fileName,
          message: `could not read ${fileName}: ${err instanceof Error ? err.message : String(err)}`,
          severity: 'error',
        },
      ],
    };
  }
}
