// axe-core in the browser tests: the WCAG 2.1 AA rules, and each violation as one readable line.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The page's WCAG 2.1 AA violations: `label rule: first three places`, none when it passes. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${label} ${v.id}: ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}
