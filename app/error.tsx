'use client';
// A page that failed on the server: the app's frame stays, with a way to try again and a way out.
import Link from 'next/link';

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="py-16 text-center" role="alert">
      <h1 className="mb-2 text-2xl font-semibold">Something went wrong</h1>
      <p className="mb-4 text-slate-600">This view could not be shown. The server log has the details.</p>
      <div className="flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">
          Try again
        </button>
        <Link href="/" className="text-indigo-700 underline">
          Back to exploring
        </Link>
      </div>
    </div>
  );
}
