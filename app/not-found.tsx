import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="mb-2 text-2xl font-semibold">Not found</h1>
      <p className="mb-4 text-slate-600">No conversation or page has that address.</p>
      <Link href="/" className="text-indigo-700 underline">
        Back to exploring
      </Link>
    </div>
  );
}
