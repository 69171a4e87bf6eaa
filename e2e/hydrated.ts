import { expect, type Page } from '@playwright/test';

/** Waits until React has hydrated the page (only possible if its scripts ran), so keys and client handlers work: the shortcuts say so with data-live. */
export const hydrated = (page: Page) => expect(page.getByTestId('skip-to-search')).toHaveAttribute('data-live', 'true');
