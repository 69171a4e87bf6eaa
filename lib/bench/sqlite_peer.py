#!/usr/bin/env python3
"""The benchmark's peer: SQLite FTS5 as shipped (Python's sqlite3 module), in Datasette's layout.

  sqlite_peer.py build DB CONVERSATIONS.csv MESSAGES.csv   loads the CSVs scripts/bench.ts exported
  sqlite_peer.py ask DB REPEAT < questions.json            answers [{"query": ..., "phrase": bool}]

Each prints one JSON object on stdout. The tables are those of `sqlite-utils insert` and
`sqlite-utils enable-fts messages content` (an FTS5 table over messages.content, content=messages,
default unicode61 tokenizer); SQLite's rowids number conversations in file order, as Wildscope's do.
"""
import csv
import json
import os
import sqlite3
import statistics
import sys
import time

csv.field_size_limit(1 << 30)


def build(db, conversations, messages):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db, isolation_level=None)
    # A bulk load into a new file: no journal to keep, nothing to sync until the end.
    con.execute('PRAGMA journal_mode = OFF')
    con.execute('PRAGMA synchronous = OFF')
    con.execute('CREATE TABLE conversations (id INTEGER PRIMARY KEY, conversation_id TEXT, timestamp INTEGER, '
                'language TEXT, country TEXT, model TEXT)')
    con.execute('CREATE TABLE messages (id INTEGER PRIMARY KEY, conversation INTEGER REFERENCES conversations(id), '
                'role TEXT, content TEXT)')
    t0 = time.perf_counter()
    con.execute('BEGIN')
    with open(conversations, newline='', encoding='utf-8') as f:
        con.executemany('INSERT INTO conversations VALUES (?, ?, ?, ?, ?, ?)',
                        ([int(r[0]), r[1], int(r[2]) if r[2] else None, r[3] or None, r[4] or None, r[5] or None]
                         for r in csv.reader(f)))
    with open(messages, newline='', encoding='utf-8') as f:
        con.executemany('INSERT INTO messages (conversation, role, content) VALUES (?, ?, ?)',
                        ((int(r[0]), r[1], r[2]) for r in csv.reader(f)))
    con.execute('COMMIT')
    t1 = time.perf_counter()
    con.execute('BEGIN')
    con.execute('CREATE VIRTUAL TABLE messages_fts USING fts5(content, content=messages, content_rowid=id)')
    con.execute('INSERT INTO messages_fts (rowid, content) SELECT id, content FROM messages')
    con.execute("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')")
    con.execute('COMMIT')
    t2 = time.perf_counter()
    con.close()
    return {'loadSeconds': t1 - t0, 'indexSeconds': t2 - t1, 'bytes': os.path.getsize(db)}


def fts_query(q, phrase):
    words = q.split()
    # Every word quoted: FTS5 then reads no operators (AND, OR, NOT, NEAR) into them.
    return '"' + ' '.join(words) + '"' if phrase else ' '.join('"' + w + '"' for w in words)


def answer(con, match):
    """A researcher's questions for one search: how many conversations, the newest 50, facets."""
    con.execute('DROP TABLE IF EXISTS temp.hits')
    con.execute('CREATE TEMP TABLE hits AS SELECT DISTINCT m.conversation AS id FROM messages_fts f '
                'JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH ?', (match,))
    total = con.execute('SELECT count(*) FROM hits').fetchone()[0]
    newest = con.execute('SELECT c.conversation_id, c.timestamp FROM hits h JOIN conversations c ON c.id = h.id '
                         'ORDER BY c.timestamp DESC, c.id DESC LIMIT 50').fetchall()
    facets = {col: con.execute(f'SELECT c.{col}, count(*) FROM hits h JOIN conversations c ON c.id = h.id '
                               f'GROUP BY 1 ORDER BY 2 DESC').fetchall() for col in ('language', 'country', 'model')}
    return total, newest, facets


def ask(db, repeat, questions):
    con = sqlite3.connect(db, isolation_level=None)
    out = []
    for q in questions:
        match = fts_query(q['query'], q.get('phrase', False))
        answer(con, match)  # warm
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            total, newest, facets = answer(con, match)
            times.append((time.perf_counter() - t) * 1000)
        out.append({'query': q['query'], 'phrase': q.get('phrase', False), 'total': total, 'ms': statistics.median(times),
                    'newest': [r[0] for r in newest[:3]], 'languages': len(facets['language'])})
    con.close()
    return out


if __name__ == '__main__':
    cmd = sys.argv[1]
    info = {'sqlite': sqlite3.sqlite_version, 'python': sys.version.split()[0]}
    if cmd == 'build':
        print(json.dumps({**info, **build(*sys.argv[2:5])}))
    elif cmd == 'ask':
        print(json.dumps({**info, 'answers': ask(sys.argv[2], int(sys.argv[3]), json.load(sys.stdin))}))
    else:
        sys.exit(f'unknown command {cmd}')
