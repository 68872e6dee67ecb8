// The phpts command's entry point (bin/phpts starts it with a larger stack).
import { main } from '../dist/cli/main.js';

process.exitCode = main(process.argv.slice(2));
