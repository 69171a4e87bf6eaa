import { describe, expect, it } from 'vitest';
import { parseParams } from './filters/schema';
import { isWildVis, wildvisExplore, wildvisMap, type Served } from './wildvis';

const WILDCHAT: Served = {
  datasets: [{ name: 'wildchat', kind: 'wildchat' }],
  name: 'WildChat-1M',
  languages: ['English', 'Chinese', 'Russian', 'Portuguese'],
};
const LMSYS: Served = { datasets: [{ name: 'lmsys', kind: 'lmsys' }], name: 'LMSYS-Chat-1M', languages: ['English', 'unknown'] };

const explore = (query: string, served = WILDCHAT) => wildvisExplore(new URLSearchParams(query), served);
/** The redirect's target, decoded for reading. */
const to = (query: string, served = WILDCHAT) => {
  const t = explore(query, served);
  if (!t || !('to' in t)) throw new Error(`no redirect for ${query}: ${JSON.stringify(t)}`);
  return decodeURIComponent(t.to.replace(/\+/g, ' '));
};

describe('WildVis explore URLs', () => {
  it('turn the paper examples into the same filters', () => {
    expect(to('contains=homework&toxic=false&language=English')).toBe('/?q="homework"&toxic=false&language=English');
    expect(to('contains=Visa%20Officer&redacted=true')).toBe('/?q="Visa Officer"&redacted=true');
  });

  it('map each WildVis parameter', () => {
    expect(to('contains=tell+me+a+joke')).toBe('/?q="tell me a joke"');
    expect(to('min_turns=3')).toBe('/?turns_min=3');
    expect(to('contains=x&language=english')).toBe('/?q="x"&language=English');
    expect(to('language=CHINESE')).toBe('/?language=Chinese');
    expect(to('language=portuguese&language=russian')).toBe('/?language=Portuguese&language=Russian');
    // A served dataset named `wildchat` makes `dataset=wildchat` Wildscope's own filter (the same view); under another name, WildVis's.
    expect(explore('dataset=wildchat')).toBeUndefined();
    expect(to('dataset=wildchat', { ...WILDCHAT, datasets: [{ name: 'wc', kind: 'wildchat' }] })).toBe('/');
    const wc: Served = { ...WILDCHAT, datasets: [{ name: 'wc', kind: 'wildchat' }] };
    expect(to('dataset=wildchat&model=gpt-4-0314&hashed_ip=abc&country=United+States&state=California&toxic=true&redacted=false', wc)).toBe(
      '/?model=gpt-4-0314&hashed_ip=abc&country=United States&state=California&toxic=true&redacted=false',
    );
    expect(to('contains=x&search_expansion_limit=500')).toBe('/?q="x"');
  });

  it('select the served datasets of the kind WildVis names, when several are served', () => {
    const three: Served = {
      datasets: [
        { name: 'wc1m', kind: 'wildchat' },
        { name: 'wc48', kind: 'wildchat-4.8m' },
        { name: 'lm', kind: 'lmsys' },
      ],
      name: 'WildChat-1M, WildChat-4.8M and LMSYS-Chat-1M',
      languages: ['English'],
    };
    expect(to('dataset=wildchat&contains=x', three)).toBe('/?dataset=wc1m&dataset=wc48&q="x"');
    expect(to('dataset=LMSYSChat&toxic=true', three)).toBe('/?dataset=lm&flagged=any');
    // WildChat's own toxic flag keeps its meaning beside an LMSYS dataset.
    expect(to('dataset=wildchat&toxic=true', three)).toBe('/?dataset=wc1m&dataset=wc48&toxic=true');
    // WildVis showed WildChat when its link named no dataset.
    expect(to('contains=x', three)).toBe('/?q="x"&dataset=wc1m&dataset=wc48');
    expect(to('contains=x', { ...three, datasets: three.datasets.slice(2) })).toBe('/?q="x"');
    // A Wildscope link naming served datasets is not rewritten (no redirect loop).
    expect(explore('dataset=wc1m&dataset=lm', three)).toBeUndefined();
    const none = explore('dataset=lmsyschat', { ...three, datasets: three.datasets.slice(0, 2) });
    expect(none && 'notice' in none && none.notice).toContain('asks for LMSYS-Chat-1M conversations');
  });

  it('turn a page of 30 into an offset', () => {
    expect(to('contains=x&page=1')).toBe('/?q="x"&limit=30');
    expect(to('contains=x&page=3')).toBe('/?q="x"&offset=60&limit=30');
    expect(to('page=3334')).toBe('/?offset=99990&limit=30');
  });

  it('say what is wrong with a bad page, with the way to the view without it', () => {
    for (const bad of ['0', 'abc', '-2', '2.5', '9999999999', '3333335']) {
      const t = explore(`contains=x&page=${bad}`);
      expect(t && 'notice' in t && t.notice, bad).toContain('page');
      expect(t && 'href' in t && t.href).toBe('/?q=%22x%22');
    }
  });

  it('open a conversation named by conversation_id, ignoring the other filters as its page does', () => {
    expect(to('conversation_id=1234567890123456789&toxic=true')).toBe('/c/1234567890123456789');
    expect(to('conversation_id=a/b c', LMSYS)).toBe('/c/a/b c');
    expect(explore('conversation_id=a%2Fb%20c', LMSYS)).toEqual({ to: '/c/a%2Fb%20c' });
  });

  it('keep quotes inside a phrase from ending it', () => {
    const target = explore('contains=she+said+%22hi%22+twice');
    expect(target).toEqual({ to: '/?q=%22she+said++hi++twice%22' });
    const q = new URL(`http://x${(target as { to: string }).to}`).searchParams;
    expect(parseParams(q).filter.search?.checks).toHaveLength(1); // one phrase, not two
  });

  it('add the phrase to a Wildscope search in the same link', () => {
    expect(to('q=essay&contains=due+tomorrow')).toBe('/?q=essay "due tomorrow"');
  });

  it('say so when the dataset asked for is not served, linking to the same filters on the one that is', () => {
    const t = explore('dataset=lmsyschat&contains=python&min_turns=2');
    expect(t).toEqual({
      notice: 'This WildVis link asks for LMSYS-Chat-1M conversations. This server serves WildChat-1M only, so none are shown.',
      href: '/?q=%22python%22&turns_min=2',
      action: 'The same filters on WildChat-1M',
    });
    const c = explore('dataset=wildchat&conversation_id=1', LMSYS);
    expect(c && 'notice' in c && c.notice).toContain('asks for WildChat conversations');
    expect(to('dataset=lmsyschat&toxic=true', LMSYS)).toBe('/?flagged=any');
    expect(to('dataset=wildchat', { ...WILDCHAT, datasets: [{ name: 'wildchat-4.8m', kind: 'wildchat-4.8m' }] })).toBe('/');
  });

  it("leave Wildscope's own URLs alone, WildVis's links that are Wildscope's too included", () => {
    for (const q of [
      '',
      'language=English',
      'q=%22homework%22&toxic=false&language=English',
      'toxic=true',
      'hashed_ip=abc',
      'state=California&country=United%20States',
      'turns_min=2&offset=30&limit=30',
      'language=Klingon',
      'dataset=other',
      'from=embedding',
    ]) {
      expect(explore(q), q).toBeUndefined();
    }
    expect(explore('toxic=true', LMSYS)).toBeUndefined();
  });

  it('lead to URLs that are not WildVis URLs any more (no redirect loop)', () => {
    for (const q of [
      'contains=homework&toxic=false&language=english&page=2',
      'dataset=wildchat&min_turns=2&language=klingon',
      'language=english&language=English',
      'contains=%22&page=1',
    ]) {
      const t = explore(q) as { to: string };
      expect(isWildVis(new URL(`http://x${t.to}`).searchParams, WILDCHAT), q).toBe(false);
    }
  });
  it('answer hostile values with a path of this app, the values encoded', () => {
    for (const q of [
      `contains=${'x'.repeat(5000)}`,
      'conversation_id=%2F%2Fevil.example.org',
      'conversation_id=..%2F..%2Fapi%2Fhealth',
      'contains=%3Cscript%3Ealert(1)%3C%2Fscript%3E&language=%3Cb%3E',
      'dataset=LMSYSCHAT&page=1e3',
    ]) {
      const t = explore(q)!;
      const path = 'to' in t ? t.to : t.href;
      expect(path, q).toMatch(/^\/(?!\/)[^<>\s]*$/);
    }
    expect(explore('conversation_id=%2F%2Fevil.example.org')).toEqual({ to: '/c/%2F%2Fevil.example.org' });
  });
});

describe('WildVis embedding map URLs', () => {
  const map = (lang: string | undefined, query = '', served = WILDCHAT) =>
    decodeURIComponent(wildvisMap(lang, new URLSearchParams(query), served).replace(/\+/g, ' '));

  it('open the topic map filtered to the language, with the same filters', () => {
    expect(map(undefined)).toBe('/map');
    expect(map('all')).toBe('/map');
    expect(map('english')).toBe('/map?language=English');
    expect(map('english', 'contains=python')).toBe('/map?q="python"&language=English');
    expect(map('chinese', 'toxic=true&min_turns=2&dataset=wildchat&search_expansion_limit=100&page=2')).toBe(
      '/map?toxic=true&turns_min=2&language=Chinese',
    );
    expect(map('english', 'language=russian')).toBe('/map?language=Russian');
    expect(map('klingon')).toBe('/map?language=klingon');
  });

  it('open a conversation, and leave a dataset not served for explore to explain', () => {
    expect(map('english', 'conversation_id=42')).toBe('/c/42');
    expect(map('english', 'dataset=lmsyschat')).toBe('/?dataset=lmsyschat&language=english');
    expect(explore('dataset=lmsyschat&language=english')).toHaveProperty('notice');
  });
});
