import { runCli } from './main.js';

// Entry point of bin/congdoan.mjs: stdout carries only the command's output; logs and errors go to stderr.
const code = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
process.exitCode = code;
