import { ViewLinks } from '@/lib/urls';
import { OptionLinks } from './option-links';

/** The moderation split option: by role, top languages or top countries. */
export const SplitLinks = ({ query }: { query: string }) => (
  <OptionLinks
    label="split by"
    param="split"
    query={query}
    current={new ViewLinks(query, '/charts').value('split')}
    values={[
      [null, 'nothing'],
      ['role', 'role'],
      ['language', 'language'],
      ['country', 'country'],
      ['dataset', 'dataset'],
    ]}
  />
);
