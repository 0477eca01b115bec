// The shared flows of flows.mjs in Chromium (driver: drivers.mjs chromiumDriver).
import { runFlows } from './flows.mjs';
import { chromiumDriver } from './drivers.mjs';

runFlows(chromiumDriver);
