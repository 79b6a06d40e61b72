// The page an emailed link opens: what the link will do, for whom, and the one button that does it.
// Rendered by the function itself (the token must be in the form, and the site's pages are static),
// as a plain HTML form that works with JavaScript off. Every value is escaped.
import { routes, site } from '../../../src/config/site.ts';

export interface ActionForm {
  /** A heading above the form when a page has several ("Pick a new time"). */
  heading?: string;
  /** Where the form posts (a path on this site). */
  action: string;
  /** Fields posted with the button, the token among them. */
  fields: Record<string, string>;
  /**
   * A choice the person makes before pressing the button: a select with option groups, opening on its
   * placeholder (nothing chosen: the browser asks for a choice before it posts).
   */
  choice?: { name: string; label: string; placeholder: string; groups: { label: string; options: { value: string; label: string }[] }[] };
  /** 'get' for a form that only opens another page (a step before an action); a POST otherwise. */
  method?: 'get';
  /** The button's label, a verb: "Confirm my subscription". */
  button: string;
  /** A quieter button for the action that undoes something (cancel). */
  quiet?: boolean;
}

export interface ActionPage {
  /** The <title> and the heading. */
  title: string;
  /** A short message above everything, such as why the last attempt did not work. */
  notice?: string;
  /** 'done' when the notice reports something that worked (a call moved), not a problem. */
  noticeTone?: 'done';
  /** Short paragraphs under the heading, plain text. */
  paragraphs: string[];
  /** Optional facts shown as a list of label and value (a booking's time, an address). */
  details?: [string, string][];
  /** One form per thing the page can do; most pages have exactly one. */
  forms: ActionForm[];
  /** A second, quieter way out: a link elsewhere on the site. */
  secondary?: { href: string; label: string };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// The site's design tokens (src/styles/global.css), inlined: the page must render with no other request.
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:17px/1.6 system-ui,sans-serif;color:#0b1220;background:#fff}
a{color:#0b6b62}a:focus-visible,button:focus-visible{outline:3px solid #0b6b62;outline-offset:3px}
main,footer{max-width:40rem;margin:0 auto;padding:0 1.25rem}
header{border-bottom:1px solid #e2e8f0}header div{max-width:40rem;margin:0 auto;padding:1.5rem 1.25rem}
header a{font-weight:800;text-decoration:none;color:#0b1220;font-size:1.1rem}
main{padding-top:3.5rem;padding-bottom:3.5rem}h1{font-size:2.2rem;line-height:1.15;letter-spacing:-.02em;margin:0 0 1rem}
p{color:#334155;margin:0 0 1rem}dl{margin:1.5rem 0;padding:1rem 1.25rem;background:#f6f8fa;border-radius:.75rem}
dt{font-size:.85rem;color:#526071}dd{margin:0 0 .5rem;font-weight:600}
form{margin:2rem 0 1rem}h2{font-size:1.25rem;margin:2.5rem 0 .5rem}label{display:block;font-weight:600;margin:0 0 .4rem}
select{font:inherit;width:100%;max-width:24rem;padding:.6rem;border:1px solid #94a3b8;border-radius:.5rem;margin:0 0 1rem;background:#fff;color:#0b1220}
.notice{padding:.9rem 1.1rem;border-radius:.75rem;background:#fff8eb;color:#7a4a00;margin:0 0 1.5rem}.notice.done{background:#ecfdf5;color:#065f46}
button.quiet{background:#fff;color:#0b6b62;border:2px solid #0b6b62}button.quiet:hover{background:#effcf9}button{font:inherit;font-weight:600;color:#fff;background:#0b6b62;border:0;border-radius:.5rem;padding:.75rem 1.4rem;cursor:pointer}
button:hover{background:#08534c}footer{color:#526071;font-size:.9rem;padding-bottom:2rem}`;

function renderForm(form: ActionForm, index: number): string {
  const hidden = Object.entries(form.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const id = `choice-${index}`;
  const choice = form.choice
    ? `<label for="${id}">${escapeHtml(form.choice.label)}</label><select id="${id}" name="${escapeHtml(form.choice.name)}" required><option value="">${escapeHtml(form.choice.placeholder)}</option>${form.choice.groups
        .map((group) => `<optgroup label="${escapeHtml(group.label)}">${group.options.map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`).join('')}</optgroup>`)
        .join('')}</select>`
    : '';
  const heading = form.heading ? `<h2>${escapeHtml(form.heading)}</h2>` : '';
  return `${heading}<form method="${form.method ?? 'post'}" action="${escapeHtml(form.action)}">${hidden}${choice}<button type="submit"${form.quiet ? ' class="quiet"' : ''}>${escapeHtml(form.button)}</button></form>`;
}

export function renderActionPage(page: ActionPage): string {
  const details = page.details?.length
    ? `<dl>${page.details.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`
    : '';
  const secondary = page.secondary ? `<p><a href="${escapeHtml(page.secondary.href)}">${escapeHtml(page.secondary.label)}</a></p>` : '';
  return `<!doctype html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)} | ${escapeHtml(site.name)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${STYLE}</style>
</head>
<body>
<header><div><a href="/">${escapeHtml(site.name)}</a></div></header>
<main>
<h1>${escapeHtml(page.title)}</h1>
${page.notice ? `<p class="notice${page.noticeTone === 'done' ? ' done' : ''}" role="status">${escapeHtml(page.notice)}</p>` : ''}
${page.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
${details}
${page.forms.map(renderForm).join('\n')}
${secondary}
</main>
<footer><a href="${routes.privacy}">Privacy policy</a></footer>
</body>
</html>
`;
}
