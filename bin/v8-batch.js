// mimgen's commands but validate are batch runs of code that runs once or a few times: TypeScript's
// compiler, Ajv's code generation, the templates. V8 starts optimising a function once it has used up a
// budget of bytecode (66 KB in Node 20); in such a run most of that optimising is wasted on code that is
// about to finish, and it takes the second core from the package emitter's worker thread. A budget of
// 600 KB cuts the CPU time of generating the model of 500 objecttypen from 10.0 s to 8.0 s and its wall
// time from 5.6 s to 4.9 s (npm run bench). Set before the code loads: with v8.setFlagsFromString
// (bin/mimgen.js), or on node's command line (the benchmark's child processes).
export const V8_BATCH_FLAGS = ['--interrupt-budget=600000'];
