// What a built HTML page points at: links, assets, scripts, and the ids fragments can target.
// Regex over our own generated markup (attribute values always double-quoted), not general HTML.

export interface PageRefs {
  ids: Set<string>;
  links: string[];
  assets: string[];
  stylesheets: string[];
  scripts: { src?: string; inline?: string }[];
  islandModules: string[];
  jsonLd: string[];
  noindex: boolean;
}

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => decode(m[1]!));

export function pageRefs(html: string): PageRefs {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => !/type="application\/ld\+json"/.test(attrs!))
    .map(([, attrs, body]) => {
      const src = /\ssrc="([^"]+)"/.exec(attrs!)?.[1];
      return src ? { src: decode(src) } : { inline: body! };
    });
  return {
    ids: new Set(all(html, /\sid="([^"]+)"/g)),
    // A canonical URL names a page, and rel=expect an element the first paint waits for (a #fragment of
    // this page, which must exist, or the paint waits for the whole document); every other <link> (icons,
    // manifest, feeds, preloads) a file.
    links: [...all(html, /<a\s[^>]*?href="([^"]+)"/g), ...all(html, /<link rel="(?:canonical|expect)" href="([^"]+)"/g)],
    assets: [
      ...all(html, /<(?:img|source|video|audio|iframe)\s[^>]*?src="([^"]+)"/g),
      ...all(html, /<link\s(?![^>]*rel="(?:canonical|expect)")[^>]*?href="([^"]+)"/g),
      ...all(html, /<meta\s+(?:property|name)="(?:og:image|twitter:image)"\s+content="([^"]+)"/g),
      ...scripts.flatMap((s) => (s.src ? [s.src] : [])),
    ],
    stylesheets: [...html.matchAll(/<link\s([^>]*?)>/g)]
      .filter(([, attrs]) => /rel="stylesheet"/.test(attrs!) && !/media="print"/.test(attrs!))
      .map(([, attrs]) => decode(/href="([^"]+)"/.exec(attrs!)![1]!)),
    scripts,
    islandModules: [...html.matchAll(/<astro-island\s([^>]*)>/g)].flatMap(([, attrs]) =>
      all(attrs!, /\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g),
    ),
    jsonLd: [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!),
    noindex: /<meta name="robots" content="[^"]*noindex/.test(html),
  };
}
