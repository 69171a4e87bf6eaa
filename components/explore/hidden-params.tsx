/** The current query string as hidden inputs, minus the keys a GET form sets itself. */
export function HiddenParams({ params, except }: { params: URLSearchParams; except: string[] }) {
  return <>{[...params].filter(([k]) => !except.includes(k) && k !== 'offset').map(([k, v], i) => <input key={i} type="hidden" name={k} value={v} />)}</>;
}
