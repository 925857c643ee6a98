import type { EventStore } from '../events/store/event-store';
import type { ArtefactFolder } from './artefacts/artefact-folder';

/** What the activities touch; the worker hands in real ones, tests their own. */
export interface ActivityDependencies {
  store: EventStore;
  artefacts: ArtefactFolder;
  /** Progress lines for long work (training epochs); the worker logs them. */
  progress?: (message: string, fields: Record<string, unknown>) => void;
}
