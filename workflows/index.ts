// The bundle entry the worker loads: every workflow the engine runs.
export { campaignWorkflow } from './campaign-workflow';
export { roundWorkflow } from './round-workflow';
