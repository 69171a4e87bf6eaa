import type { ViewLinks } from '@/lib/urls';

/** The view's other parameters as hidden inputs of a GET form, minus the ones the form sets itself. */
export function HiddenParams({ links, except }: { links: ViewLinks; except: readonly string[] }) {
  return (
    <>
      {links.hidden(except).map(([k, v], i) => (
        <input key={i} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}
