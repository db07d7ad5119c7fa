/** The V8 flags of mimgen's batch commands (all but validate); see v8-batch.js. */
export declare const V8_BATCH_FLAGS: readonly string[];
