import { DetoxifyChart } from '@/components/charts/detoxify-chart';
import { LanguageByCountry } from '@/components/charts/language-by-country';
import { ModerationFlagged } from '@/components/charts/moderation-flagged';
import { ModerationScores } from '@/components/charts/moderation-scores';
import { RankedChart } from '@/components/charts/ranked-chart';
import { LengthChart, TurnsChart } from '@/components/charts/shape-charts';
import { StatesChart } from '@/components/charts/states-chart';
import { TimeChart } from '@/components/charts/time-chart';
import { TopicSplitChart } from '@/components/charts/topic-split-chart';
import { TopicsChart } from '@/components/charts/topics-chart';
import { WorldMap } from '@/components/charts/world-map';
import { FIELDS } from '@/lib/filters/fields';
import type { Filter } from '@/lib/filters/schema';
import type { ViewLinks } from '@/lib/urls';
import { shapeNameOf } from '@/lib/geo/country-names';
import { usStateShapes } from '@/lib/geo/us-states';
import { worldShapes } from '@/lib/geo/world';
import { getStats } from '@/lib/queries/charts';
import { pageNotice } from '@/lib/server/respond';
import { noticesAt, ParamNotices, type BadParams } from '@/components/common/param-notices';
import { Sentence } from '@/components/common/sentence';
import { ViewNotice } from '@/components/common/view-notice';
import type { OwnFilterChart, StatsOptions } from '@/lib/stats/types';
import { CaptionParts, type Omitted } from '@/components/charts/caption';
import { datasetName, datasetSummary } from '@/lib/queries/dataset-summary';
import { selectedDatasets, unrecordedIn, type RecordedField } from '@/lib/dataset/recorded';
import { Unrecorded } from '@/components/charts/unrecorded';

const fmt = (n: number) => n.toLocaleString('en-US');

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-4">
      <h2 className="border-b border-slate-200 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {children}
    </section>
  );
}

/** Every chart for one filter state: the stats are computed once and shared. */
export async function ChartsBody({
  filter,
  options,
  links,
  bad,
}: {
  filter: Filter;
  options: StatsOptions;
  links: ViewLinks;
  bad: BadParams;
}) {
  let stats, dataset;
  try {
    [stats, dataset] = await Promise.all([getStats(filter, options), datasetSummary()]);
  } catch (e) {
    const notice = pageNotice(e);
    if (notice) return <ViewNotice message={notice} href={links.self} action="Try again" />;
    throw e;
  }
  const query = links.query;
  // A chart drawn without its own filter (stats' omitted): which, and what it counts without it.
  const omitted = (chart: OwnFilterChart): Omitted | undefined => {
    const field = stats.omitted[chart];
    return field ? { field, total: stats.omitted_totals[chart] ?? 0 } : undefined;
  };
  const countries = filter.values.country ?? [];
  const us = countries.length === 1 && shapeNameOf(countries[0]!) === 'United States of America' ? usStateShapes() : undefined;
  // A chart's cell: a bad parameter's notices for the filter it sets, then which selected datasets
  // do not record what it draws (none recording it: that notice stands in for the chart), then the chart.
  const selected = selectedDatasets(dataset.datasets, filter.values.dataset, filter.not.dataset);
  const cell = (place: string | null, field: RecordedField | null, chart: React.ReactElement, name?: string) => {
    const notices = place !== null && noticesAt(bad, place).length > 0;
    const names = field ? unrecordedIn(field, selected) : [];
    if (!notices && names.length === 0) return chart;
    const alone = names.length > 0 && names.length === selected.length;
    return (
      <div className="min-w-0 space-y-2">
        {notices && <ParamNotices bad={bad} place={place!} />}
        {names.length > 0 && <Unrecorded field={field!} names={names} alone={alone} chart={name!} />}
        {!alone && chart}
      </div>
    );
  };
  const beside = (place: string, chart: React.ReactElement) => cell(place, null, chart);
  return (
    <CaptionParts value={{ total: stats.total, dataset: datasetName(dataset), datasets: dataset.datasets.length }}>
      <div className="space-y-6">
        <p className="text-sm text-slate-700" data-testid="total" data-total={stats.total}>
          <Sentence total={stats.total} links={links} />
          <span className="text-slate-500">
            {' '}
            · {fmt(stats.messages)} message{stats.messages === 1 ? '' : 's'}
          </span>
        </p>
        {stats.total === 0 && (
          <p role="status" className="rounded border border-slate-300 bg-white p-3 text-sm text-slate-700" data-testid="charts-empty">
            No conversations match these filters: remove one above to see charts.
          </p>
        )}
        <Section title="Geography">
          {cell(
            'countries',
            'country',
            <WorldMap
              shapes={worldShapes()}
              countries={stats.countries}
              total={stats.total}
              query={query}
              omitted={omitted('countries')}
            />,
            'Conversations by country',
          )}
          <div className="grid gap-4 lg:grid-cols-2">
            {cell(
              'states',
              'state',
              <StatesChart states={stats.states} total={stats.total} query={query} usShapes={us} omitted={omitted('states')} />,
              'States and regions',
            )}
            {cell(
              null,
              'country',
              <LanguageByCountry
                data={stats.language_by_country}
                total={stats.total}
                query={query}
                omitted={omitted('language_by_country')}
              />,
              'Languages in the top countries',
            )}
          </div>
        </Section>
        <Section title="Language and model">
          <div className="grid gap-4 lg:grid-cols-2">
            {beside(
              'languages',
              <RankedChart
                id="languages"
                title="Languages"
                subtitle="Language of the conversation. Click a bar to filter by it."
                def={FIELDS.language}
                values={stats.languages}
                total={stats.total}
                query={query}
                limit={20}
                omitted={omitted('languages')}
              />,
            )}
            {beside(
              'models',
              <RankedChart
                id="models"
                title="Models"
                subtitle="The model that answered. Click a bar to filter by it."
                def={FIELDS.model}
                values={stats.models}
                total={stats.total}
                query={query}
                omitted={omitted('models')}
              />,
            )}
          </div>
        </Section>
        <Section title="Topics">
          <div className="grid gap-4 lg:grid-cols-2">
            {beside('topics', <TopicsChart topics={stats.topics} total={stats.total} query={query} omitted={omitted('topics')} />)}
            {beside('topic_split', <TopicSplitChart topics={stats.topics} query={query} omitted={omitted('topics')} />)}
          </div>
        </Section>
        <Section title="Time">
          {cell('time', 'time', <TimeChart time={stats.time} total={stats.total} query={query} />, 'Conversations over time')}
        </Section>
        <Section title="Moderation">
          <div className="grid gap-4 lg:grid-cols-2">
            {beside('moderation_flagged', <ModerationFlagged moderation={stats.moderation} query={query} />)}
            {beside('moderation_scores', <ModerationScores moderation={stats.moderation} query={query} />)}
            {cell('detoxify', 'detoxify', <DetoxifyChart moderation={stats.moderation} query={query} />, 'Detoxify scores')}
          </div>
        </Section>
        <Section title="Conversation shape">
          <div className="grid gap-4 lg:grid-cols-2">
            {beside('turns', <TurnsChart shape={stats.shape} query={query} />)}
            <LengthChart shape={stats.shape} query={query} />
          </div>
        </Section>
      </div>
    </CaptionParts>
  );
}
