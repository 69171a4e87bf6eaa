// Geography, browsers and models for the synthetic generator, weighted like WildChat-1M.

export interface CountrySpec { name: string; weight: number; states: string[] }

const US_STATES = ['California', 'Texas', 'New York', 'Florida', 'Washington', 'Illinois', 'Pennsylvania', 'Ohio',
  'Georgia', 'North Carolina', 'Michigan', 'New Jersey', 'Virginia', 'Massachusetts', 'Arizona', 'Colorado',
  'Oregon', 'Minnesota', 'Maryland', 'Tennessee', 'Indiana', 'Missouri', 'Wisconsin', 'Utah', 'Nevada',
  'Connecticut', 'Iowa', 'Oklahoma', 'Kansas', 'Kentucky', 'Louisiana', 'Alabama', 'South Carolina', 'Arkansas',
  'Nebraska', 'New Mexico', 'Idaho', 'Hawaii', 'Maine', 'New Hampshire', 'Rhode Island', 'Montana', 'Delaware',
  'South Dakota', 'North Dakota', 'Alaska', 'Vermont', 'Wyoming', 'West Virginia', 'Mississippi',
  'District of Columbia'];

export const COUNTRIES: CountrySpec[] = [
  { name: 'United States', weight: 0.21, states: US_STATES },
  { name: 'Russia', weight: 0.12, states: ['Moscow', 'St.-Petersburg', 'Novosibirsk Oblast', 'Sverdlovsk Oblast', 'Tatarstan Republic', 'Krasnodar Krai', 'Bashkortostan Republic'] },
  { name: 'China', weight: 0.1, states: ['Beijing', 'Shanghai', 'Guangdong', 'Zhejiang', 'Jiangsu', 'Sichuan', 'Hubei', 'Fujian', 'Shandong'] },
  { name: 'Hong Kong', weight: 0.06, states: ['Central and Western', 'Kowloon City', 'Sha Tin', 'Wan Chai', 'Yau Tsim Mong'] },
  { name: 'United Kingdom', weight: 0.04, states: ['England', 'Scotland', 'Wales', 'Northern Ireland'] },
  { name: 'Germany', weight: 0.035, states: ['Bavaria', 'Berlin', 'Hesse', 'North Rhine-Westphalia', 'Baden-Württemberg', 'Hamburg'] },
  { name: 'France', weight: 0.03, states: ['Île-de-France', 'Auvergne-Rhône-Alpes', 'Occitanie', "Provence-Alpes-Côte d'Azur", 'Hauts-de-France'] },
  { name: 'Japan', weight: 0.025, states: ['Tokyo', 'Osaka', 'Kanagawa', 'Aichi', 'Fukuoka', 'Hokkaido'] },
  { name: 'Canada', weight: 0.025, states: ['Ontario', 'Quebec', 'British Columbia', 'Alberta', 'Manitoba', 'Nova Scotia'] },
  { name: 'Taiwan', weight: 0.02, states: ['Taipei', 'New Taipei', 'Taichung', 'Kaohsiung', 'Taoyuan'] },
  { name: 'Brazil', weight: 0.018, states: ['São Paulo', 'Rio de Janeiro', 'Minas Gerais', 'Bahia', 'Paraná'] },
  { name: 'India', weight: 0.018, states: ['Maharashtra', 'Karnataka', 'Delhi', 'Tamil Nadu', 'Telangana', 'Uttar Pradesh'] },
  { name: 'Spain', weight: 0.015, states: ['Madrid', 'Catalonia', 'Andalusia', 'Valencia'] },
  { name: 'Ukraine', weight: 0.015, states: ['Kyiv City', 'Kharkiv Oblast', 'Odessa', 'Lviv', 'Dnipropetrovsk Oblast'] },
  { name: 'Turkey', weight: 0.013, states: ['Istanbul', 'Ankara', 'Izmir', 'Bursa'] },
  { name: 'Italy', weight: 0.012, states: ['Lombardy', 'Lazio', 'Campania', 'Piedmont', 'Veneto'] },
  { name: 'Australia', weight: 0.012, states: ['New South Wales', 'Victoria', 'Queensland', 'Western Australia'] },
  { name: 'Singapore', weight: 0.01, states: [] },
  { name: 'South Korea', weight: 0.01, states: ['Seoul', 'Busan', 'Gyeonggi-do', 'Incheon'] },
  { name: 'Poland', weight: 0.009, states: ['Mazovia', 'Lesser Poland', 'Silesia', 'Greater Poland'] },
  { name: 'Vietnam', weight: 0.009, states: ['Hanoi', 'Ho Chi Minh', 'Da Nang'] },
  { name: 'Mexico', weight: 0.008, states: ['Mexico City', 'Jalisco', 'Nuevo León'] },
  { name: 'Netherlands', weight: 0.008, states: ['North Holland', 'South Holland', 'Utrecht'] },
  { name: 'Kazakhstan', weight: 0.007, states: ['Almaty', 'Astana'] },
  { name: 'Indonesia', weight: 0.007, states: ['Jakarta', 'West Java', 'East Java'] },
  { name: 'Egypt', weight: 0.006, states: ['Cairo Governorate', 'Alexandria', 'Giza'] },
  { name: 'Saudi Arabia', weight: 0.006, states: ['Riyadh Region', 'Mecca Region', 'Eastern Province'] },
  { name: 'Iran', weight: 0.005, states: ['Tehran', 'Isfahan', 'Razavi Khorasan'] },
  { name: 'Philippines', weight: 0.005, states: ['Metro Manila', 'Calabarzon', 'Central Visayas'] },
  { name: 'Morocco', weight: 0.004, states: ['Casablanca-Settat', 'Rabat-Salé-Kénitra'] },
  { name: 'Greece', weight: 0.003, states: ['Attica', 'Central Macedonia'] },
  { name: 'Macao', weight: 0.003, states: [] },
  { name: 'Kosovo', weight: 0.001, states: ['Pristina'] },
  { name: 'Argentina', weight: 0.005, states: ['Buenos Aires', 'Córdoba', 'Santa Fe'] },
  { name: 'Belarus', weight: 0.004, states: ['Minsk City', 'Gomel Oblast'] },
  { name: 'Pakistan', weight: 0.004, states: ['Punjab', 'Sindh'] },
  { name: 'Nigeria', weight: 0.003, states: ['Lagos', 'Abuja Federal Capital Territory'] },
  { name: 'Israel', weight: 0.003, states: ['Tel Aviv', 'Jerusalem'] },
  { name: 'Switzerland', weight: 0.003, states: ['Zurich', 'Geneva'] },
  { name: 'Sweden', weight: 0.003, states: ['Stockholm', 'Västra Götaland'] },
];

/** Countries whose users mostly write in a language, to correlate language and geography. */
export const HOME: Record<string, string[]> = {
  English: ['United States', 'United Kingdom', 'Canada', 'Australia', 'India', 'Singapore'],
  Chinese: ['China', 'Hong Kong', 'Taiwan', 'Singapore', 'Macao'],
  Russian: ['Russia', 'Ukraine', 'Kazakhstan', 'Belarus'],
  French: ['France', 'Canada', 'Morocco'], Spanish: ['Spain', 'Mexico', 'Argentina'],
  Portuguese: ['Brazil'], German: ['Germany', 'Switzerland'], Italian: ['Italy'], Turkish: ['Turkey'],
  Arabic: ['Egypt', 'Saudi Arabia', 'Morocco'], Japanese: ['Japan'], Korean: ['South Korea'], Polish: ['Poland'],
  Vietnamese: ['Vietnam'], Ukrainian: ['Ukraine'], Persian: ['Iran'], Indonesian: ['Indonesia'],
  Dutch: ['Netherlands'], Greek: ['Greece'], Hindi: ['India'],
};

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Edg/119.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.4 Safari/605.1.15',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/115.0',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
];

/** GPT-4 and GPT-3.5 snapshots by the date they served WildChat's chatbot (ISO dates, exclusive ends). */
export const MODEL_ERAS = {
  gpt4: [['2023-11-06', 'gpt-4-0314'], ['2024-01-25', 'gpt-4-1106-preview'], ['9999-12-31', 'gpt-4-0125-preview']],
  gpt35: [['2023-06-27', 'gpt-3.5-turbo-0301'], ['2024-01-25', 'gpt-3.5-turbo-0613'], ['9999-12-31', 'gpt-3.5-turbo-0125']],
} as const;
export const GPT4_SHARE = 0.2553;

export const LMSYS_MODELS = ['vicuna-13b', 'koala-13b', 'alpaca-13b', 'chatglm-6b', 'llama-13b', 'oasst-pythia-12b',
  'fastchat-t5-3b', 'dolly-v2-12b', 'stablelm-tuned-alpha-7b', 'gpt-3.5-turbo', 'claude-1', 'gpt-4', 'palm-2',
  'mpt-7b-chat', 'RWKV-4-Raven-14B', 'wizardlm-13b', 'guanaco-33b', 'vicuna-33b', 'llama-2-13b-chat', 'claude-instant-1'];
export const FOUR_EIGHT_MODELS = ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'gpt-4-0125-preview', 'gpt-3.5-turbo-0125',
  'o1-preview-2024-09-12', 'o1-mini-2024-09-12', 'gpt-4-turbo-2024-04-09'];
