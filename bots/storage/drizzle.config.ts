import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema files and applied automatically at start (bots/storage/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './bots/storage/schema/*-schema.ts',
  out: './bots/storage/migrations',
});
