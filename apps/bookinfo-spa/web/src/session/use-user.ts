import { useSyncExternalStore } from 'react';
import { currentUser, subscribeToUser } from './session-store';

export function useUser(): string | null {
  return useSyncExternalStore(subscribeToUser, currentUser);
}
