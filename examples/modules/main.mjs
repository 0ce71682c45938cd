// One module program, unchanged on every engine: ./jsi run --engine rhino|graal|v8 examples/modules/main.mjs
import { total, add } from './lib/cart.mjs';
import format from './lib/format.ts';
import * as prices from './lib/prices.cjs';
import config from './config.json';
import storage from 'jsi:storage';

add('tea', prices.tea);
add('cake', prices.default.cake);
storage.set('owner', config.owner);
console.log('%s pays %s', storage.get('owner'), format(total));
import('./lib/late.mjs').then((late) => console.log(import.meta.url.endsWith('/main.mjs'), late.message));
