import Link from 'next/link';

/** A readable notice in place of a view whose queries could not be answered (deadline, no index). */
export function BusyNotice({ message, retry }: { message: string; retry: string }) {
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-4" data-testid="busy-notice">
      <p className="font-medium">{message}</p>
      <Link href={retry} className="text-indigo-700 underline">Try again</Link>
    </div>
  );
}
