export {
  createPoliceSimulator,
  type PoliceSimulator,
  type PoliceSimulatorOptions,
} from './createPoliceSimulator.js';
export { POLICE_SERVICE_PATH, policeOperations } from './routes/policeService.js';
export { POLICE_NAMESPACE } from './routes/soapRequest.js';
