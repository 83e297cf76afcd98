import { fuzzContractCalls } from './rpc-fuzz';

/** Part 1 of the contract-call fuzz (see rpc-fuzz.ts). */
fuzzContractCalls(0);
