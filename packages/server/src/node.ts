export type { FetchHandler, NodeHandler, NodeHandlerOptions } from './to-node-handler';
export { toNodeHandler } from './to-node-handler';
