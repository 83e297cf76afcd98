// Node module hooks that resolve `electron` to the stand-in (used by the desktop wiring test).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
