// The shared flows of flows.mjs in Firefox (driver: drivers.mjs firefoxDriver).
import { runFlows } from './flows.mjs';
import { firefoxDriver } from './drivers.mjs';

runFlows(firefoxDriver);
