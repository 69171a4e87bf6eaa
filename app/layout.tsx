import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { Suspense } from 'react';
import { connection } from 'next/server';
import { DatasetLine } from '@/components/common/dataset-line';
import { KeyboardShortcuts } from '@/components/common/keyboard-shortcuts';
import { NavigationPending } from '@/components/common/navigation-pending';
import { THEME_SCRIPT, ThemeToggle } from '@/components/common/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Wildscope', template: '%s · Wildscope' },
  description: 'Browse and analyse million-conversation chatbot logs: faceted search, conversations turn by turn, charts.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, the not-found page too, so its scripts carry the CSP nonce (proxy.ts).
  await connection();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets data-theme before hydration, which React would otherwise report.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900">
        <KeyboardShortcuts />
        <Suspense>
          <NavigationPending />
        </Suspense>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight text-indigo-700">
              Wildscope
            </Link>
            <nav className="flex gap-4 text-sm text-slate-600">
              <Link href="/" className="hover:text-slate-900">
                Explore
              </Link>
              <Link href="/charts" className="hover:text-slate-900">
                Charts
              </Link>
              <Link href="/map" className="hover:text-slate-900">
                Map
              </Link>
              <Link href="/docs/api" className="hover:text-slate-900">
                API
              </Link>
            </nav>
            <DatasetLine />
            <ThemeToggle />
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-4">{children}</main>
      </body>
    </html>
  );
}
