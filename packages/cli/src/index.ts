export { EXIT_NOT_CONFORMANT, EXIT_OK, EXIT_USAGE, type Command, type CommandContext, type CommandEntry, type Writable } from './command.js';
export { builtinCommands } from './commands/index.js';
export { cliVersion, parseCommandArgs, run } from './main.js';
export { checkFile, type FileReport } from './commands/check.js';
