'use client';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False in the server's HTML and true once React has hydrated: a component shows it (data-live) so
 * readers and tests can tell when its clicks and keys do something.
 */
export const useHydrated = (): boolean =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
