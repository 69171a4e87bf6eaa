import type { Metadata } from 'next';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from '@/lib/markdown/render';

export const metadata: Metadata = { title: 'API' };

// The reference is docs/API.md, read as the server starts: one text for the repository and the app.
const reference = renderMarkdown(readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), 'docs/API.md'), 'utf8'));

export default function ApiPage() {
  return (
    <article className="mx-auto max-w-4xl">
      {/* JSON answers, not pages: plain links, which the lint rule for pages mistakes for routes. */}
      {/* eslint-disable @next/next/no-html-link-for-pages */}
      <p className="mb-4 rounded border border-slate-200 bg-white p-3 text-sm">
        Every page has a JSON twin. Try{' '}
        <a className="text-indigo-700 underline" href="/api/health">
          /api/health
        </a>
        ,{' '}
        <a className="text-indigo-700 underline" href="/api/conversations?limit=5">
          /api/conversations?limit=5
        </a>{' '}
        or{' '}
        <a className="text-indigo-700 underline" href="/api/facets">
          /api/facets
        </a>
        .
      </p>
      {/* eslint-enable @next/next/no-html-link-for-pages */}
      <div
        className="md rounded border border-slate-200 bg-white p-4"
        data-testid="api-reference"
        dangerouslySetInnerHTML={{ __html: reference }}
      />
    </article>
  );
}
