// Each Markdown table scrolls inside a focusable region (src/components/ScrollTable.astro), and a
// region is announced by its name: seventeen regions all called "Scrollable table" told a screen
// reader user nothing about which table they were in. This Sätteri hast plugin hands each table the
// text of the heading above it, which ScrollTable uses as the region's name. It runs before Astro's
// own heading-id plugin, so the heading's text is used rather than its id.
import { defineHastPlugin } from 'satteri';

/** The property ScrollTable reads: `data-section` on the table element, its props in MDX. */
export const TABLE_SECTION_PROPERTY = 'dataSection';

export const tableRegionNames = defineHastPlugin({
  name: 'ai-operator:table-region-names',
  element: {
    filter: ['h2', 'h3', 'h4', 'table'],
    visit(node, ctx) {
      const seen = ctx.data as { lastHeading?: string };
      if (node.tagName !== 'table') {
        seen.lastHeading = ctx.textContent(node).replace(/\s+/g, ' ').trim();
        return;
      }
      if (seen.lastHeading) ctx.setProperty(node, TABLE_SECTION_PROPERTY, seen.lastHeading);
    },
  },
});
