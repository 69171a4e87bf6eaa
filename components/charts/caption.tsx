'use client';
// The caption a downloaded chart carries: what is selected (the page's sentence), what the chart
// leaves out of it, and the dataset. The page gives the parts every chart shares once.
import { createContext, useContext } from 'react';
import { FIELDS } from '@/lib/filters/fields';
import { describe } from '@/lib/filters/describe';
import type { ValueField } from '@/lib/filters/fields';

export interface CaptionParts {
  total: number; // conversations selected
  dataset: string; // e.g. "WildChat-1M", or the synthetic sample said plainly
  datasets?: number; // how many datasets are served (by-dataset options show only for several)
}

/** A chart drawn without its own filter: that filter, and the conversations it counts without it. */
export interface Omitted {
  field: ValueField;
  total: number;
}

const Parts = createContext<CaptionParts | null>(null);

export function CaptionParts({ value, children }: { value: CaptionParts; children: React.ReactNode }) {
  return <Parts.Provider value={value}>{children}</Parts.Provider>;
}

export const useCaptionParts = () => useContext(Parts);

const fmt = (n: number) => n.toLocaleString('en-US');

/** The caption's paragraphs: the selection's sentence, the filter this chart leaves out, the dataset. */
export function chartCaption(parts: CaptionParts, query: string, omitted?: Omitted): string[] {
  const lines = [`${describe(parts.total, new URLSearchParams(query))}.`];
  if (omitted) {
    const title = FIELDS[omitted.field].title.toLowerCase();
    lines.push(
      `This chart leaves out the ${title} filter: it counts the ${fmt(omitted.total)} conversations without it, the chosen values emphasised.`,
    );
  }
  lines.push(`Data: ${parts.dataset}. Drawn by Wildscope.`);
  return lines;
}
