export {
  createSimulatorServer,
  type SimulatorServer,
  type SimulatorServerOptions,
} from './createSimulatorServer.js';
export {
  route,
  matchRoute,
  type Route,
  type RouteHandler,
  type SimReply,
  type SimRequest,
} from './router.js';
export { json, xml, text, notFound, escapeXml, soapEnvelope, soapFault, xmlTexts } from './replies.js';
export { paginate, type Page, type PagingOptions } from './paginate.js';
export {
  createRng,
  formatDateVn,
  type Rng,
  type Sex,
  type PersonName,
  type CccdOptions,
} from './createRng.js';
export { vietnameseNames } from './vietnameseNames.js';
export { corruptBody, parseFaultSpecs, isFaultSpec, type FaultSpec, type ActiveFault } from './faults.js';
export type { SimulatorStats } from './requestStats.js';
export { adminUnits, type AdminUnitLevel, type AdminUnitRecord, type LineageLink } from './adminUnits.js';
