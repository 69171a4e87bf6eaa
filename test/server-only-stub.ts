// Vitest runs server modules outside Next's react-server condition, where `server-only` would throw.
export {};
