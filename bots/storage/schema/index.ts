// Every table of the platform. drizzle-kit reads this folder to generate migrations (bots/storage/README.md).
export * from './core-schema.js';
export * from './knowledge-schema.js';
export * from './channel-schema.js';
export * from './faq-schema.js';
export * from './mood-schema.js';
