// Small realistic-looking values for producer templates (name, email, ip, city, user agent),
// written here rather than pulling a faker library into a bundle with a 2 MB budget.

/** A source of numbers in [0, 1): Math.random in use, a seeded generator in tests. */
export type Random = () => number;

const FIRST = ['Ana', 'Ben', 'Chloé', 'David', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Almeida', 'Brown', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hansen', 'Ito', 'Johnson', 'Kowalski', 'Larsen', 'Müller', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Santos', 'Tanaka', 'Weber'];
const CITIES = ['Amsterdam', 'Berlin', 'Bogotá', 'Cairo', 'Chicago', 'Dublin', 'Lagos', 'Lisbon', 'London', 'Madrid', 'Melbourne', 'Montreal', 'Mumbai', 'Nairobi', 'Osaka', 'Paris', 'Seattle', 'Seoul', 'Singapore', 'São Paulo', 'Stockholm', 'Sydney', 'Tokyo', 'Toronto', 'Warsaw'];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  'curl/8.7.1',
];

export function pickOne<T>(random: Random, items: readonly T[]): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T;
}

/** An integer in [min, max], both included. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.min(max - min, Math.floor(random() * (max - min + 1)));
}

export const generators = {
  name: (random: Random) => `${pickOne(random, FIRST)} ${pickOne(random, LAST)}`,
  email: (random: Random) => `${ascii(pickOne(random, FIRST))}.${ascii(pickOne(random, LAST))}${randomInt(random, 1, 99)}@example.com`,
  // Public-looking IPv4 addresses: no 0.x, 10.x, 127.x or multicast first octets.
  ip: (random: Random) => [pickOne(random, [23, 34, 52, 81, 93, 104, 151, 185, 203]), randomInt(random, 0, 255), randomInt(random, 0, 255), randomInt(random, 1, 254)].join('.'),
  city: (random: Random) => pickOne(random, CITIES),
  userAgent: (random: Random) => pickOne(random, USER_AGENTS),
} as const;

/** Lower-case ASCII for email local parts ("Chloé" → "chloe"). */
function ascii(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}
