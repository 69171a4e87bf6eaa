import { describe, expect, it } from 'vitest';
import { safeHref } from './escape';
import { highlightWords } from '../search/query';
import { countHits, highlightPattern } from './highlight';
import { head, renderMarkdown } from './render';

// No tag or attribute that could run code may survive; the text must still be there, escaped.
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(img|svg|iframe|style)\b/i);
  expect(html).not.toMatch(/<[^>]*\son\w+=/i);
  expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
}

describe('renderMarkdown', () => {
  it('escapes a script block and keeps its text', () => {
    const html = renderMarkdown('Look:\n\n<script>window.__pwned = 1; alert("xss")</script>\n\nok?');
    expectInert(html);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1; alert(&quot;xss&quot;)&lt;/script&gt;');
  });

  it('escapes inline tags with event handlers', () => {
    for (const src of [
      'fix this <img src=x onerror="window.__pwned = 1"> please',
      'a <svg onload="window.__pwned = 1"></svg> b',
      '<iframe src="https://example.com"></iframe>',
      '<style>body { display: none }</style>',
    ]) {
      const html = renderMarkdown(src);
      expectInert(html);
      expect(html).toContain('&lt;');
    }
    expect(renderMarkdown('x <img src=x onerror="window.__pwned = 1"> y')).toContain(
      '&lt;img src=x onerror=&quot;window.__pwned = 1&quot;&gt;',
    );
  });

  it('neutralises javascript: links in HTML and in markdown', () => {
    const a = renderMarkdown('<a href="javascript:window.__pwned=1">click me</a>');
    expectInert(a);
    expect(a).toContain('&lt;a href=&quot;javascript:window.__pwned=1&quot;&gt;click me&lt;/a&gt;');
    for (const src of [
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](java\tscript:alert(1))',
      '[click](data:text/html,<script>alert(1)</script>)',
      '[click](vbscript:x)',
      '<javascript:alert(1)>',
    ]) {
      const html = renderMarkdown(src);
      expectInert(html);
      expect(html).not.toContain('<a ');
    }
  });

  it('keeps http(s) and mailto links, opening elsewhere', () => {
    const html = renderMarkdown('[docs](https://example.com/a?b=1&c="2") and <mailto:me@example.com>');
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=%222%22" rel="nofollow noopener noreferrer" target="_blank">docs</a>');
    expect(html).toContain('href="mailto:me@example.com"');
  });

  it('turns images into links, so no request leaves the page', () => {
    const html = renderMarkdown('![cat](https://example.com/cat.png) ![x](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).toContain('[image: cat]');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('renders fenced code as pre/code with a language label, HTML inside escaped', () => {
    const html = renderMarkdown(
      'Here:\n\n```python\ndef f(n):\n    return n < 2 # "small"\n```\n\n```html\n<button onclick="alert(1)">x</button>\n```',
    );
    expect(html).toContain('<div class="md-code-lang">python</div><pre><code class="language-python">');
    expect(html).toContain('<span class="tok-keyword">def</span>');
    expect(html).toContain('&lt;');
    expect(html.replace(/<span class="tok-\w+">|<\/span>/g, '')).toContain('&lt;button onclick=&quot;alert(1)&quot;&gt;x&lt;/button&gt;');
    expectInert(html);
  });

  it('renders ordinary markdown and shows entities as typed', () => {
    const html = renderMarkdown('# Title\n\n**bold** and `a<b` & &copy; &#60;x\n\n- one\n- two');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>a&lt;b</code>');
    expect(html).toContain('&amp; &amp;copy; &amp;#60;x');
    expect(html).toContain('<li>one</li>');
  });

  it('highlights search words in text and code, never inside tags', () => {
    const p = highlightPattern(highlightWords('script Hello'));
    const html = renderMarkdown('hello <script>x</script> **HELLO** scripts\n\n```js\n// hello\n```', p);
    expect(html).toContain('<mark>hello</mark>');
    expect(html).toContain('&lt;<mark>script</mark>&gt;');
    expect(html).toContain('<strong><mark>HELLO</mark></strong>');
    expect(html).not.toContain('<mark>scripts');
    expect(html).toContain('<span class="tok-comment">// <mark>hello</mark></span>');
    expectInert(html);
  });
});

describe('head', () => {
  it('cuts long text at a line end near the limit', () => {
    const text = 'a'.repeat(90) + '\n' + 'b'.repeat(100);
    expect(head(text, 100)).toEqual({ text: 'a'.repeat(90), cut: true });
    expect(head('short', 100)).toEqual({ text: 'short', cut: false });
    expect(head('x'.repeat(300), 100).text).toHaveLength(100);
  });
});

describe('safeHref', () => {
  it('accepts only absolute http(s) and mailto', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/');
    expect(safeHref('HTTP://example.com/x')).toBe('http://example.com/x');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:x',
      '\u0001javascript:x',
      '/relative',
      '#top',
      'data:text/html,x',
      '//evil.com',
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe('countHits', () => {
  it('counts whole-word, case-insensitive hits', () => {
    const p = highlightPattern(['cat']);
    expect(countHits('Cat cats cat. CAT_x cat', p)).toBe(3);
    expect(countHits('cat', null)).toBe(0);
  });
});

describe('highlightWords', () => {
  it('keeps words and quoted words, drops exclusions and punctuation', () => {
    expect(highlightWords('Hello "big world" -spam -"no way" zebra-quartz-57, 你好')).toEqual([
      'hello',
      'big',
      'world',
      'zebra-quartz-57',
      '你好',
    ]);
    expect(highlightWords('')).toEqual([]);
  });
});
