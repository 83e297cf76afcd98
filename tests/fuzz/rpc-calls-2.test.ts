import { fuzzContractCalls } from './rpc-fuzz';

/** Part 2 of the contract-call fuzz (see rpc-fuzz.ts). */
fuzzContractCalls(1);
