import type { Locator } from 'playwright-core';

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A design system table read as people read it: one entry per body row, each cell under its
 * column heading (the hub puts the heading on every cell for the narrow-screen layout).
 */
export async function readTable(table: Locator): Promise<Record<string, string>[]> {
  const rows = table.locator('tbody tr');
  const read: Record<string, string>[] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    const cells = rows.nth(index).locator('td, th');
    const entry: Record<string, string> = {};
    for (let cell = 0; cell < (await cells.count()); cell += 1) {
      const heading = await cells.nth(cell).getAttribute('data-heading');
      entry[heading ?? String(cell)] = tidy(await cells.nth(cell).innerText());
    }
    read.push(entry);
  }
  return read;
}
