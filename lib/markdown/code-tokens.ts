// A deliberately small syntax colourer for fenced code: comments, strings, numbers and common
// keywords, recognised by one regular expression per comment style. It only classifies text;
// escaping happens in the caller.

export type CodeClass = 'comment' | 'string' | 'number' | 'keyword' | null;
export interface CodePiece {
  text: string;
  cls: CodeClass;
}

const KEYWORDS = new Set(
  `abstract as async await break case catch class const continue def default del do elif else
  end enum except export extends false final finally fn for from func function if import in interface is lambda let
  local nil none not null or pass private protected public raise return select self static struct super switch then
  this throw true try type typeof use using var void while with yield and where group by order limit join on insert
  update delete into values create table begin`.split(/\s+/),
);

const HASH_COMMENT = new Set([
  'python',
  'py',
  'bash',
  'sh',
  'shell',
  'zsh',
  'ruby',
  'rb',
  'r',
  'yaml',
  'yml',
  'toml',
  'perl',
  'powershell',
  'ps1',
  'dockerfile',
  'makefile',
]);
const DASH_COMMENT = new Set(['sql', 'lua', 'haskell', 'hs']);

function patternFor(lang: string): RegExp {
  const l = lang.toLowerCase();
  const comment = HASH_COMMENT.has(l) ? '#[^\\n]*' : DASH_COMMENT.has(l) ? '--[^\\n]*' : '\\/\\/[^\\n]*|\\/\\*[\\s\\S]*?\\*\\/';
  return new RegExp(
    `(${comment})|("(?:[^"\\\\\\n]|\\\\.)*"|'(?:[^'\\\\\\n]|\\\\.)*'|\`(?:[^\`\\\\]|\\\\.)*\`)|(\\b\\d+(?:\\.\\d+)?\\b)|([A-Za-z_][A-Za-z0-9_]*)`,
    'g',
  );
}

export function codePieces(code: string, lang: string): CodePiece[] {
  const out: CodePiece[] = [];
  let last = 0;
  const push = (text: string, cls: CodeClass) => {
    if (!text) return;
    const prev = out.at(-1);
    if (prev && prev.cls === cls) prev.text += text;
    else out.push({ text, cls });
  };
  for (const m of code.matchAll(patternFor(lang))) {
    push(code.slice(last, m.index), null);
    const cls: CodeClass = m[1] ? 'comment' : m[2] ? 'string' : m[3] ? 'number' : KEYWORDS.has(m[4]!) ? 'keyword' : null; // group 4 matched when 1-3 did not
    push(m[0], cls);
    last = m.index + m[0].length;
  }
  push(code.slice(last), null);
  return out;
}
