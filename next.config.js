/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings'],
  poweredByHeader: false,
  // Loopback by default (scripts/start.ts): gzip on the server's one JavaScript thread cost 7% of
  // its throughput under load; a reverse proxy in front compresses for remote readers.
  compress: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        // Pages get a per-request nonce policy from proxy.ts; API answers are data and run nothing.
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" }],
      },
    ];
  },
};

export default nextConfig;
