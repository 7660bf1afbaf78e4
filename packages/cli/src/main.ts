import { parseArgs } from 'node:util';
import { EXIT_USAGE, type CommandContext, type CommandEntry } from './command.js';
import { builtinCommands } from './commands/index.js';
import { t, type Lang } from './i18n.js';
import { version } from './version.js';

/** The version of @egov-vn/cli (its package.json), printed by `egov-vn --version`. */
export const cliVersion: string = version;

/**
 * Runs `egov-vn` with `argv` (without `node` and the script) and returns the exit code.
 * Global options (`--lang`, `--help`, `--version`) may come before or after the command name.
 */
export async function run(
  argv: string[],
  io: Omit<CommandContext, 'argv' | 'lang'>,
  commands: CommandEntry[] = builtinCommands,
): Promise<number> {
  let lang: Lang = 'vi';
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (langAt !== -1) {
    const arg = argv[langAt] as string;
    const value = arg.includes('=') ? arg.split('=')[1] : argv[langAt + 1];
    if (value !== 'vi' && value !== 'en') {
      io.stderr.write(`${t('vi', 'badLang', { value: value ?? '' })}\n`);
      return EXIT_USAGE;
    }
    lang = value;
  }
  const list = commands.map((c) => `  ${c.name.padEnd(10)} ${lang === 'en' ? c.summary.en : c.summary.vi}`).join('\n');
  const name = argv.find((a, i) => !a.startsWith('-') && !(i > 0 && argv[i - 1] === '--lang'));
  if (!name) {
    if (argv.includes('--version')) {
      io.stdout.write(`${cliVersion}\n`);
      return 0;
    }
    const help = argv.includes('--help') || argv.includes('-h');
    (help ? io.stdout : io.stderr).write(`${t(lang, 'usage', { commands: list })}\n`);
    return help ? 0 : EXIT_USAGE;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`${t(lang, 'unknownCommand', { name })}\n${t(lang, 'usage', { commands: list })}\n`);
    return EXIT_USAGE;
  }
  const rest = argv.filter((_, i) => i !== argv.indexOf(name));
  const command = await entry.load();
  return command.run({ ...io, argv: rest, lang });
}

/** Parses a command's options with node:util parseArgs; reports a usage error instead of throwing. */
export function parseCommandArgs(
  ctx: CommandContext,
  options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } | undefined {
  try {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      options: { ...options, lang: { type: 'string' } },
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
    return { values: values, positionals };
  } catch (e) {
    ctx.stderr.write(`${t(ctx.lang, 'badOption', { detail: e instanceof Error ? e.message : String(e) })}\n`);
    return undefined;
  }
}
