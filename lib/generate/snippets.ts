// Pieces pasted into messages: fenced code for replies, code and HTML that users paste,
// and the placeholders WildChat uses where personal data was redacted.

export const CODE: [language: string, code: string][] = [
  ['python', 'def fibonacci(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint(fibonacci(10))'],
  [
    'python',
    'import pandas as pd\n\ndf = pd.read_csv("data.csv")\nsummary = df.groupby("category")["value"].mean()\nprint(summary.sort_values(ascending=False))',
  ],
  [
    'javascript',
    'const fetchData = async (url) => {\n  const response = await fetch(url);\n  if (!response.ok) throw new Error(`HTTP ${response.status}`);\n  return response.json();\n};',
  ],
  [
    'java',
    'public class Main {\n    public static void main(String[] args) {\n        int[] numbers = {5, 3, 8, 1};\n        java.util.Arrays.sort(numbers);\n        System.out.println(java.util.Arrays.toString(numbers));\n    }\n}',
  ],
  [
    'sql',
    "SELECT customer_id, COUNT(*) AS orders\nFROM orders\nWHERE created_at >= '2023-01-01'\nGROUP BY customer_id\nORDER BY orders DESC\nLIMIT 10;",
  ],
  [
    'cpp',
    '#include <iostream>\n#include <vector>\n\nint main() {\n    std::vector<int> v{1, 2, 3};\n    for (auto x : v) std::cout << x << "\\n";\n    return 0;\n}',
  ],
  ['bash', 'for f in *.txt; do\n  wc -l "$f"\ndone | sort -n'],
  [
    'html',
    '<!DOCTYPE html>\n<html>\n<head><title>My Page</title></head>\n<body>\n  <h1>Hello</h1>\n  <button onclick="alert(\'hi\')">Click</button>\n</body>\n</html>',
  ],
  ['css', '.container {\n  display: flex;\n  justify-content: space-between;\n  padding: 16px;\n}'],
  [
    'lua',
    'local Players = game:GetService("Players")\nPlayers.PlayerAdded:Connect(function(player)\n    print(player.Name .. " joined")\nend)',
  ],
  [
    'csharp',
    'using UnityEngine;\n\npublic class PlayerMovement : MonoBehaviour {\n    public float speed = 5f;\n    void Update() {\n        transform.Translate(Input.GetAxis("Horizontal") * speed * Time.deltaTime, 0, 0);\n    }\n}',
  ],
  [
    'typescript',
    'interface User {\n  id: string;\n  name: string;\n}\n\nexport function greet(user: User): string {\n  return `Hello, ${user.name}!`;\n}',
  ],
];

/** HTML as users paste it, hostile parts included: the viewer must show it as text. */
export const HTML = [
  '<script>window.__pwned = 1; alert("xss")</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '<div class="card"><p>Rewrite this paragraph</p></div>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  '<iframe src="https://example.com"></iframe>',
  '<table><tr><td>Name</td><td>Score</td></tr></table>',
  '<style>body { display: none }</style>',
  '<svg onload="window.__pwned = 1"></svg>',
];

export const REDACTIONS = [
  'PRESIDIO_ANONYMIZED_PERSON',
  'PRESIDIO_ANONYMIZED_EMAIL_ADDRESS',
  'PRESIDIO_ANONYMIZED_PHONE_NUMBER',
  'PRESIDIO_ANONYMIZED_URL',
  'PRESIDIO_ANONYMIZED_IP_ADDRESS',
];

/** Tokens with hyphens, digits and underscores, as in product names, versions and identifiers. */
export const IDENTIFIERS = [
  'zebra-quartz-57',
  'gpt-3.5-turbo',
  'python3',
  'node_modules',
  'utf-8',
  'covid-19',
  'iphone-15',
  'x86_64',
  'snake_case',
  'user_id',
  'e-commerce',
  'co-founder',
  'mp4',
  'h264',
  'rtx-4090',
  'a4',
];
