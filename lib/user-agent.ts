// A tiny user-agent parser for the conversation header: browser family and version, OS.
// Order matters: Edge, Opera, Samsung and Yandex also announce "Chrome" and "Safari".

export interface ParsedUserAgent {
  browser: string | null;
  version: string | null;
  os: string | null;
}

const BROWSERS: [name: string, pattern: RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /\b(?:OPR|Opera)\/([\d.]+)/],
  ['Samsung Internet', /\bSamsungBrowser\/([\d.]+)/],
  ['Yandex', /\bYaBrowser\/([\d.]+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/([\d.]+)/],
  ['Safari', /\bVersion\/([\d.]+).*\bSafari\//],
];

const OSES: [name: string, pattern: RegExp][] = [
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b|\bMacintosh\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

export function parseUserAgent(ua: string | null | undefined): ParsedUserAgent {
  if (!ua) return { browser: null, version: null, os: null };
  let browser: string | null = null;
  let version: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const m = pattern.exec(ua);
    if (m) {
      browser = name;
      version = m[1]!.split('.')[0]!; // every pattern captures the version
      break;
    }
  }
  const os = OSES.find(([, pattern]) => pattern.test(ua))?.[0] ?? null;
  return { browser, version, os };
}

/** "Chrome 112", "Safari 16", or null when nothing was recognised. */
export function browserLabel(p: ParsedUserAgent): string | null {
  return p.browser ? (p.version ? `${p.browser} ${p.version}` : p.browser) : null;
}
