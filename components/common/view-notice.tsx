import Link from 'next/link';

/** A readable notice in place of a view that cannot be shown (bad parameters, a query past its deadline, no index). */
export function ViewNotice({ message, href, action }: { message: string; href: string; action: string }) {
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-4">
      <p className="font-medium">{message}</p>
      <Link href={href} className="text-indigo-700 underline">
        {action}
      </Link>
    </div>
  );
}
