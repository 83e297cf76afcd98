import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { snap } from './fixtures';

/** What the suite refuses: axe's two worst impact levels, and headings out of order (moderate, but it breaks screen-reader navigation by heading). */
const BLOCKING = new Set(['serious', 'critical']);
const ALSO_REFUSED = new Set(['heading-order']);

export interface Finding {
  state: string;
  theme: 'light' | 'dark';
  rule: string;
  impact: string;
  help: string;
  /** Each flagged element with why, as axe says it. */
  nodes: { target: string; why: string }[];
}

/** Colour transitions would let axe read a colour half way between two states. */
const STILL = '*,*::before,*::after{transition:none!important;animation:none!important;caret-color:auto!important}';

/**
 * Scans the page as it is now, in light and then dark, saving a screenshot of each. Returns the
 * serious and critical findings (the caller asserts once, so one run lists every state's problems).
 */
export async function scanBothThemes(page: Page, state: string): Promise<Finding[]> {
  await page.addStyleTag({ content: STILL });
  const findings: Finding[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await snap(page, `a11y-${state}-${theme}`);
    const result = await new AxeBuilder({ page }).analyze();
    for (const violation of result.violations) {
      if (!BLOCKING.has(violation.impact ?? '') && !ALSO_REFUSED.has(violation.id)) continue;
      findings.push({
        state,
        theme,
        rule: violation.id,
        impact: violation.impact ?? 'unrated',
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: node.target.join(' '),
          why: node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '',
        })),
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return findings;
}

/** One line per rule and state, with up to three of the elements it flagged: readable in a CI log. */
export function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no serious or critical accessibility violations';
  const lines = findings.map((f) => {
    const shown = f.nodes.slice(0, 4).map((n) => `\n    at ${n.target}: ${n.why}`);
    const more = f.nodes.length > 4 ? `\n    (+${f.nodes.length - 4} more)` : '';
    return `- [${f.state}, ${f.theme}] ${f.impact} ${f.rule}: ${f.help}${shown.join('')}${more}`;
  });
  return `${findings.length} serious or critical accessibility violations:\n${lines.join('\n')}`;
}
