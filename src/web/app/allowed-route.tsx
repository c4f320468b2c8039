import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../features/auth/session-context';
import { isPathAllowed } from '../features/navigation/navigation';
import { NotAllowedPage } from './not-found-page';

/**
 * Shows a page only to a role whose navigation includes it. The server still decides what data
 * anyone gets; this only spares people pages that would answer 403.
 */
export function AllowedRoute({ children }: { children: ReactNode }) {
  const { navigation } = useSession();
  const { pathname } = useLocation();
  return isPathAllowed(navigation, pathname) ? children : <NotAllowedPage />;
}
