// Runs once as the Next.js server starts (next start or next dev, not only through scripts/start.ts):
// a bad setting stops it here, before any request is answered.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { settingsOrExit } = await import('./lib/config');
  settingsOrExit();
}
