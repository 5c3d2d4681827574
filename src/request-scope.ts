// What belongs to the request being served, wherever the code runs: its id, so every log line
// written while serving it (the HTTP layer's, a slow statement's, an unexpected error's) names it.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  reqId: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
