// The shared flows of flows.mjs in Webkit (driver: drivers.mjs webkitDriver).
import { runFlows } from './flows.mjs';
import { webkitDriver } from './drivers.mjs';

runFlows(webkitDriver);
