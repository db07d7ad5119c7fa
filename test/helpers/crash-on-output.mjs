// Preloaded (node --import) into the CLI by test/cli/internal-error.test.ts: the first write to stdout throws,
// as a bug in mimgen would, so that the test sees how a crash is reported.
const write = process.stdout.write.bind(process.stdout);
let first = true;
process.stdout.write = (...args) => {
  if (first) {
    first = false;
    throw new TypeError('simulated bug: cannot read properties of undefined');
  }
  return write(...args);
};
